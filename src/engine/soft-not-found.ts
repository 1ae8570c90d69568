// A "soft 404": a section target that answers 2xx but is an error page (docs/navigation.md, "Broken targets"). Many
// portals answer a missing page with 200 and a "Không tìm thấy trang" page, or redirect to PageNotFoundError.aspx.
import type { CheerioAPI } from 'cheerio';
import type { FetchedPage } from '../model/artifacts.js';
import { domIndex, selfOrAncestor, textContent } from '../page/dom-index.js';
import { findKeyword, normalizeText } from '../util/text.js';

export interface SoftNotFoundConfig {
  /** Phrases of an error page's title or main heading; a phrase of digits ("404") counts only as a number of its own. */
  phrases: readonly string[];
  /** Case-insensitive regular expressions on the final URL's path and query. */
  urlPatterns: readonly string[];
}

/** The first h1 of the body, else its first h2: the page's main heading. */
function mainHeading($: CheerioAPI): string {
  const { body, byTag } = domIndex($);
  if (!body) return '';
  for (const name of ['h1', 'h2']) {
    const el = (byTag.get(name) ?? []).find((h) => selfOrAncestor(h, (e) => e === body));
    if (el) return textContent(el);
  }
  return '';
}

/** A number phrase such as "404" must stand alone: not "404/SGDĐT-VP", "1404", "404.5". */
function hasNumber(text: string, digits: string): boolean {
  const re = new RegExp(`(?<![\\p{L}\\p{N}/.-])${digits}(?![\\p{L}\\p{N}/]|[.-]\\p{N})`, 'u');
  return re.test(text);
}

function matchPhrase(text: string, phrases: readonly string[]): string | undefined {
  const t = normalizeText(text);
  if (!t) return undefined;
  for (const p of phrases) {
    if (/^\d+$/.test(p.trim()) ? hasNumber(t, p.trim()) : findKeyword(t, [p]) !== undefined) return p;
  }
  return undefined;
}

const compiled = new Map<string, RegExp | null>();
function pattern(source: string): RegExp | null {
  let re = compiled.get(source);
  if (re === undefined) {
    try {
      re = new RegExp(source, 'i');
    } catch {
      re = null;
    }
    if (compiled.size > 1000) compiled.clear();
    compiled.set(source, re);
  }
  return re;
}

const excerpt = (s: string): string =>
  s
    .normalize('NFC')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
    .slice(0, 80);

/** What marks the page as an error page ("title: Lỗi 404", "URL: /PageNotFoundError.aspx"), or undefined. */
export function softNotFound(page: FetchedPage, cfg: SoftNotFoundConfig): string | undefined {
  let where = '';
  try {
    const u = new URL(page.finalUrl);
    where = u.pathname + u.search;
  } catch {
    where = page.finalUrl;
  }
  for (const source of cfg.urlPatterns) if (pattern(source)?.test(where)) return `địa chỉ trang lỗi / error-page URL: ${where}`;
  const $ = page.doc;
  if (!$) return undefined;
  const titleEl = domIndex($).byTag.get('title')?.[0];
  const title = titleEl ? textContent(titleEl) : '';
  if (matchPhrase(title, cfg.phrases)) return `<title>: "${excerpt(title)}"`;
  const heading = mainHeading($);
  return matchPhrase(heading, cfg.phrases) ? `tiêu đề chính / main heading: "${excerpt(heading)}"` : undefined;
}
