// CSV and XLSX both give a grid: find the header row, map columns to fields, and turn data rows into RawRows.
import { fieldOfHeader, REQUIRED_FIELDS } from './headers.js';
import { msg } from './messages.js';
import type { Cell, Field, RawRow, ReadOutcome, RegistryError } from './types.js';

export interface GridRow {
  /** Row number as a spreadsheet shows it. */
  row: number;
  cells: Cell[];
}

const clean = (text: string): string => text.normalize('NFC').trim();
const isBlank = (cells: readonly Cell[]): boolean => cells.every((c) => clean(c.text) === '' && !c.link);

/** A hyperlink cell's URL is its target (the text is often "Trang web"); an e-mail link drops `mailto:`. */
function cellValue(field: Field, cell: Cell): string {
  const link = cell.link?.trim();
  if (link && !link.startsWith('#')) {
    if (field === 'email' && /^mailto:/i.test(link)) return clean(link.slice(7).split('?')[0] ?? '');
    if (field === 'website' || field === 'parent') return clean(link);
  }
  const text = clean(cell.text);
  return field === 'email' ? text.replace(/^mailto:/i, '') : text;
}

export function gridToRows(file: string, grid: readonly GridRow[]): ReadOutcome {
  const data = grid.filter((r) => !isBlank(r.cells));
  const header = data[0];
  if (!header) return { rows: [], errors: [{ file, row: 1, field: '-', problem: msg.emptyFile() }] };

  const errors: RegistryError[] = [];
  const columns = new Map<Field, number>();
  header.cells.forEach((cell, index) => {
    const field = fieldOfHeader(clean(cell.text));
    if (!field) return;
    if (columns.has(field)) errors.push({ file, row: header.row, field, problem: msg.duplicateColumn(clean(cell.text)) });
    else columns.set(field, index);
  });
  for (const field of REQUIRED_FIELDS) {
    if (!columns.has(field)) errors.push({ file, row: header.row, field, problem: msg.missingColumn(field) });
  }
  // Without a required column every row would repeat the same complaint; the header error says it once.
  if (REQUIRED_FIELDS.some((f) => !columns.has(f))) return { rows: [], errors };

  const rows: RawRow[] = data.slice(1).map((r) => {
    const values: RawRow['values'] = {};
    for (const [field, index] of columns) {
      const cell = r.cells[index];
      if (cell) values[field] = cellValue(field, cell);
    }
    return { row: r.row, values };
  });
  if (rows.length === 0) errors.push({ file, row: header.row, field: '-', problem: msg.emptyFile() });
  return { rows, errors };
}
