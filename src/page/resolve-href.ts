// Turning an href into the absolute URL a browser would open. Every page repeats the site's menus, and the crawler
// and several rules resolve the same (page, href) pairs: link extraction resolves through a per-document cache.
import type { CheerioAPI } from 'cheerio';
import { docMemo } from './doc-cache.js';

/** Resolves an href against the page URL; drops the fragment. Undefined for empty, `#…` or non-resolvable hrefs. */
export function resolveHref(href: string | undefined, base: string): string | undefined {
  if (href === undefined) return undefined;
  const trimmed = href.trim();
  if (!trimmed || trimmed.startsWith('#')) return undefined;
  return resolve(trimmed, base);
}

/** `resolveHref`, remembered for this document (one Map per page: it goes with the page). */
export function resolveHrefIn($: CheerioAPI, href: string | undefined, base: string): string | undefined {
  if (href === undefined) return undefined;
  const trimmed = href.trim();
  if (!trimmed || trimmed.startsWith('#')) return undefined;
  // one map per base: a key built per call (`hrefs ${base}`) was a new string to hash for every link
  const bases = docMemo($, 'hrefs', () => new Map<string, Map<string, string | null>>());
  let cache = bases.get(base);
  if (!cache) bases.set(base, (cache = new Map()));
  const known = cache.get(trimmed);
  if (known !== undefined) return known ?? undefined;
  const url = resolve(trimmed, base);
  cache.set(trimmed, url ?? null);
  return url;
}

function resolve(trimmed: string, base: string): string | undefined {
  try {
    const url = new URL(trimmed, base);
    url.hash = '';
    return url.href;
  } catch {
    return undefined;
  }
}

export function isHttpUrl(url: string): boolean {
  return url.startsWith('http://') || url.startsWith('https://');
}
