// CSV as Excel and LibreOffice save it: UTF-8 with or without BOM, `,` or `;` (Vietnamese locale) or tab.
import { parse } from 'csv-parse/sync';
import { msg } from './messages.js';
import { gridToRows } from './table.js';
import type { ReadOutcome } from './types.js';

/** The delimiter used most often outside quotes in the first non-empty line (the header). */
export function detectDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0]]);
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  for (const [ch, n] of counts) if (n > (counts.get(best) ?? 0)) best = ch;
  return best;
}

export function readCsv(file: string, bytes: Uint8Array): ReadOutcome {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { rows: [], errors: [{ file, row: 1, field: '-', problem: msg.notUtf8() }] };
  }
  let records: { record: string[]; info: { records: number } }[];
  try {
    // Empty lines are kept as records so that record n is spreadsheet row n (a quoted newline stays in one row).
    records = parse(text, {
      bom: true,
      delimiter: detectDelimiter(text),
      skip_empty_lines: false,
      relax_column_count: true,
      relax_quotes: true,
      info: true,
    }) as unknown as typeof records; // the typings don't model `info: true`
  } catch (error) {
    const lines = (error as { lines?: unknown }).lines;
    const row = typeof lines === 'number' && lines > 0 ? lines : 1;
    return { rows: [], errors: [{ file, row, field: '-', problem: msg.csvSyntax((error as Error).message) }] };
  }
  const grid = records.map((r) => ({ row: r.info.records, cells: r.record.map((text) => ({ text })) }));
  return gridToRows(file, grid);
}
