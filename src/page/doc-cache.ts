// Values worked out once per parsed document (link lists, selectors, resolved hrefs, navigation roots): the crawler
// and several rules ask the same questions of the same page, and rules never mutate the DOM. Keyed weakly by the
// document, so a unit's documents and all that is cached for them go when its artifacts do. Inside, plain Maps: a
// WeakMap keyed by every DOM node made the GC trace thousands of ephemerons per page (bench/README.md).
import type { CheerioAPI } from 'cheerio';

const perDocument = new WeakMap<CheerioAPI, Map<string, unknown>>();

/** The value `compute` gives for this document and key, computed on first use. */
export function docMemo<T>($: CheerioAPI, key: string, compute: () => T): T {
  let cache = perDocument.get($);
  if (!cache) perDocument.set($, (cache = new Map()));
  // one lookup on the common path: a value is asked for far more often than computed (every link of a page asks)
  const known = cache.get(key);
  if (known !== undefined || cache.has(key)) return known as T;
  const value = compute();
  cache.set(key, value);
  return value;
}
