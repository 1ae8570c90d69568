// Province summary per platform (the `platform` fact of site-reachable), accumulated unit by unit: the inspector's
// "which vendor do we call" view — how many units run on each platform, how they score and what they fail most.
import type { Grade, UnitResult } from '../model/result.js';
import { GRADES } from '../model/result.js';
import { scoreForAverage } from './districts.js';

export interface PlatformSummary {
  /** The platform name as detected, or null for units whose platform was not recognised (or not reached). */
  platform: string | null;
  units: number;
  reachable: number;
  averageScore: number | null;
  grades: Record<Grade, number>;
  /** The rules most units of the platform fail (at most 3, most failed first). */
  topFails: { rule: string; units: number }[];
}

interface Acc {
  units: number;
  reachable: number;
  sum: number;
  scored: number;
  grades: Record<Grade, number>;
  fails: Map<string, number>;
}

export class PlatformAggregator {
  private readonly acc = new Map<string | null, Acc>();

  add(u: UnitResult): void {
    const fact = u.facts.platform;
    const key = typeof fact === 'string' && fact.length > 0 ? fact : null;
    let a = this.acc.get(key);
    if (!a) {
      a = {
        units: 0,
        reachable: 0,
        sum: 0,
        scored: 0,
        grades: Object.fromEntries(GRADES.map((g) => [g, 0])) as Record<Grade, number>,
        fails: new Map(),
      };
      this.acc.set(key, a);
    }
    a.units += 1;
    if (u.crawl.status === 'ok') a.reachable += 1;
    const score = scoreForAverage(u);
    if (score !== undefined) {
      a.sum += score;
      a.scored += 1;
    }
    a.grades[u.grade] = (a.grades[u.grade] ?? 0) + 1;
    for (const f of u.findings) if (f.status === 'fail') a.fails.set(f.rule, (a.fails.get(f.rule) ?? 0) + 1);
  }

  /** Most units first, then by name; the unrecognised group last. */
  summaries(): PlatformSummary[] {
    return [...this.acc.entries()]
      .map(([platform, a]) => ({
        platform,
        units: a.units,
        reachable: a.reachable,
        grades: a.grades,
        averageScore: a.scored ? Math.round((a.sum / a.scored) * 10) / 10 : null,
        topFails: [...a.fails.entries()]
          .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
          .slice(0, 3)
          .map(([rule, units]) => ({ rule, units })),
      }))
      .sort(
        (x, y) =>
          (x.platform === null ? 1 : 0) - (y.platform === null ? 1 : 0) ||
          y.units - x.units ||
          (x.platform ?? '').localeCompare(y.platform ?? ''),
      );
  }
}

/** The platform column label of a summary row. */
export function platformLabel(platform: string | null, lang: 'vi' | 'en'): string {
  return platform ?? (lang === 'vi' ? 'Chưa nhận ra (hoặc không truy cập được)' : 'Not recognised (or not reached)');
}

/** Rows of the small "Theo nền tảng" table (Excel, HTML): platform, units, reachable, average, "Chưa đạt", "Chưa xác minh", top fails. */
export function platformRows(summaries: readonly PlatformSummary[], lang: 'vi' | 'en'): (string | number)[][] {
  return summaries.map((s) => [
    platformLabel(s.platform, lang),
    s.units,
    s.reachable,
    s.averageScore ?? '',
    s.grades['Chưa đạt'] ?? 0,
    s.grades['Chưa xác minh'] ?? 0,
    s.topFails.map((f) => `${f.rule} (${f.units})`).join(', '),
  ]);
}

export const PLATFORM_HEADERS = {
  vi: {
    title: 'Theo nền tảng',
    platform: 'Nền tảng',
    units: 'Số đơn vị',
    reachable: 'Truy cập được',
    average: 'Điểm TB',
    failing: 'Chưa đạt',
    unverified: 'Chưa xác minh',
    topFails: 'Tiêu chí chưa đạt nhiều nhất (số đơn vị)',
  },
  en: {
    title: 'By platform',
    platform: 'Platform',
    units: 'Units',
    reachable: 'Reachable',
    average: 'Avg score',
    failing: 'Failing',
    unverified: 'Not verified',
    topFails: 'Most failed rules (units)',
  },
} as const;
