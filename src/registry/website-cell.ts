// Website cells as offices fill them: two addresses on two lines, "a ; b", "a, b", "Chưa có", "-", "N/A".
import { labelKey } from './unit-type.js';

/**
 * Cells that say there is no website (compared like headers: any case, with or without diacritics). A unit with
 * such a cell has no website — it is kept and shown as "Chưa có website", not refused as a bad URL.
 */
const NONE = new Set(
  [
    '',
    'chuaco',
    'khongco',
    'chua',
    'khong',
    'na',
    'none',
    'nil',
    'null',
    'chuacowebsite',
    'khongcowebsite',
    'chuacotrangweb',
    'chuacotrangthongtindientu',
    'dangxaydung',
    'chuaxaydung',
    'khongsudung',
  ].map(labelKey),
);

export const saysNone = (text: string): boolean => NONE.has(labelKey(text));

/** A token that is an address rather than a word of a sentence or half of a spaced host name. */
const looksLikeUrl = (token: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(token) || /^[^\s/]+\.[a-z]{2,}(?:[:/?#]|$)/i.test(token);

/**
 * The addresses a cell holds, in order: split at new lines, `;`, `,`, `|`, before a second `http(s)://`, and at
 * spaces when every part is an address (so "thcs văn lang.edu.vn" stays one bad address, named as such).
 * An empty list means the cell says there is none.
 */
export function splitAddresses(cell: string): string[] {
  const pieces = cell
    .split(/[\r\n;,|]+/)
    .flatMap((p) => p.split(/(?=https?:\/\/)/i))
    .map((p) => p.trim())
    .flatMap((p) => {
      const tokens = p.split(/\s+/);
      return tokens.length > 1 && tokens.every(looksLikeUrl) ? tokens : [p];
    })
    .filter((p) => !saysNone(p));
  return pieces;
}
