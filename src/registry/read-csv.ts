// CSV as Excel and LibreOffice save it: UTF-8 with or without BOM, UTF-16 ("Unicode Text"), `,` or `;`
// (Vietnamese locale) or tab; a non-UTF-8 file is named at the first cell that is not UTF-8.
import { parse } from 'csv-parse/sync';
import { decodeText } from './decode.js';
import { matchHeader } from './headers.js';
import { msg } from './messages.js';
import { problemAt, type ReadContext } from './context.js';
import { findHeader, gridToRows, type GridRow } from './table.js';
import type { ReadOutcome } from './types.js';

/** The delimiter used most often outside quotes in the first non-empty line that has one (the title may have none). */
export function detectDelimiter(text: string): string {
  const lines = text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .slice(0, 12);
  for (const line of lines) {
    const counts = new Map<string, number>([
      [',', 0],
      [';', 0],
      ['\t', 0],
    ]);
    let quoted = false;
    for (const ch of line) {
      if (ch === '"') quoted = !quoted;
      else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    }
    let best = ',';
    for (const [ch, n] of counts) if (n > (counts.get(best) ?? 0)) best = ch;
    if ((counts.get(best) ?? 0) > 0) return best;
  }
  return ',';
}

type Parsed = { ok: true; grid: GridRow[] } | { ok: false; row: number; code: string | undefined };

function toGrid(text: string): Parsed {
  try {
    // Empty lines are kept as records so that record n is spreadsheet row n (a quoted newline stays in one row).
    const records = parse(text, {
      bom: true,
      delimiter: detectDelimiter(text),
      skip_empty_lines: false,
      relax_column_count: true,
      relax_quotes: true,
      info: true,
    }) as unknown as { record: string[]; info: { records: number } }[]; // the typings don't model `info: true`
    return { ok: true, grid: records.map((r) => ({ row: r.info.records, cells: r.record.map((t) => ({ text: t })) })) };
  } catch (error) {
    const lines = (error as { lines?: unknown }).lines;
    return { ok: false, row: typeof lines === 'number' && lines > 0 ? lines : 1, code: (error as { code?: string }).code };
  }
}

export function readCsv(ctx: ReadContext, bytes: Uint8Array): ReadOutcome {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return notUtf8(ctx, decoded.lossy, decoded.asWindows1258);
  const parsed = toGrid(decoded.text);
  if (!parsed.ok) return { rows: [], errors: [problemAt(ctx, parsed.row, '-', msg.csvSyntax(parsed.code))], fatal: true };
  return gridToRows(ctx, parsed.grid);
}

/**
 * Both readings have the same shape (delimiters, quotes and newlines are ASCII), so the first cell with U+FFFD in
 * the UTF-8 reading is the cell to name, with its windows-1258 reading so the user recognises it.
 */
function notUtf8(ctx: ReadContext, lossy: string, asWindows1258: string): ReadOutcome {
  const bad = toGrid(lossy);
  const legacy = toGrid(asWindows1258);
  const grid = bad.ok ? bad.grid : [];
  for (const [r, row] of grid.entries()) {
    const col = row.cells.findIndex((c) => c.text.includes('\uFFFD'));
    if (col < 0) continue;
    const legacyRows = legacy.ok ? legacy.grid : [];
    const header = findHeader(
      legacyRows.filter((g) => g.cells.some((c) => c.text.trim() !== '')),
      ctx,
    );
    const headerText = header && header.row < row.row ? (header.cells[col]?.text.trim() ?? '') : '';
    const m = matchHeader(headerText, ctx.columns);
    const field = m.kind === 'field' ? m.field : headerText || '-';
    const text = legacyRows[r]?.cells[col]?.text.trim() ?? '';
    return { rows: [], errors: [problemAt(ctx, row.row, field, msg.notUtf8(text))], fatal: true };
  }
  return { rows: [], errors: [problemAt(ctx, 1, '-', msg.notUtf8(''))], fatal: true };
}
