// Raw rows → Units: one error per bad field (zod, with our own words in the language asked for), then unique ids.
import { z } from 'zod';
import { UNIT_TYPES, type Unit } from '../model/unit.js';
import { msg } from './messages.js';
import { problemAt, type ReadContext } from './context.js';
import { pick, type Text } from './messages.js';
import { parseUnitType } from './unit-type.js';
import { readProvince } from './province.js';
import { normalizeUrl } from './url.js';
import { saysNone, splitAddresses } from './website-cell.js';
import { FIELDS, type Field, type Lang, type RawRow, type RegistryError } from './types.js';

const EMAIL = /^[^\s@<>()[\]",;:]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/i;

interface Website {
  url?: string;
  alternates: string[];
  notes: Text[];
}

/** Every check is a custom issue with our message, so no zod default ("Invalid input: expected…") can reach a user. */
function rowSchema(lang: Lang) {
  const say = (t: Text): string => pick(t, lang);
  const requiredText = z.string().min(1, { error: say(msg.required()) });
  const unitType = z.string().transform((value, ctx) => {
    const type = value === '' ? undefined : parseUnitType(value);
    if (!type) ctx.addIssue({ code: 'custom', message: say(value === '' ? msg.required() : msg.badType(value, UNIT_TYPES)) });
    return type ?? z.NEVER;
  });
  const url = (value: string, ctx: z.RefinementCtx): string => {
    const result = normalizeUrl(value);
    if (result.ok) return result.url;
    ctx.addIssue({ code: 'custom', message: say(msg.badUrl(value, result)) });
    return z.NEVER;
  };
  /** The first address is the website; the others are kept as alternates (an old violet.vn site beside the new one). */
  const website = z.string().transform((value, ctx): Website => {
    const [first, ...rest] = splitAddresses(value);
    if (first === undefined) return { alternates: [], notes: [] };
    const main = url(first, ctx);
    const alternates: string[] = [];
    const notes: Text[] = [];
    for (const raw of rest) {
      const r = normalizeUrl(raw);
      if (!r.ok) notes.push(msg.badAlternate(raw, r));
      else if (r.url !== main && !alternates.includes(r.url)) alternates.push(r.url);
    }
    if (alternates.length) notes.unshift(msg.alternates(alternates));
    return { url: main, alternates, notes };
  });
  const parent = z.string().transform((value, ctx) => (saysNone(value) ? undefined : url(value, ctx)));
  const email = z.string().transform((value, ctx) => {
    const first = value.split(/[;,\s]+/).find((v) => !saysNone(v));
    if (first === undefined) return undefined;
    if (!EMAIL.test(first)) {
      ctx.addIssue({ code: 'custom', message: say(msg.badEmail(first)) });
      return z.NEVER;
    }
    return first;
  });
  /** Codes as written, or read from a province's name with a note saying which code it was read as. */
  const provinces = z.string().transform((value, ctx) => {
    const written = value
      .split('|')
      .map((c) => c.trim())
      .filter((c) => c !== '');
    const codes: string[] = [];
    const notes: Text[] = [];
    for (const cell of written) {
      const reading = readProvince(cell);
      if (reading === undefined) {
        ctx.addIssue({ code: 'custom', message: say(msg.badProvince(cell)) });
        return z.NEVER;
      }
      if (reading.fromName) notes.push(msg.provinceFromName(cell, reading.code));
      if (!codes.includes(reading.code)) codes.push(reading.code);
    }
    return { codes, notes };
  });
  return z.object({
    id: requiredText,
    name: requiredText,
    type: unitType,
    district: requiredText,
    province: provinces,
    website,
    parent,
    email,
  });
}

const schemas = new Map<Lang, ReturnType<typeof rowSchema>>();
const schemaFor = (lang: Lang): ReturnType<typeof rowSchema> => {
  let s = schemas.get(lang);
  if (!s) schemas.set(lang, (s = rowSchema(lang)));
  return s;
};

const fieldOrder = (f: string): number => FIELDS.indexOf(f as Field);

export interface RowOutcome {
  unit?: Unit;
  errors: RegistryError[];
  warnings: RegistryError[];
}

/** Validates one row; a row gives either a Unit or at least one error. */
export function validateRow(ctx: ReadContext, raw: RawRow): RowOutcome {
  const input = Object.fromEntries(FIELDS.map((f) => [f, (raw.values[f] ?? '').normalize('NFC').trim()]));
  const parsed = schemaFor(ctx.lang).safeParse(input);
  if (parsed.success) {
    const { website, parent, email, province, ...rest } = parsed.data;
    const unit: Unit = { ...rest, province: province.codes, source: { file: ctx.file, row: raw.row } };
    // Optional keys are left out rather than set to undefined, so JSON output and deep equality stay clean.
    if (website.url) unit.website = website.url;
    if (website.alternates.length) unit.alternates = website.alternates;
    if (parent) unit.parent = parent;
    if (email) unit.email = email;
    const warnings = [
      ...province.notes.map((t) => problemAt(ctx, raw.row, 'province', t)),
      ...website.notes.map((t) => problemAt(ctx, raw.row, 'website', t)),
    ];
    return { unit, errors: [], warnings: warnings.sort((a, b) => fieldOrder(a.field) - fieldOrder(b.field)) };
  }
  const byField = new Map<string, string>();
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '-');
    if (!byField.has(field)) byField.set(field, issue.message);
  }
  const errors = [...byField]
    .sort(([a], [b]) => fieldOrder(a) - fieldOrder(b))
    .map(([field, problem]) => ({ file: ctx.file, row: raw.row, field, problem }));
  return { errors, warnings: [] };
}

/** Validates every row; a later duplicate id is the error and names the row that has it first. */
export function validateRows(
  ctx: ReadContext,
  rows: readonly RawRow[],
): { units: Unit[]; errors: RegistryError[]; warnings: RegistryError[] } {
  const units: Unit[] = [];
  const errors: RegistryError[] = [];
  const warnings: RegistryError[] = [];
  const firstRowOfId = new Map<string, number>();
  for (const raw of rows) {
    const result = validateRow(ctx, raw);
    errors.push(...result.errors);
    warnings.push(...result.warnings);
    const id = (raw.values.id ?? '').normalize('NFC').trim();
    if (id === '') continue;
    const first = firstRowOfId.get(id);
    if (first !== undefined) {
      errors.push(problemAt(ctx, raw.row, 'id', msg.duplicateId(id, first)));
      continue;
    }
    firstRowOfId.set(id, raw.row);
    if (result.unit) units.push(result.unit);
  }
  return { units, errors, warnings };
}
