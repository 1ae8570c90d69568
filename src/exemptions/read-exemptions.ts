// Reads an `--exemptions` file (CSV with English or Vietnamese headers, or a JSON array) and validates every row;
// problems are named like registry errors, `FILE:ROW: field: problem`, and together make one usage error.
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { UsageError } from '../options.js';
import { detectDelimiter } from '../registry/read-csv.js';
import { EXEMPTION_FIELDS, exemptionSchema, fieldOfHeader, type ExemptionEntry, type ExemptionFields } from './schema.js';

interface RawRow {
  row: number;
  values: Partial<Record<keyof ExemptionFields, string>>;
  /** How the file names each field (CSV header or JSON key), for error messages. */
  names: Partial<Record<keyof ExemptionFields, string>>;
}

export async function loadExemptions(file: string): Promise<ExemptionEntry[]> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await readFile(file));
  } catch (error) {
    throw new UsageError(
      `${file}:1: -: không đọc được tệp miễn trừ (cần UTF-8) / cannot read the exemptions file (UTF-8 expected): ${(error as Error).message}`,
    );
  }
  const { entries, errors } = parseExemptions(file, text);
  if (errors.length) throw new UsageError(errors.join('\n'));
  return entries;
}

/** Entries and `FILE:ROW: field: problem` lines; JSON when the file is `.json` or starts with `[`. */
export function parseExemptions(file: string, text: string): { entries: ExemptionEntry[]; errors: string[] } {
  const body = text.replace(/^\uFEFF/, '');
  const isJson = /\.json$/i.test(file) || body.trimStart().startsWith('[');
  const read = isJson ? jsonRows(file, body) : csvRows(file, body);
  if ('error' in read) return { entries: [], errors: [read.error] };
  const entries: ExemptionEntry[] = [];
  const errors: string[] = [];
  const seen = new Map<string, number>();
  for (const raw of read.rows) {
    const parsed = exemptionSchema.safeParse(raw.values);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as keyof ExemptionFields | undefined;
        const problem = field && raw.values[field] === undefined ? 'bắt buộc / required' : issue.message;
        errors.push(`${file}:${raw.row}: ${field ? (raw.names[field] ?? field) : '-'}: ${problem}`);
      }
      continue;
    }
    const key = `${parsed.data.unit}\u0000${parsed.data.rule}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push(
        `${file}:${raw.row}: ${raw.names.unit ?? 'unit'}: trùng đơn vị và quy tắc với dòng ${first} / same unit and rule as row ${first}`,
      );
      continue;
    }
    seen.set(key, raw.row);
    entries.push({ ...parsed.data, source: `${file}:${raw.row}` });
  }
  return { entries, errors };
}

function csvRows(file: string, text: string): { rows: RawRow[] } | { error: string } {
  let records: { record: string[]; info: { records: number } }[];
  try {
    records = parse(text, {
      delimiter: detectDelimiter(text),
      skip_empty_lines: false,
      relax_column_count: true,
      info: true,
    }) as unknown as typeof records;
  } catch (error) {
    return {
      error: `${file}:${String((error as { lines?: number }).lines ?? 1)}: -: lỗi cú pháp CSV / CSV syntax error: ${(error as Error).message}`,
    };
  }
  const [header, ...data] = records;
  if (!header) return { error: `${file}:1: -: tệp trống / empty file` };
  const columns = header.record.map((h) => fieldOfHeader(h));
  const names: RawRow['names'] = {};
  header.record.forEach((h, i) => {
    const f = columns[i];
    if (f && !names[f]) names[f] = h.trim();
  });
  const missing = EXEMPTION_FIELDS.filter((f) => !names[f]);
  if (missing.length)
    return {
      error: `${file}:1: ${missing.join(', ')}: thiếu cột / missing column (unit,rule,reason,approved_by,until hoặc / or ma_don_vi,quy_tac,ly_do,nguoi_duyet,han_den)`,
    };
  const rows: RawRow[] = [];
  for (const r of data) {
    if (r.record.every((c) => c.trim() === '')) continue; // blank spreadsheet rows
    const values: RawRow['values'] = {};
    r.record.forEach((cell, i) => {
      const f = columns[i];
      if (f && values[f] === undefined) values[f] = cell.normalize('NFC');
    });
    rows.push({ row: r.info.records, values, names });
  }
  return { rows };
}

function jsonRows(file: string, text: string): { rows: RawRow[] } | { error: string } {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    return { error: `${file}:1: -: lỗi cú pháp JSON / JSON syntax error: ${(error as Error).message}` };
  }
  if (!Array.isArray(doc)) return { error: `${file}:1: -: cần một mảng JSON các mục miễn trừ / expected a JSON array of exemptions` };
  return {
    rows: doc.map((item: unknown, index) => {
      const values: RawRow['values'] = {};
      const names: RawRow['names'] = {};
      if (typeof item === 'object' && item !== null && !Array.isArray(item)) {
        for (const [key, value] of Object.entries(item)) {
          const f = fieldOfHeader(key);
          if (!f || values[f] !== undefined) continue;
          // a number would otherwise fail as "expected string" (unit ids are often written as numbers)
          values[f] = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.normalize('NFC') : (value as string);
          names[f] = key;
        }
      }
      return { row: index + 1, values, names };
    }),
  };
}
