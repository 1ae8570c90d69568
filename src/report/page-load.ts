// Page timings in the reports: the figures of a rendered home page beside the national reference thresholds, and
// the province line "đạt ngưỡng tải trang: N / M đơn vị đã đo". Facts, never scored: nothing here feeds a score.
import { PAGE_LOAD_THRESHOLDS, type PageTimings } from '../model/artifacts.js';
import type { UnitResult } from '../model/result.js';
import type { Lang } from '../engine/messages.js';

const WORDS = {
  vi: {
    title: 'Tốc độ tải trang chủ (không tính điểm)',
    fcp: 'Hiển thị nội dung đầu tiên',
    lcp: 'Hiển thị nội dung lớn nhất',
    load: 'Tải xong trang',
    bytes: 'Dung lượng tải',
    requests: 'Số yêu cầu',
    within: 'Đạt ngưỡng tải trang',
    yes: 'Đạt',
    no: 'Chưa đạt',
    threshold: 'ngưỡng',
    seconds: 'giây',
    province: (n: number, m: number): string => `Đạt ngưỡng tải trang: ${n} / ${m} đơn vị đã đo`,
    note: 'Đo khi hiển thị trang chủ bằng trình duyệt, theo ngưỡng của đợt đánh giá cổng thông tin năm 2025; không tính vào điểm.',
  },
  en: {
    title: 'Home page load (not scored)',
    fcp: 'First contentful paint',
    lcp: 'Largest contentful paint',
    load: 'Load complete',
    bytes: 'Transferred',
    requests: 'Requests',
    within: 'Within the page-load thresholds',
    yes: 'Yes',
    no: 'No',
    threshold: 'threshold',
    seconds: 's',
    province: (n: number, m: number): string => `Within the page-load thresholds: ${n} / ${m} units measured`,
    note: 'Measured when the home page was rendered in a browser, against the thresholds of the 2025 evaluation of state portals; not scored.',
  },
} as const;

export const pageLoadWords = (lang: Lang): (typeof WORDS)['vi'] | (typeof WORDS)['en'] => WORDS[lang];

/** Seconds with one decimal (the thresholds are 3, 4 and 5.8 s). */
export const seconds = (ms: number | undefined): number | undefined => (ms === undefined ? undefined : Math.round(ms / 100) / 10);

const decimal = (n: number, lang: Lang): string => (lang === 'vi' ? String(n).replace('.', ',') : String(n));

export function formatBytes(bytes: number, lang: Lang): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${decimal(Math.round(bytes / 1024), lang)} KB`;
  return `${decimal(Math.round((bytes / (1024 * 1024)) * 10) / 10, lang)} MB`;
}

export interface PageLoadFigure {
  label: string;
  /** "1,2 giây", or "—" when the browser reported none. */
  value: string;
  /** "< 3 giây", when the figure has a reference threshold. */
  threshold?: string;
  /** Below its threshold; absent when there is no threshold or no figure. */
  ok?: boolean;
}

/** The figures of one unit's timings, in reading order. */
export function pageLoadFigures(t: PageTimings, lang: Lang): PageLoadFigure[] {
  const w = WORDS[lang];
  const timed = (label: string, ms: number | undefined, limit: number): PageLoadFigure => ({
    label,
    value: ms === undefined ? '—' : `${decimal(seconds(ms)!, lang)} ${w.seconds}`,
    threshold: `< ${decimal(limit / 1000, lang)} ${w.seconds}`,
    ...(ms === undefined ? {} : { ok: ms < limit }),
  });
  return [
    timed(w.fcp, t.fcpMs, PAGE_LOAD_THRESHOLDS.fcpMs),
    timed(w.lcp, t.lcpMs, PAGE_LOAD_THRESHOLDS.lcpMs),
    timed(w.load, t.loadMs, PAGE_LOAD_THRESHOLDS.loadMs),
    { label: w.bytes, value: formatBytes(t.bytes, lang) },
    { label: w.requests, value: String(t.requests) },
  ];
}

/** Units whose timings decide the thresholds (measured), and how many of them are within all three. */
export class PageLoadTally {
  measured = 0;
  within = 0;
  add(u: Pick<UnitResult, 'timings'>): void {
    const verdict = u.timings?.withinThresholds;
    if (verdict === undefined) return;
    this.measured += 1;
    if (verdict) this.within += 1;
  }
  /** The province line, or undefined when no unit was measured (no browser, --render never, nothing rendered). */
  line(lang: Lang): string | undefined {
    return this.measured ? WORDS[lang].province(this.within, this.measured) : undefined;
  }
}

/** Headers of the detail sheet's page-load columns, each with its threshold. */
export function pageLoadHeaders(lang: Lang): string[] {
  const w = WORDS[lang];
  const limit = (ms: number): string => `${w.seconds}; ${w.threshold} < ${decimal(ms / 1000, lang)}`;
  return [
    `${w.fcp} (${limit(PAGE_LOAD_THRESHOLDS.fcpMs)})`,
    `${w.lcp} (${limit(PAGE_LOAD_THRESHOLDS.lcpMs)})`,
    `${w.load} (${limit(PAGE_LOAD_THRESHOLDS.loadMs)})`,
    `${w.bytes} (KB)`,
    w.requests,
    w.within,
  ];
}

/** The page-load cells of one unit (numbers as numbers), empty when its home page was not rendered. */
export function pageLoadCells(t: PageTimings | undefined, lang: Lang): (number | string)[] {
  if (!t) return ['', '', '', '', '', ''];
  const w = WORDS[lang];
  return [
    seconds(t.fcpMs) ?? '',
    seconds(t.lcpMs) ?? '',
    seconds(t.loadMs) ?? '',
    Math.round(t.bytes / 1024),
    t.requests,
    t.withinThresholds === undefined ? '' : t.withinThresholds ? w.yes : w.no,
  ];
}
