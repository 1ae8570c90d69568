// Link extraction shared by the crawler and the rules: navigation links as requirements.md defines them
// ("How pages are found"), footer links, and every link of a page, each with a selector an inspector can find.
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { classTokens, descendants, domIndex, isLink, selfOrAncestor, textContent } from './dom-index.js';
import { normalizeText } from './text.js';

export type LinkSource = 'nav' | 'header' | 'menu' | 'table-menu' | 'footer' | 'body';

export interface PageLink {
  /** Absolute URL without fragment, or the raw href when it cannot be resolved (javascript:, mailto:…). */
  href: string;
  /** Visible text, or the alt/title of an image link; NFC, whitespace collapsed (original case). */
  text: string;
  selector: string;
  source: LinkSource;
  isImage: boolean;
}

const MENU_TOKEN = /^(menu|nav|mainmenu)/i;
/** `body footer, body #footer, body .footer, body [id^="footer"], body [class*="footer"]`, without a selector engine. */
const isFooter = (e: Element): boolean => e.type === 'tag' && (e.name === 'footer' || (e.attribs.id ?? '').startsWith('footer') || (e.attribs.class ?? '').includes('footer'));
const ARTICLE_CLASSES = new Set(['post', 'entry', 'news-item', 'news-detail', 'article']);
/** Inside `article, .post, .entry, .news-item, .news-detail, .article`: a header or menu there belongs to a story. */
const insideArticle = (e: Element): boolean => selfOrAncestor(e.parent, (p) => p.name === 'article' || classTokens(p).some((c) => ARTICLE_CLASSES.has(c)));

/** Resolves an href against the page URL; drops the fragment. Undefined for empty or non-resolvable hrefs. */
export function resolveHref(href: string | undefined, base: string): string | undefined {
  if (href === undefined) return undefined;
  const trimmed = href.trim();
  if (!trimmed || trimmed.startsWith('#')) return undefined;
  // Every page repeats the site's menus: the same (page, href) pairs are resolved by the crawler and several rules.
  const key = `${base}\u0000${trimmed}`;
  const known = resolved.get(key);
  if (known !== undefined) return known ?? undefined;
  const url = resolve(trimmed, base);
  if (resolved.size >= RESOLVED_LIMIT) resolved.clear();
  resolved.set(key, url ?? null);
  return url;
}
const resolved = new Map<string, string | null>();
const RESOLVED_LIMIT = 20_000; // about the links of one unit being judged; a few MB at most

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

/**
 * Link lists and selectors are asked for by the crawler and by several rules on the same parsed page (rules never
 * mutate the DOM), so they are computed once per document. Keyed weakly: a unit's documents, and all that is
 * cached for them, go when its artifacts do. Callers get their own copy of a list; the links in it are shared, read-only.
 */
const perDocument = new WeakMap<CheerioAPI, Map<string, unknown>>();
function memo<T>($: CheerioAPI, key: string, compute: () => T): T {
  let cache = perDocument.get($);
  if (!cache) perDocument.set($, (cache = new Map()));
  if (!cache.has(key)) cache.set(key, compute());
  return cache.get(key) as T;
}
// Per document, in plain Maps held by the document's memo: WeakMaps keyed by every DOM node made the GC trace
// thousands of ephemerons per page (bench/README.md).
interface PathCache {
  paths: Map<Element, string>;
  steps: Map<AnyNode, Map<Element, string>>;
}
const pathCache = ($: CheerioAPI): PathCache => memo($, 'paths', () => ({ paths: new Map(), steps: new Map() }));
const isElement = (n: AnyNode | null): n is Element => n !== null && (n.type === 'tag' || n.type === 'script' || n.type === 'style');

/** Short CSS path an inspector can paste in the browser console: up to the nearest ancestor with an id. */
export function cssPath($: CheerioAPI, el: AnyNode): string {
  return isElement(el) ? pathOf(pathCache($), el) : '';
}

// Memoised per element, parents included: the links of one menu share every step of their paths, and a parent's
// children are numbered once (nth-of-type) instead of once per child.
function pathOf(cache: PathCache, e: Element): string {
  const known = cache.paths.get(e);
  if (known !== undefined) return known;
  const name = e.name.toLowerCase();
  let path: string;
  if (e.attribs.id && /^[A-Za-z][\w-]*$/.test(e.attribs.id)) path = `${name}#${e.attribs.id}`;
  else if (name === 'body' || name === 'html') path = name;
  else {
    const parent = e.parent;
    const step = parent ? stepIn(cache, parent, e, name) : name;
    path = isElement(parent) ? `${pathOf(cache, parent)} > ${step}` : step;
  }
  cache.paths.set(e, path);
  return path;
}

function stepIn(cache: PathCache, parent: AnyNode, e: Element, name: string): string {
  let known = cache.steps.get(parent);
  if (!known) {
    known = new Map();
    const kids = 'children' in parent ? parent.children.filter(isElement) : [];
    const counts = new Map<string, number>();
    for (const c of kids) counts.set(c.name.toLowerCase(), (counts.get(c.name.toLowerCase()) ?? 0) + 1);
    const seen = new Map<string, number>();
    for (const c of kids) {
      const n = c.name.toLowerCase();
      const nth = (seen.get(n) ?? 0) + 1;
      seen.set(n, nth);
      known.set(c, (counts.get(n) ?? 0) > 1 ? `${n}:nth-of-type(${nth})` : n);
    }
    cache.steps.set(parent, known);
  }
  return known.get(e) ?? name;
}

function firstImage(el: Element): Element | undefined {
  for (const c of el.children) {
    if (c.type !== 'tag') continue;
    if (c.name === 'img') return c;
    const inner = firstImage(c);
    if (inner) return inner;
  }
  return undefined;
}

function linkText($: CheerioAPI, a: Element): { text: string; isImage: boolean } {
  const texts = memo($, 'texts', () => new Map<Element, { text: string; isImage: boolean }>());
  const known = texts.get(a);
  if (known) return known;
  const own = textContent(a);
  const img = firstImage(a);
  const imgText = img ? (img.attribs.alt ?? img.attribs.title ?? '') : '';
  const found = { text: normalizeSpaces(own) || normalizeSpaces(imgText) || normalizeSpaces(a.attribs.title ?? ''), isImage: img !== undefined };
  texts.set(a, found);
  return found;
}

const normalizeSpaces = (s: string): string => s.normalize('NFC').replace(/[\u00a0\s]+/g, ' ').trim();

function hasMenuToken(e: Element): boolean {
  const id = e.attribs.id ?? '';
  if (id && MENU_TOKEN.test(id)) return true;
  const classes = (e.attribs.class ?? '').split(/\s+/).filter(Boolean);
  return classes.some((c) => MENU_TOKEN.test(c));
}

/** The roots of navigation regions on a page (requirements.md). */
function navigationRoots($: CheerioAPI): { el: Element; source: LinkSource }[] {
  return memo($, 'roots', () => findNavigationRoots($));
}

function findNavigationRoots($: CheerioAPI): { el: Element; source: LinkSource }[] {
  const navs: { el: Element; source: LinkSource }[] = [];
  const headers: { el: Element; source: LinkSource }[] = [];
  const menus: { el: Element; source: LinkSource }[] = [];
  for (const el of domIndex($).bodyElements) {
    if (el.name === 'nav') navs.push({ el, source: 'nav' });
    else if (el.name === 'header') {
      if (!insideArticle(el)) headers.push({ el, source: 'header' });
    } else if (el.type === 'tag' && !SKIP_MENU_TAGS.has(el.name) && hasMenuToken(el) && !insideArticle(el)) menus.push({ el, source: 'menu' });
  }
  return [...navs, ...headers, ...menus, ...tableMenuRows($).map((el) => ({ el, source: 'table-menu' as const }))];
}
const SKIP_MENU_TAGS = new Set(['body', 'html', 'a', 'img', 'header', 'nav']);

/** Older portals lay menus out as a table row of cells that each hold (almost only) one link. */
function tableMenuRows($: CheerioAPI): Element[] {
  const rows: Element[] = [];
  for (const tr of domIndex($).bodyElements) {
    if (tr.name !== 'tr') continue;
    const cells = tr.children.filter((c): c is Element => c.type === 'tag' && (c.name === 'td' || c.name === 'th'));
    if (cells.length < 3) continue;
    const linkCells = cells.filter((td) => {
      const links = descendants(td, (e) => e.name === 'a' && e.attribs.href !== undefined);
      if (links.length !== 1) return false;
      const cellText = normalizeSpaces(textContent(td));
      const aText = normalizeSpaces(textContent(links[0] as Element));
      return cellText.length <= aText.length + 3;
    });
    if (linkCells.length >= 3 && linkCells.length >= cells.length * 0.75) rows.push(tr);
  }
  return rows;
}

function collect($: CheerioAPI, roots: { el: Element; source: LinkSource }[], base: string): PageLink[] {
  const seen = new Set<Element>();
  const out: PageLink[] = [];
  for (const { el, source } of roots) {
    for (const a of descendants(el, isLink)) {
      if (seen.has(a)) continue;
      seen.add(a);
      const href = resolveHref(a.attribs.href, base) ?? (a.attribs.href ?? '').trim();
      if (!href) continue;
      out.push(makeLink($, a, href, source));
    }
  }
  return out;
}

/** The links a visitor uses to move between sections (menus, page header, dropdowns, table menus). */
export function navigationLinks($: CheerioAPI, base: string): PageLink[] {
  return memo($, `nav ${base}`, () => collect($, navigationRoots($), base)).slice();
}

/** The outermost navigation regions of a page, for rules that report where they searched or leave menus out. */
export function navigationRegions($: CheerioAPI): Element[] {
  const roots = navigationRoots($).map((r) => r.el);
  const set = new Set<AnyNode>(roots);
  const inner = (el: Element): boolean => {
    for (let p: AnyNode | null = el.parent; p; p = p.parent) if (set.has(p)) return true;
    return false;
  };
  return [...new Set(roots)].filter((el) => !inner(el));
}

/** Links in the page footer (counted as navigation only by the link rules). */
export function footerLinks($: CheerioAPI, base: string): PageLink[] {
  return memo($, `footer ${base}`, () => findFooterLinks($, base)).slice();
}

function findFooterLinks($: CheerioAPI, base: string): PageLink[] {
  const roots: { el: Element; source: LinkSource }[] = [];
  for (const el of domIndex($).bodyElements) if (isFooter(el)) roots.push({ el, source: 'footer' });
  return collect($, roots, base);
}

/** Every link of the page (a and area), navigation or not. */
export function allLinks($: CheerioAPI, base: string): PageLink[] {
  return memo($, `all ${base}`, () => findAllLinks($, base)).slice();
}

function findAllLinks($: CheerioAPI, base: string): PageLink[] {
  const nav = memo($, 'nav elements', () => new Set(navigationRoots($).flatMap((r) => descendants(r.el, isLink))));
  const out: PageLink[] = [];
  for (const a of domIndex($).elements) {
    if (!isLink(a)) continue;
    const href = resolveHref(a.attribs.href, base) ?? (a.attribs.href ?? '').trim();
    if (!href) continue;
    out.push(makeLink($, a, href, nav.has(a) ? 'nav' : 'body'));
  }
  return out;
}

/** A link whose selector is worked out when asked for: most links never become evidence. */
function makeLink($: CheerioAPI, a: Element, href: string, source: LinkSource): PageLink {
  const { text, isImage } = linkText($, a);
  return { href, text, isImage, source, get selector() { return cssPath($, a); } };
}

/** Lower-cased, NFC text of a link for keyword matching. */
export const linkKey = (l: PageLink): string => normalizeText(l.text);

/**
 * Links in a page's own content: every link outside its navigation regions, page-level header and footer
 * (requirements.md: "the same-site pages that the section page's own content links to"). One pass over the links,
 * each checking its ancestors against the set of excluded regions.
 */
export function contentLinks($: CheerioAPI, base: string): PageLink[] {
  return memo($, `content ${base}`, () => findContentLinks($, base)).slice();
}

function findContentLinks($: CheerioAPI, base: string): PageLink[] {
  const excluded = new Set<AnyNode>(navigationRoots($).map((r) => r.el));
  const inBody = domIndex($).bodyElements;
  for (const el of inBody) if (isFooter(el)) excluded.add(el);
  const out: PageLink[] = [];
  for (const a of inBody) {
    if (!isLink(a) || selfOrAncestor(a.parent, (p) => excluded.has(p))) continue;
    const href = resolveHref(a.attribs.href, base);
    if (!href) continue;
    out.push(makeLink($, a, href, 'body'));
  }
  return out;
}

/** The link element (a or area) a PageLink's selector names: the first one in document order, as `$(selector)` finds it. */
export function linkElement($: CheerioAPI, selector: string): Element | undefined {
  return memo($, 'link elements', () => {
    const bySelector = new Map<string, Element>();
    for (const el of domIndex($).elements) if (isLink(el) && !bySelector.has(cssPath($, el))) bySelector.set(cssPath($, el), el);
    return bySelector;
  }).get(selector);
}
