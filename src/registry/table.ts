// CSV and XLSX both give a grid: find the header row (a title block may sit above it), map columns to fields,
// and turn data rows into RawRows numbered as the spreadsheet shows them.
import { acceptedHeaders, matchHeader, REQUIRED_FIELDS } from './headers.js';
import { msg } from './messages.js';
import { problemAt, type ReadContext } from './context.js';
import { parseUnitType } from './unit-type.js';
import { FIELDS, type Cell, type Field, type RawRow, type ReadOutcome, type RegistryError } from './types.js';

export interface GridRow {
  /** Row number as a spreadsheet shows it. */
  row: number;
  cells: Cell[];
}

/** How many non-blank rows may come before the header (title, "DANH SÁCH…", a date line, a unit name). */
export const HEADER_SCAN_ROWS = 10;

const clean = (text: string): string => text.normalize('NFC').trim();
const isBlank = (cells: readonly Cell[]): boolean => cells.every((c) => clean(c.text) === '' && !c.link);

/** A hyperlink cell's URL is its target (the text is often "Trang web"); an e-mail link drops `mailto:`. */
function cellValue(field: Field, cell: Cell): string {
  const link = cell.link?.trim();
  const text = clean(cell.text);
  if (link && !link.startsWith('#')) {
    if (field === 'email' && /^mailto:/i.test(link)) return clean(link.slice(7).split('?')[0] ?? '');
    // the target first; the text too when it holds more addresses than the target (the cell splitter dedups)
    if (field === 'website' || field === 'parent') return text.includes('.') ? `${clean(link)}\n${text}` : clean(link);
  }
  return field === 'email' ? text.replace(/^mailto:/i, '') : text;
}

/** The fields a row's cells name: a header row names at least two. */
const fieldsNamed = (cells: readonly Cell[], ctx: ReadContext): Set<Field> => {
  const fields = new Set<Field>();
  for (const c of cells) {
    const m = matchHeader(clean(c.text), ctx.columns);
    if (m.kind === 'field') fields.add(m.field);
  }
  return fields;
};

/** The first of the first HEADER_SCAN_ROWS non-blank rows that names two fields or more. */
export function findHeader(rows: readonly GridRow[], ctx: ReadContext): GridRow | undefined {
  return rows.slice(0, HEADER_SCAN_ROWS).find((r) => fieldsNamed(r.cells, ctx).size >= 2);
}

interface Candidate {
  index: number;
  header: string;
  rank: number;
}

/**
 * Per field, the columns to read, best first: two columns of one name group ("Website trường" and "Trang thông tin
 * điện tử") are read in turn, the second where the first is empty; a column of a less preferred group is named in
 * a warning and not read.
 */
function chooseColumns(header: GridRow, data: readonly GridRow[], ctx: ReadContext, warnings: RegistryError[]): Map<Field, number[]> {
  const candidates = new Map<Field, Candidate[]>();
  header.cells.forEach((cell, index) => {
    const text = clean(cell.text);
    const m = matchHeader(text, ctx.columns);
    if (m.kind === 'unknown') warnings.push(problemAt(ctx, header.row, text, msg.unknownColumn()));
    if (m.kind !== 'field') return;
    const list = candidates.get(m.field) ?? [];
    list.push({ index, header: text, rank: m.rank });
    candidates.set(m.field, list);
  });
  const columns = new Map<Field, number[]>();
  for (const field of FIELDS) {
    const list = candidates.get(field);
    if (!list) continue;
    const chosen = field === 'type' ? mostUnitTypes(list, data) : bestRank(list);
    const read = list.filter((c) => c.rank === chosen.rank);
    columns.set(
      field,
      read.map((c) => c.index),
    );
    for (const other of list) {
      if (other === chosen) continue;
      if (other.rank === chosen.rank)
        warnings.push(problemAt(ctx, header.row, other.header, msg.duplicateColumn(other.header, chosen.header)));
      else warnings.push(problemAt(ctx, header.row, other.header, msg.alternativeColumn(other.header, field, chosen.header)));
    }
  }
  return columns;
}

const bestRank = (list: readonly Candidate[]): Candidate => list.reduce((a, b) => (b.rank < a.rank ? b : a));

/**
 * "Loại hình" is the unit type in most lists, but some offices write "Công lập" / "Tư thục" there and the level in
 * "Cấp học": read the column whose cells are unit types.
 */
function mostUnitTypes(list: readonly Candidate[], data: readonly GridRow[]): Candidate {
  const best = bestRank(list);
  if (list.every((c) => c.rank === best.rank)) return best;
  const hits = (c: Candidate): number => data.filter((r) => parseUnitType(clean(r.cells[c.index]?.text ?? '')) !== undefined).length;
  return list.reduce((a, b) => (hits(b) > hits(a) || (hits(b) === hits(a) && b.rank < a.rank) ? b : a));
}

const accepted = (field: Field): string => `'${field}' (${acceptedHeaders(field)})`;

export function gridToRows(ctx: ReadContext, grid: readonly GridRow[]): ReadOutcome {
  const nonBlank = grid.filter((r) => !isBlank(r.cells));
  const first = nonBlank[0];
  if (!first) return { rows: [], errors: [problemAt(ctx, 1, '-', msg.emptyFile())], fatal: true };
  const header = findHeader(nonBlank, ctx);
  if (!header) {
    const wanted = REQUIRED_FIELDS.map(accepted).join(', ');
    return {
      rows: [],
      errors: [problemAt(ctx, first.row, '-', msg.noHeaderRow(Math.min(HEADER_SCAN_ROWS, nonBlank.length), wanted))],
      fatal: true,
    };
  }
  // forms often number their columns "(1) (2) (3)…" on the line under the header
  const data = nonBlank.filter((r) => r.row > header.row && !r.cells.every((c) => /^(\(\d+\))?$/.test(clean(c.text))));
  const errors: RegistryError[] = [];
  const warnings: RegistryError[] = [];
  if (header !== first) warnings.push(problemAt(ctx, header.row, '-', msg.headerRowUsed(header.row)));
  const columns = chooseColumns(header, data, ctx, warnings);
  // the silent failure of a sheet whose website column we do not know: every school audited as "no website"
  if (!columns.has('website')) warnings.push(problemAt(ctx, header.row, 'website', msg.noWebsiteColumn(acceptedHeaders('website', 8))));

  let fatal = false;
  for (const [field, wanted] of Object.entries(ctx.columns) as [Field, string][]) {
    if (!columns.has(field)) {
      errors.push(problemAt(ctx, header.row, field, msg.overrideNotFound(field, wanted, header.row)));
      fatal = true;
    }
  }
  for (const field of REQUIRED_FIELDS) {
    if (!columns.has(field) && ctx.columns[field] === undefined) {
      errors.push(problemAt(ctx, header.row, field, msg.missingColumn(field, header.row, acceptedHeaders(field, 8))));
      fatal = true;
    }
  }
  // Without a required column every row would repeat the same complaint; the header error says it once.
  if (fatal) return { rows: [], errors, warnings, fatal };

  const rows: RawRow[] = data.map((r) => {
    const values: RawRow['values'] = {};
    for (const [field, indexes] of columns) {
      for (const index of indexes) {
        const cell = r.cells[index];
        const value = cell ? cellValue(field, cell) : '';
        if (value !== '' || index === indexes.at(-1)) values[field] = value;
        if (value !== '') break;
      }
    }
    return { row: r.row, values };
  });
  if (rows.length === 0)
    return { rows, errors: [...errors, problemAt(ctx, header.row, '-', msg.noDataRows(header.row))], warnings, fatal: true };
  return { rows, errors, warnings };
}
