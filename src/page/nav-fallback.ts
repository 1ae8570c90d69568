// The navigation of a page that marks no menu (docs/navigation.md): its first block of five or more links to the same
// site whose nearest common container holds them and little else, before the first heading or article of its main
// content. Old hand-made portals lay their menu out as a bare row of links in a div or a table cell.
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { classTokens, domIndex, isLink } from './dom-index.js';
import { sameHost } from '../util/hosts.js';
import { isPostbackLink } from './placeholder-links.js';
import { isHttpUrl, resolveHrefIn } from './resolve-href.js';

/** Links a block needs before it counts as a menu. */
export const MIN_BLOCK_LINKS = 5;
/** "Little else": text outside the links at most this share of the link text (separators, a date, a greeting)… */
const OTHER_TEXT_SHARE = 0.35;
/** …or at most this many characters, for short menus. */
const OTHER_TEXT_CHARS = 24;

const NO_TEXT = new Set(['script', 'style', 'noscript', 'template']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Page-banner containers: a site-name heading in them is not the start of the main content. */
const BANNER_PARTS = new Set(['header', 'banner', 'logo', 'brand', 'masthead', 'top', 'topbar', 'site-title', 'sitename']);

interface Stats {
  /** Same-site links below (the element itself included). */
  links: number;
  /** Visible characters (whitespace left out) below, and of those, inside links. */
  text: number;
  linkText: number;
  /** Position of the element's last descendant in document order. */
  end: number;
}

const isBanner = (e: Element): boolean =>
  e.name === 'header' ||
  [e.attribs.id ?? '', ...classTokens(e)].some(
    (n) =>
      n
        .toLowerCase()
        .split(/[-_]/)
        .some((p) => BANNER_PARTS.has(p)) || BANNER_PARTS.has(n.toLowerCase()),
  );

function insideAny(el: Element, test: (e: Element) => boolean, stop: Element | undefined): boolean {
  for (let p: AnyNode | null = el.parent; p && p !== stop; p = p.parent) if (p.type === 'tag' && test(p as Element)) return true;
  return false;
}

/**
 * Position (in body order) of the first heading or article of the main content: inside `main`/`[role=main]` when the
 * page has one, else anywhere in the body except in a page banner or a link. The end of `main` when it has none.
 */
function contentStart(els: readonly Element[], stats: readonly Stats[]): number {
  const mainAt = els.findIndex((e) => e.name === 'main' || (e.attribs.role ?? '').toLowerCase() === 'main');
  const from = mainAt >= 0 ? mainAt + 1 : 0;
  const to = mainAt >= 0 ? (stats[mainAt] as Stats).end + 1 : els.length;
  for (let i = from; i < to; i++) {
    const e = els[i] as Element;
    if (e.name === 'article') return i;
    if (HEADINGS.has(e.name) && !insideAny(e, (p) => isBanner(p) || isLink(p), undefined)) return i;
  }
  return mainAt >= 0 ? mainAt : els.length;
}

/** Per-element counts, children before parents (reverse document order), with no recursion on document depth. */
function blockStats($: CheerioAPI, els: readonly Element[], pageUrl: string): { stats: Stats[]; counted: boolean[] } {
  const at = new Map<Element, number>();
  els.forEach((e, i) => at.set(e, i));
  const stats: Stats[] = els.map((_, i) => ({ links: 0, text: 0, linkText: 0, end: i }));
  const counted: boolean[] = els.map(() => false);
  for (let i = els.length - 1; i >= 0; i--) {
    const e = els[i] as Element;
    const s = stats[i] as Stats;
    if (NO_TEXT.has(e.name)) {
      s.text = 0;
      s.linkText = 0;
      s.links = 0;
    } else {
      for (const c of e.children)
        if (c.type === 'text') s.text += (c as unknown as { data: string }).data.replace(/[\s\u00a0]+/g, '').length;
      if (isLink(e)) {
        s.linkText = s.text;
        counted[i] = countsAsSameSite($, e, pageUrl) && !insideAny(e, (p) => p.name === 'marquee', undefined);
        if (counted[i]) s.links += 1;
      }
    }
    const parent = e.parent ? at.get(e.parent as Element) : undefined;
    if (parent === undefined) continue;
    const p = stats[parent] as Stats;
    p.links += s.links;
    p.text += s.text;
    p.linkText += s.linkText;
    if (s.end > p.end) p.end = s.end;
  }
  return { stats, counted };
}

function countsAsSameSite($: CheerioAPI, a: Element, pageUrl: string): boolean {
  if (isPostbackLink(a.attribs.href, a.attribs.onclick)) return true;
  const href = resolveHrefIn($, a.attribs.href, pageUrl);
  return href !== undefined && isHttpUrl(href) && sameHost(href, pageUrl);
}

const littleElse = (s: Stats): boolean => s.text - s.linkText <= Math.max(OTHER_TEXT_CHARS, s.linkText * OTHER_TEXT_SHARE);

/** The container of the page's first link block, or undefined when there is none before the main content. */
export function fallbackNavigation($: CheerioAPI, pageUrl: string): Element | undefined {
  const index = domIndex($);
  const els = index.bodyElements;
  const { stats, counted } = blockStats($, els, pageUrl);
  const boundary = contentStart(els, stats);
  const at = new Map<AnyNode, number>();
  els.forEach((e, i) => at.set(e, i));
  const fits = (i: number): boolean =>
    littleElse(stats[i] as Stats) &&
    (stats[i] as Stats).end < boundary &&
    !/footer/i.test(`${els[i]?.attribs.id ?? ''} ${els[i]?.attribs.class ?? ''} ${els[i]?.name}`);
  // Each ancestor is examined once: a later link climbing into an examined container knows its answer already.
  const examined = new Set<number>();
  for (let i = 0; i < boundary; i++) {
    if (!counted[i]) continue;
    for (let c = at.get(els[i]?.parent as AnyNode); c !== undefined; c = at.get(els[c]?.parent as AnyNode)) {
      if (examined.has(c)) break;
      examined.add(c);
      if (!fits(c)) break;
      if ((stats[c] as Stats).links < MIN_BLOCK_LINKS) continue;
      // The block: widened while the parent still holds little but these links (a menu split in two lists).
      let block = c;
      for (let p = at.get(els[block]?.parent as AnyNode); p !== undefined && fits(p); p = at.get(els[p]?.parent as AnyNode)) block = p;
      return els[block];
    }
  }
  return undefined;
}
