// Raw rows → Units: one error per bad field (zod), then unique ids across the file.
import { z } from 'zod';
import { UNIT_TYPES, type Unit } from '../model/unit.js';
import { msg } from './messages.js';
import { parseUnitType } from './unit-type.js';
import { normalizeUrl } from './url.js';
import { FIELDS, type Field, type RawRow, type RegistryError } from './types.js';

const requiredText = z.string().min(1, { error: msg.required() });

const unitType = z.string().transform((value, ctx) => {
  if (value === '') {
    ctx.addIssue({ code: 'custom', message: msg.required() });
    return z.NEVER;
  }
  const type = parseUnitType(value);
  if (!type) {
    ctx.addIssue({ code: 'custom', message: msg.badType(value, UNIT_TYPES) });
    return z.NEVER;
  }
  return type;
});

const optionalUrl = z.string().transform((value, ctx) => {
  if (value === '') return undefined;
  const result = normalizeUrl(value);
  if (!result.ok) {
    ctx.addIssue({ code: 'custom', message: msg.badUrl(value, result.problem) });
    return z.NEVER;
  }
  return result.url;
});

const EMAIL = /^[^\s@<>()[\]",;:]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/i;
const optionalEmail = z.string().transform((value, ctx) => {
  if (value === '') return undefined;
  if (!EMAIL.test(value)) {
    ctx.addIssue({ code: 'custom', message: msg.badEmail(value) });
    return z.NEVER;
  }
  return value;
});

const PROVINCE_CODE = /^[a-z0-9-]+$/;
const provinces = z.string().transform((value, ctx) => {
  const written = value.split('|').map((c) => c.trim()).filter((c) => c !== '');
  const bad = written.find((c) => !PROVINCE_CODE.test(c.toLowerCase()));
  if (bad !== undefined) {
    ctx.addIssue({ code: 'custom', message: msg.badProvince(bad) });
    return z.NEVER;
  }
  return written.map((c) => c.toLowerCase());
});

const rowSchema = z.object({
  id: requiredText,
  name: requiredText,
  type: unitType,
  district: requiredText,
  province: provinces,
  website: optionalUrl,
  parent: optionalUrl,
  email: optionalEmail,
});

const fieldOrder = (f: string): number => FIELDS.indexOf(f as Field);

/** Validates one row; a row gives either a Unit or at least one error. */
export function validateRow(file: string, raw: RawRow): { unit?: Unit; errors: RegistryError[] } {
  const input = Object.fromEntries(FIELDS.map((f) => [f, (raw.values[f] ?? '').normalize('NFC').trim()]));
  const parsed = rowSchema.safeParse(input);
  if (parsed.success) {
    const { website, parent, email, ...rest } = parsed.data;
    const unit: Unit = { ...rest, source: { file, row: raw.row } };
    // Optional keys are left out rather than set to undefined, so JSON output and deep equality stay clean.
    if (website) unit.website = website;
    if (parent) unit.parent = parent;
    if (email) unit.email = email;
    return { unit, errors: [] };
  }
  const byField = new Map<string, string>();
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '-');
    if (!byField.has(field)) byField.set(field, issue.message);
  }
  const errors = [...byField]
    .sort(([a], [b]) => fieldOrder(a) - fieldOrder(b))
    .map(([field, problem]) => ({ file, row: raw.row, field, problem }));
  return { errors };
}

/** Validates every row; a later duplicate id is the error and names the row that has it first. */
export function validateRows(file: string, rows: readonly RawRow[]): { units: Unit[]; errors: RegistryError[] } {
  const units: Unit[] = [];
  const errors: RegistryError[] = [];
  const firstRowOfId = new Map<string, number>();
  for (const raw of rows) {
    const result = validateRow(file, raw);
    errors.push(...result.errors);
    const id = (raw.values.id ?? '').normalize('NFC').trim();
    if (id === '') continue;
    const first = firstRowOfId.get(id);
    if (first !== undefined) {
      errors.push({ file, row: raw.row, field: 'id', problem: msg.duplicateId(id, first) });
      continue;
    }
    firstRowOfId.set(id, raw.row);
    if (result.unit) units.push(result.unit);
  }
  return { units, errors };
}
