// Link extraction shared by the crawler and the rules: navigation links as requirements.md defines them
// ("How pages are found"), footer links, and every link of a page, each with a selector an inspector can find.
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
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
const FOOTER_SELECTOR = 'body footer, body #footer, body .footer, body [id^="footer"], body [class*="footer"]';
const ARTICLE_ANCESTORS = 'article, .post, .entry, .news-item, .news-detail, .article, main article';

/** Resolves an href against the page URL; drops the fragment. Undefined for empty or non-resolvable hrefs. */
export function resolveHref(href: string | undefined, base: string): string | undefined {
  if (href === undefined) return undefined;
  const trimmed = href.trim();
  if (!trimmed || trimmed.startsWith('#')) return undefined;
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
const paths = new WeakMap<AnyNode, string>();

/** Short CSS path an inspector can paste in the browser console: up to the nearest ancestor with an id. */
export function cssPath($: CheerioAPI, el: AnyNode): string {
  const known = paths.get(el);
  if (known !== undefined) return known;
  const parts: string[] = [];
  let node: AnyNode | null = el;
  while (node && node.type === 'tag') {
    const e = node as Element;
    const name = e.name.toLowerCase();
    if (e.attribs.id && /^[A-Za-z][\w-]*$/.test(e.attribs.id)) {
      parts.unshift(`${name}#${e.attribs.id}`);
      break;
    }
    if (name === 'body' || name === 'html') {
      parts.unshift(name);
      break;
    }
    const parent: AnyNode | null = e.parent;
    const siblings = parent && 'children' in parent ? parent.children.filter((c) => c.type === 'tag' && c.name.toLowerCase() === name) : [e];
    parts.unshift(siblings.length > 1 ? `${name}:nth-of-type(${siblings.indexOf(e) + 1})` : name);
    node = parent;
  }
  const path = parts.join(' > ');
  paths.set(el, path);
  return path;
}

const texts = new WeakMap<Element, { text: string; isImage: boolean }>();

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
  const known = texts.get(a);
  if (known) return known;
  const own = $(a).text();
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
  const roots: { el: Element; source: LinkSource }[] = [];
  $('body nav').each((_, el) => void roots.push({ el, source: 'nav' }));
  $('body header').each((_, el) => {
    if ($(el).parents(ARTICLE_ANCESTORS).length === 0) roots.push({ el, source: 'header' });
  });
  $('body *').each((_, el) => {
    if (el.type !== 'tag' || ['body', 'html', 'a', 'img', 'header', 'nav'].includes(el.name)) return;
    if (hasMenuToken(el) && $(el).parents(ARTICLE_ANCESTORS).length === 0) roots.push({ el, source: 'menu' });
  });
  tableMenuRows($).forEach((el) => roots.push({ el, source: 'table-menu' }));
  return roots;
}

/** Older portals lay menus out as a table row of cells that each hold (almost only) one link. */
function tableMenuRows($: CheerioAPI): Element[] {
  const rows: Element[] = [];
  $('body tr').each((_, tr) => {
    const cells = $(tr).children('td, th').toArray();
    if (cells.length < 3) return;
    const linkCells = cells.filter((td) => {
      const links = $(td).find('a[href]');
      if (links.length !== 1) return false;
      const cellText = normalizeSpaces($(td).text());
      const aText = normalizeSpaces(links.text());
      return cellText.length <= aText.length + 3;
    });
    if (linkCells.length >= 3 && linkCells.length >= cells.length * 0.75) rows.push(tr);
  });
  return rows;
}

function collect($: CheerioAPI, roots: { el: Element; source: LinkSource }[], base: string): PageLink[] {
  const seen = new Set<Element>();
  const out: PageLink[] = [];
  for (const { el, source } of roots) {
    $(el).find('a[href], area[href]').each((_, a) => {
      if (a.type !== 'tag' || seen.has(a)) return;
      seen.add(a);
      const href = resolveHref(a.attribs.href, base) ?? (a.attribs.href ?? '').trim();
      if (!href) return;
      out.push({ href, ...linkText($, a), selector: cssPath($, a), source });
    });
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
  $(FOOTER_SELECTOR).each((_, el) => {
    if (el.type === 'tag') roots.push({ el, source: 'footer' });
  });
  return collect($, roots, base);
}

/** Every link of the page (a and area), navigation or not. */
export function allLinks($: CheerioAPI, base: string): PageLink[] {
  return memo($, `all ${base}`, () => findAllLinks($, base)).slice();
}

function findAllLinks($: CheerioAPI, base: string): PageLink[] {
  const nav = new Set(navigationLinks($, base).map((l) => l.selector));
  const out: PageLink[] = [];
  $('a[href], area[href]').each((_, a) => {
    if (a.type !== 'tag') return;
    const href = resolveHref(a.attribs.href, base) ?? (a.attribs.href ?? '').trim();
    if (!href) return;
    const selector = cssPath($, a);
    out.push({ href, ...linkText($, a), selector, source: nav.has(selector) ? 'nav' : 'body' });
  });
  return out;
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
  $(FOOTER_SELECTOR).each((_, el) => void excluded.add(el));
  const out: PageLink[] = [];
  $('body a[href], body area[href]').each((_, a) => {
    if (a.type !== 'tag') return;
    for (let p: AnyNode | null = a.parent; p; p = p.parent) if (excluded.has(p)) return;
    const href = resolveHref(a.attribs.href, base);
    if (!href) return;
    out.push({ href, ...linkText($, a), selector: cssPath($, a), source: 'body' });
  });
  return out;
}
