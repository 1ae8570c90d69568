// The page scans of no-malicious-content (rules/no-malicious-content.ts): where a crawled page shows gambling spam or a
// defacement (hidden blocks, title, SEO meta, menus, links, iframes and forms to betting hosts), and the gambling
// signals a page shows at all, which the rule compares between a visitor's and Googlebot's home page for cloaking.
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import type { FetchResult, FetchedPage } from '../model/artifacts.js';
import type { Evidence } from '../model/rule.js';
import type { SpamConfig } from './spam.js';
import { descendants, domIndex, isLink, tagged, textContent, walkTree } from '../page/dom-index.js';
import { allLinks, cssPath, navigationLinks, resolveHref, resolveHrefIn } from '../page/links.js';
import { bettingHost, bettingTermsInNormalized, defacementInNormalized, findBettingTerms } from './spam.js';
import { normalizeText } from '../util/text.js';
import { hiddenRoots, hidingCss } from './visibility.js';

export type Where = 'defaced' | 'hidden' | 'title' | 'meta' | 'nav' | 'link' | 'cloaked';
export const ORDER: Where[] = ['defaced', 'cloaked', 'hidden', 'title', 'meta', 'nav', 'link'];
/** Evidence entries kept per where-kind and page, so 300 hidden links do not drown the report. */
export const PER_KIND = 3;
export const MAX_EVIDENCE = 20;

export interface Hit extends Evidence {
  where: Where;
}

export type HtmlPage = FetchedPage & { doc: CheerioAPI };
export const isHtmlPage = (r: FetchResult | undefined): r is HtmlPage => r?.ok === true && r.isHtml && r.doc !== undefined;

const NOT_TEXT = new Set(['script', 'style', 'noscript', 'template']);

/** Text of a subtree without scripts and styles, whitespace collapsed. */
function textOf(el: AnyNode): string {
  return rawTextOf(el).replace(/\s+/g, ' ').trim();
}

/** The same text with its whitespace as written (normalizeText collapses it anyway). */
function rawTextOf(el: AnyNode): string {
  const parts: string[] = [];
  walkTree(el, (n) => {
    if (n.type === 'text') parts.push((n as unknown as { data: string }).data);
    if (n.type !== 'tag' && n.type !== 'root') return false;
    return !(n.type === 'tag' && NOT_TEXT.has((n as Element).name));
  });
  return parts.join(' ');
}

/** The page's body text, normalised once: the spam scan and the cloaking comparison both read it. */
const bodyTexts = new WeakMap<CheerioAPI, string>();
function bodyText($: CheerioAPI): string {
  let text = bodyTexts.get($);
  if (text === undefined) {
    const body = domIndex($).body ?? ($.root().get(0) as AnyNode | undefined);
    bodyTexts.set($, (text = normalizeText(body ? rawTextOf(body) : '')));
  }
  return text;
}

const titleOf = ($: CheerioAPI): Element | undefined => tagged($, 'title')[0];

/** `meta[name="description"], meta[name="keywords"], meta[property^="og:"], meta[name^="og:"], meta[name^="twitter:"]` */
function isSeoMeta(m: Element): boolean {
  const name = m.attribs.name;
  return (
    name === 'description' ||
    name === 'keywords' ||
    (m.attribs.property ?? '').startsWith('og:') ||
    (name !== undefined && (name.startsWith('og:') || name.startsWith('twitter:')))
  );
}
const seoMetas = ($: CheerioAPI): Element[] => tagged($, 'meta').filter(isSeoMeta);

/**
 * Some link of the page (a or area, its href as allLinks resolves it) goes to a betting host. Most pages have none:
 * their link list, with a text and a selector per link, is then not built for the spam scan (the crawler and the
 * other rules read it on the home page only).
 */
function linksToBettingHost($: CheerioAPI, base: string, cfg: SpamConfig): boolean {
  for (const a of domIndex($).elements) {
    if (!isLink(a)) continue;
    const href = resolveHrefIn($, a.attribs.href, base) ?? (a.attribs.href ?? '').trim();
    if (href && bettingHost(href, cfg)) return true;
  }
  return false;
}

/** Spam on one page, by where it was found; `warnings` collects exempted terms (warning articles). */
export function scanPage(page: HtmlPage, cfg: SpamConfig, warnings: Evidence[]): Hit[] {
  const $ = page.doc;
  const url = page.finalUrl;
  const hits: Hit[] = [];
  // a selector is worked out only for a warning: every menu link of every page is checked here
  const terms = (text: string, selector: string | (() => string)): string[] => {
    const found = findBettingTerms(text, cfg);
    for (const w of found.filter((h) => h.warning))
      warnings.push({
        url,
        selector: typeof selector === 'string' ? selector : selector(),
        excerpt: `${w.term} (${w.warning}): ${w.around}`,
      });
    return [...new Set(found.filter((h) => !h.warning).map((h) => h.term))];
  };
  const reported = new Set<Element>();

  const text = bodyText($);
  const titleEl = titleOf($);
  const titleText = titleEl ? textContent(titleEl) : '';
  // Visible article text is not judged, but a warning article is noted so the pass shows why its words did not count.
  for (const w of bettingTermsInNormalized(text, cfg).filter((h) => h.warning))
    warnings.push({ url, selector: 'body', excerpt: `${w.term} (${w.warning}): ${w.around}` });
  const defaced = defacementInNormalized([normalizeText(titleText), text].filter(Boolean).join(' '), cfg);
  if (defaced) hits.push({ where: 'defaced', url, selector: 'title, body', excerpt: defaced.around });

  for (const { el, reason } of hiddenRoots($, hidingCss($))) {
    const selector = cssPath($, el);
    const hiddenText = textOf(el);
    const found = terms(hiddenText, selector);
    const links = descendants(el, isLink);
    links.forEach((n) => reported.add(n));
    const hosts = links
      .map((n) => resolveHref(n.attribs.href, url))
      .filter((h): h is string => h !== undefined && bettingHost(h, cfg) !== undefined);
    if (!found.length && !hosts.length) continue;
    const what = [...found, ...hosts.slice(0, 3)].join(', ');
    hits.push({ where: 'hidden', url, selector, excerpt: `${reason}: ${what} — ${hiddenText.slice(0, 120)}` });
  }

  if (titleEl) {
    const found = terms(titleText, 'title');
    if (found.length) hits.push({ where: 'title', url, selector: 'title', excerpt: titleText.replace(/\s+/g, ' ').trim() });
  }

  for (const m of seoMetas($)) {
    const content = m.attribs.content ?? '';
    const name = m.attribs.name ?? m.attribs.property ?? '';
    const selector = `meta[${m.attribs.name !== undefined ? 'name' : 'property'}="${name}"]`;
    const host = /^https?:/i.test(content) ? bettingHost(content, cfg) : undefined;
    if (terms(content, selector).length || host) hits.push({ where: 'meta', url, selector, excerpt: content });
  }

  for (const l of navigationLinks($, url)) {
    const found = terms(l.text, () => l.selector);
    const host = bettingHost(l.href, cfg);
    if (found.length || host) hits.push({ where: 'nav', url, selector: l.selector, excerpt: `${l.text} → ${l.href}` });
  }

  if (linksToBettingHost($, url, cfg)) {
    const reportedSelectors = new Set([...reported].map((n) => cssPath($, n)));
    for (const l of allLinks($, url)) {
      // Navigation links were judged above; a link's selector is worked out only when a hidden block was reported.
      if (l.source === 'nav' || (reportedSelectors.size > 0 && reportedSelectors.has(l.selector))) continue;
      if (bettingHost(l.href, cfg)) hits.push({ where: 'link', url, selector: l.selector, excerpt: `${l.text} → ${l.href}` });
    }
  }
  for (const el of domIndex($).elements) {
    const raw = el.name === 'iframe' ? el.attribs.src : el.name === 'form' ? el.attribs.action : undefined;
    const target = resolveHref(raw, url);
    if (target && bettingHost(target, cfg)) hits.push({ where: 'link', url, selector: cssPath($, el), excerpt: target });
  }
  return hits;
}

/** What a page shows of gambling anywhere (visible text included): the signals compared for cloaking. */
export function signals(page: HtmlPage, cfg: SpamConfig): Map<string, Evidence> {
  const $ = page.doc;
  const url = page.finalUrl;
  const out = new Map<string, Evidence>();
  const meta = seoMetas($)
    .map((m) => m.attribs.content ?? '')
    .join(' ');
  const title = titleOf($);
  const text = [normalizeText(`${title ? textContent(title) : ''} ${meta}`), bodyText($)].filter(Boolean).join(' ');
  for (const h of bettingTermsInNormalized(text, cfg).filter((x) => !x.warning))
    out.set(`term:${h.term}`, { url, selector: 'body', excerpt: h.around });
  for (const l of allLinks($, url)) {
    const brand = bettingHost(l.href, cfg);
    if (brand) out.set(`host:${new URL(l.href).hostname}`, { url, selector: l.selector, excerpt: `${l.text} → ${l.href}` });
  }
  return out;
}
