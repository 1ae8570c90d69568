// Where a page's menus are (docs/navigation.md): `nav`, ARIA navigation/menu roles, the page-level header, elements
// whose id or class names a menu, table menu rows of older portals; and, when a page marks none of these (or only
// empty ones), its first block of same-site links before the main content (nav-fallback.ts).
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { docMemo } from './doc-cache.js';
import { classTokens, descendants, domIndex, isLink, selfOrAncestor, textContent } from './dom-index.js';
import { fallbackNavigation } from './nav-fallback.js';
import { isPlaceholderHref, isPostbackLink } from './placeholder-links.js';
import { resolveHrefIn } from './resolve-href.js';

export type NavigationSource = 'nav' | 'header' | 'menu' | 'table-menu' | 'fallback';
export interface NavigationRoot {
  el: Element;
  source: NavigationSource;
}

/** A part (split at `-` and `_`) of an id or class token that starts or ends with `menu` or `nav`. */
const MENU_PART = /^(?:menu|nav)|(?:menu|nav)$/i;
export const namesMenu = (name: string): boolean => name.split(/[-_]/).some((part) => MENU_PART.test(part));
const MENU_ROLES = new Set(['navigation', 'menubar', 'menu']);

const ARTICLE_CLASSES = new Set(['post', 'entry', 'news-item', 'news-detail', 'article']);
/** Inside `article, .post, .entry, .news-item, .news-detail, .article`: a header or menu there belongs to a story. */
const insideArticle = (e: Element): boolean =>
  selfOrAncestor(e.parent, (p) => p.name === 'article' || classTokens(p).some((c) => ARTICLE_CLASSES.has(c)));

/**
 * A name holds `menu` or `nav` somewhere if a part of it names a menu: one test rules out most ids and classes of a
 * page, whose every element is asked (splitting each class attribute into tokens and parts was most of the cost).
 */
const MAY_NAME_MENU = /menu|nav/i;

function hasMenuName(e: Element): boolean {
  const id = e.attribs.id;
  if (id && MAY_NAME_MENU.test(id) && namesMenu(id)) return true;
  const cls = e.attribs.class;
  return cls !== undefined && MAY_NAME_MENU.test(cls) && classTokens(e).some(namesMenu);
}

const hasMenuRole = (e: Element): boolean => {
  const role = e.attribs.role;
  return (
    role !== undefined &&
    role
      .toLowerCase()
      .split(/\s+/)
      .some((r) => MENU_ROLES.has(r))
  );
};

/**
 * Elements holding the page's content (`main`, `[role=main]`, `article`) and their ancestors: a wrapper carrying a
 * state class (`menu-open`, `has-nav`) around the whole page is no menu. Marked by climbing from each content
 * element until an ancestor already marked, so the work stays linear in the document.
 */
function contentHolders($: CheerioAPI): Set<Element> {
  const held = new Set<Element>();
  for (const el of domIndex($).bodyElements) {
    if (el.name !== 'main' && el.name !== 'article' && (el.attribs.role ?? '').toLowerCase() !== 'main') continue;
    for (let p: AnyNode | null = el; p && p.type === 'tag' && !held.has(p as Element); p = p.parent) held.add(p as Element);
  }
  return held;
}

/** A link or an image is an entry, not a region holding entries (`a.nav-link`, `img.menu-icon`). */
const NOT_MENU_ROOTS = new Set(['a', 'img']);

/** The marked navigation regions, in the order nav, roles, header, named menus, table menu rows. */
function markedRoots($: CheerioAPI): NavigationRoot[] {
  return docMemo($, 'marked navigation', () => {
    const navs: NavigationRoot[] = [];
    const headers: NavigationRoot[] = [];
    const menus: NavigationRoot[] = [];
    let holders: Set<Element> | undefined;
    for (const el of domIndex($).bodyElements) {
      if (el.type !== 'tag') continue;
      if (el.name === 'nav' || hasMenuRole(el)) navs.push({ el, source: 'nav' });
      else if (el.name === 'header') {
        if (!insideArticle(el)) headers.push({ el, source: 'header' });
      } else if (!NOT_MENU_ROOTS.has(el.name) && hasMenuName(el) && !insideArticle(el)) {
        holders ??= contentHolders($);
        if (!holders.has(el)) menus.push({ el, source: 'menu' });
      }
    }
    return [...navs, ...headers, ...menus, ...tableMenuRows($).map((el) => ({ el, source: 'table-menu' as const }))];
  });
}

const normalizeSpaces = (s: string): string => s.replace(/[\u00a0\s]+/g, ' ').trim();

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

/** A link that is a real menu entry: it leads to a page other than this one or the home page, or posts back. */
export function isRealEntry($: CheerioAPI, a: Element, pageUrl: string): boolean {
  if (isPostbackLink(a.attribs.href, a.attribs.onclick)) return true;
  const href = resolveHrefIn($, a.attribs.href, pageUrl);
  return href !== undefined && !isPlaceholderHref(href, pageUrl);
}

/**
 * The page's navigation regions: the marked ones, and the fallback block when none of them holds a real entry.
 * Without the page URL only the marked regions are known (the fallback counts links to the same site).
 */
export function navigationRoots($: CheerioAPI, pageUrl?: string): NavigationRoot[] {
  const marked = markedRoots($);
  if (pageUrl === undefined) return marked;
  return docMemo($, `navigation ${pageUrl}`, () => {
    const hasEntries = marked.some((r) => descendants(r.el, isLink).some((a) => isRealEntry($, a, pageUrl)));
    if (hasEntries) return marked;
    const block = fallbackNavigation($, pageUrl);
    return block ? [...marked, { el: block, source: 'fallback' as const }] : marked;
  });
}

/** The outermost navigation regions of a page, for rules that report where they searched or leave menus out. */
export function navigationRegions($: CheerioAPI, pageUrl?: string): Element[] {
  const roots = navigationRoots($, pageUrl).map((r) => r.el);
  const set = new Set<AnyNode>(roots);
  const inner = (el: Element): boolean => {
    for (let p: AnyNode | null = el.parent; p; p = p.parent) if (set.has(p)) return true;
    return false;
  };
  return [...new Set(roots)].filter((el) => !inner(el));
}

/** `body footer, body #footer, body .footer, body [id^="footer"], body [class*="footer"]`, without a selector engine. */
export const isFooter = (e: Element): boolean =>
  e.type === 'tag' && (e.name === 'footer' || (e.attribs.id ?? '').startsWith('footer') || (e.attribs.class ?? '').includes('footer'));
