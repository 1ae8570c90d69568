// Text normalisation and keyword matching shared by all rules: NFC, &nbsp; as space, whitespace collapsed,
// case-insensitive, and also without Vietnamese diacritics ("cong khai" matches "công khai").

export function normalizeText(text: string): string {
  return (
    text
      .normalize('NFC')
      .replace(/[\u2010-\u2015\u2212]/g, '-') // en/em dashes as in "Hỏi – Đáp"
      // Whitespace (&nbsp;, thin and zero-width spaces too) collapsed to one space. Only runs and non-space characters
      // are replaced: most of a page's whitespace is single spaces, and rewriting each of them doubled the cost.
      .replace(/[\s\u200b]{2,}|[^\S ]|\u200b/g, ' ')
      .trim()
      // Vietnamese has no special casing (ICU's locale rules are for Turkish, Azeri and Lithuanian): the root lower
      // case is the same, and toLocaleLowerCase('vi') resolves the locale on every call — 20× slower on menu texts,
      // which this function sees for every link of every page
      .toLowerCase()
  );
}

export function stripDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
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

// Keywords come from the rules config (a few hundred), and are matched against every menu entry of every page.
const keywordForms = new Map<string, { k: string; bare: string }>();
function formsOf(keyword: string): { k: string; bare: string } {
  let f = keywordForms.get(keyword);
  if (!f) {
    if (keywordForms.size >= 10_000) keywordForms.clear(); // bounded, whatever callers pass
    const k = normalizeText(keyword);
    f = { k, bare: stripDiacritics(k) };
    keywordForms.set(keyword, f);
  }
  return f;
}

function matchesNormalized(t: { text: string; bare?: string }, keyword: string, strict: boolean | undefined): boolean {
  const { k, bare } = formsOf(keyword);
  if (containsWord(t.text, k)) return true;
  if (strict) return false;
  t.bare ??= stripDiacritics(t.text);
  return containsWord(t.bare, bare);
}

/**
 * True when `text` contains `keyword` as whole words, case-insensitively; a keyword typed with diacritics also
 * matches text written without them. A keyword typed *with* diacritics is matched with them when `strict` is set
 * (e.g. `phó` must not match `phố`).
 */
export function matchesKeyword(text: string, keyword: string, options: { strict?: boolean } = {}): boolean {
  return matchesNormalized({ text: normalizeText(text) }, keyword, options.strict);
}

export function findKeyword(text: string, keywords: readonly string[], options: { strict?: boolean } = {}): string | undefined {
  const t = { text: normalizeText(text) };
  return keywords.find((k) => matchesNormalized(t, k, options.strict));
}
