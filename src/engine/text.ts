// Text normalisation and keyword matching shared by all rules: NFC, &nbsp; as space, whitespace collapsed,
// case-insensitive, and also without Vietnamese diacritics ("cong khai" matches "công khai").

export function normalizeText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]/g, ' ')
    .replace(/[\u2010-\u2015\u2212]/g, '-') // en/em dashes as in "Hỏi – Đáp"
    .replace(/\s+/g, ' ')
    .trim()
    .toLocaleLowerCase('vi');
}

export function stripDiacritics(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
}

/** Letters, digits and the Vietnamese letters count as word characters for keyword boundaries. */
const WORD = /[\p{L}\p{N}]/u;

function containsWord(haystack: string, needle: string): boolean {
  if (!needle) return false;
  let from = 0;
  for (;;) {
    const at = haystack.indexOf(needle, from);
    if (at < 0) return false;
    const before = haystack[at - 1];
    const after = haystack[at + needle.length];
    if ((before === undefined || !WORD.test(before)) && (after === undefined || !WORD.test(after))) return true;
    from = at + 1;
  }
}

/**
 * True when `text` contains `keyword` as whole words, case-insensitively; a keyword typed with diacritics also
 * matches text written without them. A keyword typed *with* diacritics is matched with them when `strict` is set
 * (e.g. `phó` must not match `phố`).
 */
export function matchesKeyword(text: string, keyword: string, options: { strict?: boolean } = {}): boolean {
  const t = normalizeText(text);
  const k = normalizeText(keyword);
  if (containsWord(t, k)) return true;
  if (options.strict) return false;
  return containsWord(stripDiacritics(t), stripDiacritics(k));
}

export function findKeyword(text: string, keywords: readonly string[], options: { strict?: boolean } = {}): string | undefined {
  return keywords.find((k) => matchesKeyword(text, k, options));
}
