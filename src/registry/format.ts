// The one-line form of registry errors and warnings, shared by `registry check`, `audit` and `demo`.
import { count, msg, pick } from './messages.js';
import type { Lang, RegistryError, RegistryReadResult } from './types.js';

/** `FILE:ROW: field: problem`, FILE as the user gave it, like compiler output that editors and CI can link. */
export const formatRegistryError = (e: RegistryError): string => `${e.file}:${e.row}: ${e.field}: ${e.problem}`;

/** The same problem in this many rows or more is one line naming the rows, not one line each. */
export const COLLAPSE_AT = 3;
const MAX_RANGES = 8;

/** [2,3,4,7,9,10] → "2–4, 7, 9–10"; cut after MAX_RANGES ranges. */
export function rowRanges(rows: readonly number[], lang: Lang): string {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const ranges: string[] = [];
  for (let i = 0; i < sorted.length; i += 1) {
    const start = sorted[i]!;
    let end = start;
    while (sorted[i + 1] === end + 1) end = sorted[++i]!;
    ranges.push(end === start ? count(start, lang) : `${count(start, lang)}–${count(end, lang)}`);
  }
  return ranges.length > MAX_RANGES ? `${ranges.slice(0, MAX_RANGES).join(', ')}, …` : ranges.join(', ');
}

/** One line per problem; identical problems of one field in COLLAPSE_AT rows or more become one line at the first. */
export function collapse(errors: readonly RegistryError[], lang: Lang, prefix = ''): string[] {
  return collapseRows(errors, lang, prefix).map((l) => l.text);
}

function collapseRows(errors: readonly RegistryError[], lang: Lang, prefix: string): { row: number; text: string }[] {
  const groups = new Map<string, RegistryError[]>();
  for (const e of errors) {
    const key = `${e.field}\u0000${e.problem}`;
    const g = groups.get(key);
    if (g) g.push(e);
    else groups.set(key, [e]);
  }
  const lines: { row: number; text: string }[] = [];
  for (const g of groups.values()) {
    const first = g[0]!;
    if (g.length < COLLAPSE_AT) {
      for (const e of g) lines.push({ row: e.row, text: `${e.file}:${e.row}: ${e.field}: ${prefix}${e.problem}` });
      continue;
    }
    const rows = g.map((e) => e.row);
    lines.push({
      row: first.row,
      text: `${first.file}:${first.row}: ${first.field}: ${prefix}${first.problem} (${msg.sameInRows(new Set(rows).size, rowRanges(rows, lang), lang)})`,
    });
  }
  // stable: rows in order, and within a row the order the reader gave
  return lines.sort((a, b) => a.row - b.row);
}

export interface RegistryReport {
  errors: string[];
  warnings: string[];
  /** Errors and warnings in row order (a row's errors first), as `registry check` prints them. */
  lines: string[];
  summary: string;
}

/** Everything `registry check` prints; `audit` prints the same errors and warnings before it starts. */
export function formatRegistryReport(result: RegistryReadResult, lang: Lang): RegistryReport {
  const warnings = result.warnings ?? [];
  const badRows = new Set(result.errors.map((e) => e.row)).size;
  const errors = collapseRows(result.errors, lang, '');
  const warned = collapseRows(warnings, lang, `${pick(msg.warningPrefix, lang)}: `);
  return {
    errors: errors.map((l) => l.text),
    warnings: warned.map((l) => l.text),
    lines: [...errors, ...warned].sort((a, b) => a.row - b.row).map((l) => l.text),
    summary: pick(msg.summary(result.units.length, badRows, warnings.length), lang),
  };
}
