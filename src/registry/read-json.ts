// JSON registries: an array of unit objects, or { "units": [...] }; keys are matched like column headers.
import { matchHeader } from './headers.js';
import { decodeText } from './decode.js';
import { msg } from './messages.js';
import { problemAt, type ReadContext } from './context.js';
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

/** "… at position 52 …" → "dòng 3, cột 5" of the text, since V8's own words are English. */
function syntaxWhere(text: string, error: Error, ctx: ReadContext): string {
  const pos = /position (\d+)/.exec(error.message)?.[1];
  if (pos === undefined) return '';
  const before = text.slice(0, Number(pos));
  const line = before.split('\n').length;
  const col = before.length - before.lastIndexOf('\n');
  return ctx.lang === 'vi' ? `dòng ${line}, cột ${col} của văn bản` : `line ${line}, column ${col} of the text`;
}

export function readJson(ctx: ReadContext, bytes: Uint8Array): ReadOutcome {
  const fatal = (text: Parameters<typeof problemAt>[3]): ReadOutcome => ({ rows: [], errors: [problemAt(ctx, 1, '-', text)], fatal: true });
  const decoded = decodeText(bytes);
  if (!decoded.ok) return fatal(msg.notUtf8(''));
  const text = decoded.text.replace(/^\uFEFF/, '');
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    return fatal(msg.jsonSyntax(syntaxWhere(text, error as Error, ctx)));
  }
  const list = Array.isArray(doc) ? doc : isObject(doc) && Array.isArray(doc.units) ? doc.units : undefined;
  if (!list) return fatal(msg.jsonShape());
  if (list.length === 0) return fatal(msg.emptyFile());

  const rows: RawRow[] = [];
  const errors: RegistryError[] = [];
  const warnings: RegistryError[] = [];
  const warnedKeys = new Set<string>();
  list.forEach((item: unknown, index) => {
    const row = index + 1;
    if (!isObject(item)) {
      errors.push(problemAt(ctx, row, '-', msg.jsonNotObject()));
      return;
    }
    const values: RawRow['values'] = {};
    for (const [key, value] of Object.entries(item)) {
      const m = matchHeader(key, ctx.columns);
      if (m.kind === 'unknown' && !warnedKeys.has(key)) {
        warnedKeys.add(key);
        warnings.push(problemAt(ctx, row, key, msg.unknownColumn()));
      }
      if (m.kind !== 'field' || m.field in values) continue;
      const text = asText(value);
      if (text === undefined) errors.push(problemAt(ctx, row, m.field, msg.jsonNotText()));
      else values[m.field] = text;
    }
    rows.push({ row, values });
  });
  return { rows, errors, warnings };
}
