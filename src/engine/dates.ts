// Vietnamese date reading shared by the freshness rules: dd/mm/yyyy, dd-mm-yyyy, dd.mm.yyyy, ISO, "ngày 3 tháng 11
// năm 2026" (with or without diacritics) and school years ("năm học 2025-2026"). Pure functions over strings; the
// audit date is always passed in, never read from the clock.
import { stripDiacritics } from '../util/text.js';

export interface FoundDate {
  /** UTC midnight of the calendar day. */
  date: Date;
  /** yyyy-mm-dd */
  iso: string;
  /** The text as written on the page. */
  raw: string;
  /** Offset of `raw` in the text searched. */
  index: number;
}

export interface SchoolYear {
  /** The year the school year starts (1 September). */
  start: number;
  raw: string;
  index: number;
}

const DAY_MS = 86_400_000;
/** Years outside this window are typos, document numbers or historic facts ("thành lập năm 1975"), not news dates. */
const MIN_YEAR = 1995;

/** The calendar day y-m-d as UTC midnight, or undefined for impossible dates (31/02, month 13). */
export function makeDate(year: number, month: number, day: number): Date | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined;
  if (year < MIN_YEAR || year > 2999 || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? d : undefined;
}

export const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

/** The audit date's calendar day (UTC midnight). Vietnam is UTC+7, so a 23:30Z audit is already the next day there. */
export function auditDay(now: Date): Date {
  const local = new Date(now.getTime() + 7 * 3_600_000);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()));
}

/** Whole days from `date` to the audit day (negative for a date after it). */
export function daysBefore(date: Date, now: Date): number {
  return Math.round((auditDay(now).getTime() - date.getTime()) / DAY_MS);
}

/**
 * dd/mm/yyyy with one separator kind (/ - .), d and m on one or two digits. The look-arounds keep out document numbers
 * and identifiers: `15/11/2026/QĐ-UBND`, `1.2.2020.1`, `v12-11-2026x`. A slash date may follow a word directly
 * ("Đăng ngày15/11/2026": themes that put the label and the date in two spans without a space between them).
 */
const DMY = /(?:(?<![\p{L}\p{N}/.-])|(?<=\p{L})(?=\d{1,2}\/))(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?![\p{N}]|[/.-]\p{N}|\/\p{L}|-\p{Lu})/gu;
/** ISO yyyy-mm-dd, optionally followed by a time ("2026-11-14T08:15:00+07:00", "2026-11-14 08:15"). */
const ISO = /(?<![\p{L}\p{N}/.-])(\d{4})-(\d{2})-(\d{2})(?![\p{N}]|-\p{N})/gu;
/** "ngày 3 tháng 11 năm 2026", matched on the text without diacritics and lower-cased. */
const WORDS = /\bngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s*(?:,\s*)?nam\s+(\d{4})(?!\p{N})/gu;

// The digits each date pattern starts with, without its look-arounds, and the pattern itself anchored at a position.
// Tried at every position of a page's text, the look-behinds on Unicode classes were most of the cost of reading its
// dates; the digits alone rule out nearly every position at once.
const DMY_CORE = /\d{1,2}([/.-])\d{1,2}\1\d{4}/g;
const DMY_AT = new RegExp(DMY.source, 'uy');
const ISO_CORE = /\d{4}-\d{2}-\d{2}/g;
const ISO_AT = new RegExp(ISO.source, 'uy');

/**
 * What `text.matchAll(pattern)` gives for a global pattern whose every match starts where `core` matches: `at` (the
 * pattern, sticky) is tried only at those positions, leftmost first, and the scan goes on after each match, as
 * matchAll's does.
 */
export function* matchesWhere(text: string, core: RegExp, at: RegExp): Generator<RegExpExecArray> {
  let from = 0;
  while (from < text.length) {
    core.lastIndex = from;
    const candidate = core.exec(text);
    if (!candidate) return;
    at.lastIndex = candidate.index;
    const m = at.exec(text);
    if (m) {
      yield m;
      from = m.index + Math.max(1, m[0].length);
    } else {
      from = candidate.index + 1;
    }
  }
}

/**
 * Folds of the last long texts: a page's content text (the same string for every rule, dated-items.ts) is folded for
 * its dates, its school years and its named years, and each fold is a pass of NFD, NFC and lower-casing.
 */
const folds = new Map<string, string>();
const FOLDS_KEPT = 16;
const FOLD_KEPT_FROM = 1000;

/** Lower-cased text without diacritics; same length as the input for Vietnamese text, so offsets carry over. */
export function foldForMatching(text: string): string {
  const known = folds.get(text);
  if (known !== undefined) return known;
  const f = stripDiacritics(text).toLowerCase();
  const folded = f.length === text.length ? f : text.toLowerCase();
  if (text.length >= FOLD_KEPT_FROM) {
    if (folds.size >= FOLDS_KEPT) folds.delete(folds.keys().next().value as string);
    folds.set(text, folded);
  }
  return folded;
}

/** Every valid calendar date written in `text`, in text order (impossible dates and document numbers left out). */
export function findDates(text: string): FoundDate[] {
  const out: FoundDate[] = [];
  const push = (y: string | undefined, m: string | undefined, d: string | undefined, index: number, length: number): void => {
    const date = makeDate(Number(y), Number(m), Number(d));
    if (date) out.push({ date, iso: isoDay(date), raw: text.slice(index, index + length), index });
  };
  for (const m of matchesWhere(text, DMY_CORE, DMY_AT)) push(m[4], m[3], m[1], m.index, m[0].length);
  for (const m of matchesWhere(text, ISO_CORE, ISO_AT)) push(m[1], m[2], m[3], m.index, m[0].length);
  for (const m of foldForMatching(text).matchAll(WORDS)) push(m[3], m[2], m[1], m.index, m[0].length);
  return out.sort((a, b) => a.index - b.index);
}

/** One date value such as a `<time datetime>` attribute or a `<meta property="article:published_time">` content. */
export function parseDateValue(value: string): Date | undefined {
  return findDates(value.trim())[0]?.date;
}

/**
 * Keeps a date only when it can be a publication date at the audit: not after the audit day plus a grace of a day or
 * two (clock skew, a time zone), since later ones are event dates ("hạn nộp 30/11/2026") or typos.
 */
export function isPlausiblePublished(date: Date, now: Date, graceDays = 2): boolean {
  return daysBefore(date, now) >= -graceDays;
}

/** The newest of `dates` that is plausible at `now`, if any. */
export function newestPlausible<T extends { date: Date }>(dates: readonly T[], now: Date, graceDays = 2): T | undefined {
  let best: T | undefined;
  for (const d of dates) {
    if (!isPlausiblePublished(d.date, now, graceDays)) continue;
    if (!best || d.date.getTime() > best.date.getTime()) best = d;
  }
  return best;
}

/** The start year of the school year a day falls in: it turns on 1 September. */
export function schoolYearStart(date: Date): number {
  const day = auditDay(date);
  return day.getUTCMonth() >= 8 ? day.getUTCFullYear() : day.getUTCFullYear() - 1;
}

export const formatSchoolYear = (start: number): string => `${start}-${start + 1}`;

/**
 * School years written in `text`: "năm học 2025-2026", "2025 - 2026", "2025–2026", "NH 2025/2026", and the short
 * "năm học 2025-26" after "năm học". Two years that do not follow each other (2020-2025) are a period, not a school
 * year.
 */
export function findSchoolYears(text: string): SchoolYear[] {
  const folded = foldForMatching(text.replace(/[\u2010-\u2015\u2212]/g, '-'));
  const out: SchoolYear[] = [];
  for (const m of folded.matchAll(/(?<![\p{L}\p{N}/.-])(\d{4})\s*[-/]\s*(\d{4})(?![\p{N}]|\/\p{L}|-\p{L})/gu)) {
    const a = Number(m[1]);
    if (Number(m[2]) === a + 1 && a >= MIN_YEAR) out.push({ start: a, raw: text.slice(m.index, m.index + m[0].length), index: m.index });
  }
  for (const m of folded.matchAll(/\bnam hoc\s+(\d{4})\s*[-/]\s*(\d{2})(?!\p{N})/gu)) {
    const a = Number(m[1]);
    if (Number(m[2]) === (a + 1) % 100 && a >= MIN_YEAR)
      out.push({ start: a, raw: text.slice(m.index, m.index + m[0].length), index: m.index });
  }
  return out.sort((x, y) => x.index - y.index);
}

/**
 * Calendar years named as such: "năm 2026", "năm tài chính 2026", "dự toán ngân sách năm 2026". A bare 2026 is not
 * taken: it is too often part of a document number (`12/2026/TT-BGDĐT`) or a school year already read above.
 */
export function findNamedYears(text: string): { year: number; raw: string; index: number }[] {
  const folded = foldForMatching(text);
  const out: { year: number; raw: string; index: number }[] = [];
  for (const m of folded.matchAll(/\bnam\s+(?:(?:tai chinh|ngan sach)\s+)?(\d{4})(?![\p{N}]|\s*[-/]\s*\d)/gu)) {
    const year = Number(m[1]);
    if (year >= MIN_YEAR) out.push({ year, raw: text.slice(m.index, m.index + m[0].length), index: m.index });
  }
  return out;
}

/** dd/mm/yyyy for messages. */
export function formatViDate(date: Date): string {
  const iso = isoDay(date);
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}
