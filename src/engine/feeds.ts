// RSS/Atom: where a page advertises its feed, and what a fetched feed body is. The advertisement follows the same
// order as the crawler's feed target (a <link rel="alternate"> of a feed type first, then a link naming rss/feed).
// cheerio/slim: the same htmlparser2 load without parse5, which the CLI would load and never use
import type { CheerioAPI } from 'cheerio';
import { load } from 'cheerio/slim';
import type { ParentNode } from 'domhandler';
import { capTreeDepth } from '../collect/parse.js';
import { firstDescendant, tagged, textContent } from '../page/dom-index.js';
import { cssPath, isHttpUrl, resolveHrefIn } from '../page/links.js';

export interface FeedAd {
  url: string;
  selector: string;
  how: 'link-alternate' | 'anchor';
  text: string;
}

/** Feeds a page advertises, best first. */
export function advertisedFeeds($: CheerioAPI, base: string): FeedAd[] {
  // asked of the page index, not with selectors: `$('a[href]')` and a cheerio object per link cost ~7 ms a home page
  const out: FeedAd[] = [];
  for (const el of tagged($, 'link')) {
    if (el.attribs.href === undefined) continue;
    const rel = (el.attribs.rel ?? '').toLowerCase().split(/\s+/);
    const type = (el.attribs.type ?? '').toLowerCase().trim();
    const url = resolveHrefIn($, el.attribs.href, base);
    if (url && isHttpUrl(url) && rel.includes('alternate') && /^application\/(rss|atom)\+xml$/.test(type)) {
      out.push({ url, selector: cssPath($, el), how: 'link-alternate', text: el.attribs.title ?? type });
    }
  }
  for (const el of tagged($, 'a')) {
    if (el.attribs.href === undefined) continue;
    const url = resolveHrefIn($, el.attribs.href, base);
    if (!url || !isHttpUrl(url)) continue;
    const text = textContent(el).replace(/\s+/g, ' ').trim() || (firstDescendant(el, (e) => e.name === 'img')?.attribs.alt ?? '');
    const u = new URL(url);
    if (/\brss\b/i.test(text) || /(\brss\b|\/feeds?\b|[./]rss)/i.test(u.pathname + u.search)) {
      if (!out.some((f) => f.url === url)) out.push({ url, selector: cssPath($, el), how: 'anchor', text });
    }
  }
  return out;
}

export type FeedParse =
  { ok: true; kind: 'rss' | 'atom' | 'rdf'; items: number; title: string; newest?: string } | { ok: false; problem: 'html' | 'notFeed' };

/** Parses a feed body as XML: RSS 2.0 (`rss > channel > item`), Atom (`feed > entry`) or RSS 1.0 (`rdf:RDF > item`). */
export function parseFeed(text: string): FeedParse {
  const body = text.replace(/^\uFEFF/, '').trimStart();
  if (/^(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html)\b/i.test(body)) return { ok: false, problem: 'html' };
  if (!body.startsWith('<')) return { ok: false, problem: 'notFeed' };
  const $ = load(body, { xml: true });
  capTreeDepth($.root().get(0) as ParentNode);
  const root = $.root().children().first();
  const name = (root.prop('tagName') ?? '').toLowerCase();
  const first = (sel: string): string => root.find(sel).first().text().replace(/\s+/g, ' ').trim();
  if (name === 'rss') {
    const items = root.find('channel > item').length;
    return { ok: true, kind: 'rss', items, title: first('channel > title'), ...(items ? { newest: first('item > pubDate') } : {}) };
  }
  if (name === 'feed') {
    const items = root.children('entry').length;
    return {
      ok: true,
      kind: 'atom',
      items,
      title: root.children('title').first().text().trim(),
      ...(items ? { newest: first('entry > updated') } : {}),
    };
  }
  if (name === 'rdf:rdf') return { ok: true, kind: 'rdf', items: root.children('item').length, title: first('channel > title') };
  if (name === 'html') return { ok: false, problem: 'html' };
  return { ok: false, problem: 'notFeed' };
}
