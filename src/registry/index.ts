// Reads a registry file (.csv, .xlsx, .json) into validated Units and row-numbered errors; never throws on bad input.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { msg } from './messages.js';
import { readCsv } from './read-csv.js';
import { readJson } from './read-json.js';
import { readXlsx } from './read-xlsx.js';
import { FIELDS, type Field, type ReadOutcome, type RegistryError, type RegistryReadResult } from './types.js';
import { validateRows } from './validate.js';

export type { RegistryError, RegistryReadResult } from './types.js';
export { normalizeUrl, type NormalizedUrl } from './url.js';
export { parseUnitType } from './unit-type.js';
export { fieldOfHeader } from './headers.js';
export { buildRegistryIndex } from './registry-index.js';
export { formatRegistryError } from './format.js';

async function readByExtension(file: string, bytes: Uint8Array): Promise<ReadOutcome | undefined> {
  switch (extname(file).toLowerCase()) {
    case '.csv':
      return readCsv(file, bytes);
    case '.xlsx':
      return readXlsx(file, bytes);
    case '.json':
      return readJson(file, bytes);
    default:
      return undefined;
  }
}

const fieldRank = (f: string): number => (FIELDS.includes(f as Field) ? FIELDS.indexOf(f as Field) : -1);
const byRowThenField = (a: RegistryError, b: RegistryError): number => a.row - b.row || fieldRank(a.field) - fieldRank(b.field);

export async function readRegistry(file: string): Promise<RegistryReadResult> {
  const fileError = (problem: string, sha256 = ''): RegistryReadResult => ({
    file,
    units: [],
    errors: [{ file, row: 1, field: '-', problem }],
    sha256,
  });

  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return fileError(msg.unreadable((error as NodeJS.ErrnoException).code ?? (error as Error).message));
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const ext = extname(file);
  if (!['.csv', '.xlsx', '.json'].includes(ext.toLowerCase())) return fileError(msg.unknownExtension(ext), sha256);
  if (bytes.length === 0) return fileError(msg.emptyFile(), sha256);

  const read = await readByExtension(file, bytes);
  if (!read) return fileError(msg.unknownExtension(ext), sha256);
  const validated = validateRows(file, read.rows);

  // A reader's complaint about a cell (e.g. a JSON object where text belongs) outranks validation's echo of it.
  const readerErrorAt = new Set(read.errors.map((e) => `${e.row}\u0000${e.field}`));
  const badRows = new Set(read.errors.map((e) => e.row));
  const errors = [...read.errors, ...validated.errors.filter((e) => !readerErrorAt.has(`${e.row}\u0000${e.field}`))];
  errors.sort(byRowThenField);
  const units = validated.units.filter((u) => !badRows.has(u.source.row));
  return { file, units, errors, sha256 };
}
