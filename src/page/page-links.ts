// The link lists the crawler and the rules read from a page: navigation links (navigation.ts decides where menus
// are), footer links, every link, and the page's own content links, each with a selector an inspector can find.
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { cssPath } from './css-path.js';
import { docMemo } from './doc-cache.js';
import { descendants, domIndex, isLink, selfOrAncestor, textContent } from './dom-index.js';
import { isFooter, navigationRoots, type NavigationSource } from './navigation.js';
import { isPostbackLink } from './placeholder-links.js';
import { resolveHrefIn } from './resolve-href.js';

export type LinkSource = NavigationSource | 'footer' | 'body';

export interface PageLink {
  /** Absolute URL without fragment, or the raw href when it cannot be resolved (`#`, javascript:, mailto:…). */
  href: string;
  /** Visible text, or the alt/title of an image link; NFC, whitespace collapsed (original case). */
  text: string;
  selector: string;
  source: LinkSource;
  isImage: boolean;
  /** An ASP.NET WebForms postback entry (`__doPostBack`): a real entry whose page only a form post reaches. */
  postback: boolean;
}

function firstImage(root: Element): Element | undefined {
  for (const el of descendantsUntil(root, (e) => e.name === 'img')) return el;
  return undefined;
}

/** The first descendant satisfying `test`, found with an explicit stack. */
function* descendantsUntil(root: Element, test: (e: Element) => boolean): Generator<Element> {
  const stack: AnyNode[] = [...root.children].reverse();
  while (stack.length) {
    const n = stack.pop() as AnyNode;
    if (n.type !== 'tag') continue;
    if (test(n as Element)) {
      yield n as Element;
      return;
    }
    for (let i = (n as Element).children.length - 1; i >= 0; i--) stack.push((n as Element).children[i] as AnyNode);
  }
}

// Only runs and non-space whitespace are rewritten (as in normalizeText): most link texts have single spaces only,
// and a replace that matches nothing returns the string as it is, so they allocate nothing here.
const normalizeSpaces = (s: string): string =>
  s
    .normalize('NFC')
    .replace(/[\u00a0\s]{2,}|[^\S ]/g, ' ')
    .trim();

type LinkTexts = Map<Element, { text: string; isImage: boolean }>;
/** A page's link texts, shared by its link lists (asked for once per list, not once per link). */
const linkTexts = ($: CheerioAPI): LinkTexts => docMemo($, 'texts', (): LinkTexts => new Map());

function linkText(texts: LinkTexts, a: Element): { text: string; isImage: boolean } {
  const known = texts.get(a);
  if (known) return known;
  const own = textContent(a);
  const img = firstImage(a);
  const imgText = img ? (img.attribs.alt ?? img.attribs.title ?? '') : '';
  const found = {
    text: normalizeSpaces(own) || normalizeSpaces(imgText) || normalizeSpaces(a.attribs.title ?? ''),
    isImage: img !== undefined,
  };
  texts.set(a, found);
  return found;
}

/** A link whose selector is worked out when asked for: most links never become evidence. */
function makeLink($: CheerioAPI, texts: LinkTexts, a: Element, href: string, source: LinkSource): PageLink {
  const { text, isImage } = linkText(texts, a);
  const postback = isPostbackLink(a.attribs.href, a.attribs.onclick);
  return {
    href,
    text,
    isImage,
    source,
    postback,
    get selector() {
      return cssPath($, a);
    },
  };
}

/** Menu and footer links: an empty href is kept (as ""), since a dropdown parent may be written so. */
function collect($: CheerioAPI, roots: { el: Element; source: LinkSource }[], base: string): PageLink[] {
  const seen = new Set<Element>();
  const out: PageLink[] = [];
  const texts = linkTexts($);
  for (const { el, source } of roots) {
    for (const a of descendants(el, isLink)) {
      if (seen.has(a)) continue;
      seen.add(a);
      out.push(makeLink($, texts, a, resolveHrefIn($, a.attribs.href, base) ?? (a.attribs.href ?? '').trim(), source));
    }
  }
  return out;
}

/** The links a visitor uses to move between sections (menus, page header, dropdowns, table menus, the fallback). */
export function navigationLinks($: CheerioAPI, base: string): PageLink[] {
  return docMemo($, `nav ${base}`, () => collect($, navigationRoots($, base), base)).slice();
}

/** Links in the page footer (counted as navigation only by the link rules). */
export function footerLinks($: CheerioAPI, base: string): PageLink[] {
  return docMemo($, `footer ${base}`, () => {
    const roots: { el: Element; source: LinkSource }[] = [];
    for (const el of domIndex($).bodyElements) if (isFooter(el)) roots.push({ el, source: 'footer' });
    return collect($, roots, base).filter((l) => l.href !== '');
  }).slice();
}

/** Every link of the page (a and area), navigation or not. */
export function allLinks($: CheerioAPI, base: string): PageLink[] {
  return docMemo($, `all ${base}`, () => {
    const nav = new Set(navigationRoots($, base).flatMap((r) => descendants(r.el, isLink)));
    const out: PageLink[] = [];
    const texts = linkTexts($);
    for (const a of domIndex($).elements) {
      if (!isLink(a)) continue;
      const href = resolveHrefIn($, a.attribs.href, base) ?? (a.attribs.href ?? '').trim();
      if (!href) continue;
      out.push(makeLink($, texts, a, href, nav.has(a) ? 'nav' : 'body'));
    }
    return out;
  }).slice();
}

/**
 * Links in a page's own content: every link outside its navigation regions, page-level header and footer
 * ("the same-site pages that the section page's own content links to"). One pass over the links, each checking
 * its ancestors against the set of excluded regions.
 */
export function contentLinks($: CheerioAPI, base: string): PageLink[] {
  return docMemo($, `content ${base}`, () => {
    const excluded = new Set<AnyNode>(navigationRoots($, base).map((r) => r.el));
    const inBody = domIndex($).bodyElements;
    for (const el of inBody) if (isFooter(el)) excluded.add(el);
    const out: PageLink[] = [];
    const texts = linkTexts($);
    for (const a of inBody) {
      if (!isLink(a) || selfOrAncestor(a.parent, (p) => excluded.has(p))) continue;
      const href = resolveHrefIn($, a.attribs.href, base);
      if (!href) continue;
      out.push(makeLink($, texts, a, href, 'body'));
    }
    return out;
  }).slice();
}

/** The link element (a or area) a PageLink's selector names: the first one in document order, as `$(selector)` finds it. */
export function linkElement($: CheerioAPI, selector: string): Element | undefined {
  return docMemo($, 'link elements', () => {
    const bySelector = new Map<string, Element>();
    for (const el of domIndex($).elements) if (isLink(el) && !bySelector.has(cssPath($, el))) bySelector.set(cssPath($, el), el);
    return bySelector;
  }).get(selector);
}
