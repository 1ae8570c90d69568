// Reads a registry file (CSV, XLSX, JSON — told apart by content, not name) into validated Units, row-numbered
// errors and warnings; never throws on bad input.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { msg, type Text } from './messages.js';
import { problemAt, type ReadContext } from './context.js';
import { readCsv } from './read-csv.js';
import { readJson } from './read-json.js';
import { readXlsx } from './read-xlsx.js';
import { sniffFormat } from './sniff.js';
import { FIELDS, type Field, type ReadOptions, type ReadOutcome, type RegistryError, type RegistryReadResult } from './types.js';
import { validateRows } from './validate.js';

export type { RegistryError, RegistryReadResult, ReadOptions, ColumnOverrides, Lang } from './types.js';
export { normalizeUrl, type NormalizedUrl } from './url.js';
export { parseUnitType } from './unit-type.js';
export { fieldOfHeader } from './headers.js';
export { buildRegistryIndex } from './registry-index.js';
export { formatRegistryError, formatRegistryReport } from './format.js';
export { parseColumns, ColumnsSyntaxError } from './columns.js';

const fieldRank = (f: string): number => (FIELDS.includes(f as Field) ? FIELDS.indexOf(f as Field) : -1);
const byRowThenField = (a: RegistryError, b: RegistryError): number => a.row - b.row || fieldRank(a.field) - fieldRank(b.field);

function readProblem(error: NodeJS.ErrnoException): Text {
  if (error.code === 'ENOENT') return msg.notFound();
  if (error.code === 'EISDIR') return msg.isDirectory();
  if (error.code === 'EACCES' || error.code === 'EPERM') return msg.noPermission();
  return msg.unreadable(error.code ?? error.message);
}

const FORMAT_NAMES: Record<'csv' | 'xlsx' | 'json', string> = { csv: 'CSV', xlsx: 'XLSX', json: 'JSON' };

export async function readRegistry(file: string, options: ReadOptions = {}): Promise<RegistryReadResult> {
  const ctx: ReadContext = { file, lang: options.lang ?? 'vi', columns: options.columns ?? {} };
  const fileError = (problem: Text, sha256 = ''): RegistryReadResult => ({
    file,
    units: [],
    errors: [problemAt(ctx, 1, '-', problem)],
    warnings: [],
    fatal: true,
    sha256,
  });

  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return fileError(readProblem(error as NodeJS.ErrnoException));
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (bytes.length === 0) return fileError(msg.emptyFile(), sha256);

  const sniffed = sniffFormat(bytes);
  if (sniffed.kind === 'refuse') return fileError(msg.legacyFormat(sniffed.what), sha256);
  if (sniffed.kind === 'unknown') return fileError(msg.unknownFormat(), sha256);
  const warnings: RegistryError[] = [];
  const ext = extname(file).toLowerCase();
  const named = ext === '.xlsx' ? 'xlsx' : ext === '.json' ? 'json' : ext === '.csv' ? 'csv' : undefined;
  if (named && named !== sniffed.kind)
    warnings.push(problemAt(ctx, 1, '-', msg.extensionMismatch(extname(file), FORMAT_NAMES[sniffed.kind])));

  const read: ReadOutcome =
    sniffed.kind === 'xlsx' ? await readXlsx(ctx, bytes) : sniffed.kind === 'json' ? readJson(ctx, bytes) : readCsv(ctx, bytes);
  const validated = validateRows(ctx, read.rows);

  // A reader's complaint about a cell (e.g. a JSON object where text belongs) outranks validation's echo of it.
  const readerErrorAt = new Set(read.errors.map((e) => `${e.row}\u0000${e.field}`));
  const badRows = new Set(read.errors.map((e) => e.row));
  const errors = [...read.errors, ...validated.errors.filter((e) => !readerErrorAt.has(`${e.row}\u0000${e.field}`))];
  errors.sort(byRowThenField);
  warnings.push(...(read.warnings ?? []), ...validated.warnings);
  warnings.sort(byRowThenField);
  const units = validated.units.filter((u) => !badRows.has(u.source.row));
  return { file, units, errors, warnings, ...(read.fatal ? { fatal: true } : {}), sha256 };
}
