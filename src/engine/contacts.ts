// Phone numbers and e-mail addresses in Vietnamese page text, and a leader title next to one (section-gioi-thieu:
// CV 4210 III.3 asks for the leaders' contacts). Titles are matched with their diacritics: `phó` is not `phố`.
import type { CheerioAPI } from 'cheerio';
import { cssPath } from '../page/links.js';
import { elementAt, entryOf, pageText } from './page-text.js';

/** An e-mail address: labels that do not start or end with a hyphen, a letters-only top-level domain. */
export const EMAIL_PATTERN = '[a-z0-9][a-z0-9._%+-]*@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\\.[a-z]{2,}';
export const EMAIL = new RegExp(EMAIL_PATTERN, 'i');

/**
 * Vietnamese numbers as written on school sites: 0908 123 456, 0888.636.568, (028) 38 291 875, 028-3829-1875,
 * +84 888 636 568, (+84) 28 3829 1875. One separator between digits at most, so two numbers never merge.
 */
const PHONE_CANDIDATE = /(?<![\p{L}\p{N}/,])(?:\(\+?84\)\s?|\+84[\s.-]?|0084[\s.-]?|\(0\d{1,3}\)\s?|0)\d(?:[\s.-]?\d){6,10}(?![\p{N}/])/gu;

/** The first phone number in `text`: 10 or 11 digits once +84 is written as 0. */
export function findPhone(text: string): { index: number; match: string } | undefined {
  for (const m of text.matchAll(PHONE_CANDIDATE)) {
    let digits = m[0].replace(/\D/g, '');
    if (digits.startsWith('0084')) digits = `0${digits.slice(4)}`;
    else if (digits.startsWith('84') && !m[0].trimStart().startsWith('0')) digits = `0${digits.slice(2)}`;
    if (/^0\d{9,10}$/.test(digits)) return { index: m.index ?? 0, match: m[0].trim() };
  }
  return undefined;
}

export function findEmail(text: string): { index: number; match: string } | undefined {
  const m = EMAIL.exec(text);
  return m ? { index: m.index, match: m[0] } : undefined;
}

/** The first phone or e-mail in `text` (whichever comes first). */
export function findContact(text: string): { index: number; match: string } | undefined {
  const found = [findPhone(text), findEmail(text)].filter((x) => x !== undefined);
  return found.sort((x, y) => x.index - y.index)[0];
}

export interface LeaderContact {
  title: string;
  contact: string;
  selector: string;
  excerpt: string;
}

const WORD = /[\p{L}\p{N}]/u;
/**
 * Lower case without changing string length, so indexes still point into the original text. Whole-string lower
 * casing is the fast path (page text is long); only when it changes the length (İ → i̇) is it done per character.
 */
const lowerSameLength = (s: string): string => {
  // the root lower case, which for Vietnamese is the 'vi' one (see normalizeText in text.ts)
  const whole = s.toLowerCase();
  if (whole.length === s.length) return whole;
  return [...s]
    .map((c) => {
      const l = c.toLowerCase();
      return l.length === c.length ? l : c;
    })
    .join('');
};

/** How far after a title a phone or e-mail still belongs to it: about one staff entry (rules/section-gioi-thieu.md). */
export const LEADER_WINDOW = 200;
/** A table row or list item longer than this is a layout row or a whole list, not one person's entry. */
const ROW_MAX = 300;

/**
 * The first leader title on the page (menus and page header left out) with a phone number or e-mail in the same
 * table row or list item, or within LEADER_WINDOW characters after it.
 */
export function findLeaderContact($: CheerioAPI, titles: readonly string[]): LeaderContact | undefined {
  const pt = pageText($);
  const lower = lowerSameLength(pt.text);
  const hits: { at: number; title: string }[] = [];
  for (const title of titles) {
    const t = lowerSameLength(title.normalize('NFC'));
    for (let at = lower.indexOf(t); at >= 0; at = lower.indexOf(t, at + 1)) {
      const before = lower[at - 1];
      const after = lower[at + t.length];
      if ((before === undefined || !WORD.test(before)) && (after === undefined || !WORD.test(after)))
        hits.push({ at, title: pt.text.slice(at, at + t.length) });
    }
  }
  hits.sort((x, y) => x.at - y.at);
  for (const { at, title } of hits) {
    const el = elementAt(pt, at);
    if (!el) continue;
    const row = entryOf($, el);
    if (row) {
      const rowText = pageText($, row).text.replace(/\s+/g, ' ').trim();
      const hrefs = $(row)
        .find('a[href^="mailto:"], a[href^="tel:"]')
        .toArray()
        .map((x) => ($(x).attr('href') ?? '').replace(/^(mailto|tel):/i, ''))
        .join(' ');
      const contact = rowText.length <= ROW_MAX ? findContact(`${rowText} ${hrefs}`) : undefined;
      if (contact) return { title, contact: contact.match, selector: cssPath($, row), excerpt: rowText };
    }
    const window = pt.text.slice(at, at + title.length + LEADER_WINDOW);
    const contact = findContact(window);
    if (contact) {
      const start = Math.max(0, at - 40);
      const excerpt = pt.text
        .slice(start, at + contact.index + contact.match.length)
        .replace(/\s+/g, ' ')
        .trim();
      return { title, contact: contact.match, selector: cssPath($, el), excerpt };
    }
  }
  return undefined;
}
