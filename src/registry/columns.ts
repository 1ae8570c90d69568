// `--columns field=Header,…`: the user's own header names for fields, for sheets our alias table does not know.
import { FIELDS, type ColumnOverrides, type Field } from './types.js';

export class ColumnsSyntaxError extends Error {
  override name = 'ColumnsSyntaxError';
}

/**
 * `website=Link trang,id="Mã CSGD"` → { website: 'Link trang', id: 'Mã CSGD' }. A comma only starts a new pair
 * when `field=` follows it, so a header may itself hold a comma; quotes around a header are dropped.
 */
export function parseColumns(spec: string): ColumnOverrides {
  const out: ColumnOverrides = {};
  const pairs = spec.split(new RegExp(`,(?=\\s*(?:${FIELDS.join('|')})\\s*=)`, 'i'));
  for (const pair of pairs) {
    if (pair.trim() === '') continue;
    const eq = pair.indexOf('=');
    const field = pair.slice(0, eq).trim().toLowerCase() as Field;
    if (eq < 0 || !FIELDS.includes(field)) {
      throw new ColumnsSyntaxError(
        `--columns: ${JSON.stringify(pair.trim())}: cần trường=Tên cột, trường là một trong ${FIELDS.join(', ')} / expected field=Header, field one of ${FIELDS.join(', ')}`,
      );
    }
    const header = pair
      .slice(eq + 1)
      .trim()
      .replace(/^(["'])(.*)\1$/, '$2')
      .trim();
    if (header === '') throw new ColumnsSyntaxError(`--columns: ${field}=: thiếu tên cột / missing header`);
    out[field] = header.normalize('NFC');
  }
  return out;
}
