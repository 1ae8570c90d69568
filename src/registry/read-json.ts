// JSON registries: an array of unit objects, or { "units": [...] }; keys are matched like column headers.
import { fieldOfHeader } from './headers.js';
import { msg } from './messages.js';
import type { RawRow, ReadOutcome, RegistryError } from './types.js';

function asText(value: unknown): string | undefined {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.normalize('NFC').trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  // Merged provinces are naturally written as a list.
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join('|').normalize('NFC');
  return undefined;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function readJson(file: string, bytes: Uint8Array): ReadOutcome {
  let doc: unknown;
  try {
    doc = JSON.parse(new TextDecoder('utf-8').decode(bytes));
  } catch (error) {
    return { rows: [], errors: [{ file, row: 1, field: '-', problem: msg.jsonSyntax((error as Error).message) }] };
  }
  const list = Array.isArray(doc) ? doc : isObject(doc) && Array.isArray(doc.units) ? doc.units : undefined;
  if (!list) return { rows: [], errors: [{ file, row: 1, field: '-', problem: msg.jsonShape() }] };
  if (list.length === 0) return { rows: [], errors: [{ file, row: 1, field: '-', problem: msg.emptyFile() }] };

  const rows: RawRow[] = [];
  const errors: RegistryError[] = [];
  list.forEach((item: unknown, index) => {
    const row = index + 1;
    if (!isObject(item)) {
      errors.push({ file, row, field: '-', problem: msg.jsonNotObject() });
      return;
    }
    const values: RawRow['values'] = {};
    for (const [key, value] of Object.entries(item)) {
      const field = fieldOfHeader(key);
      if (!field || field in values) continue;
      const text = asText(value);
      if (text === undefined) errors.push({ file, row, field, problem: msg.jsonNotText() });
      else values[field] = text;
    }
    rows.push({ row, values });
  });
  return { rows, errors };
}
