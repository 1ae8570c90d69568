// Finding a content section the way docs/navigation.md describes it: a navigation link of the home page whose text
// matches one of the section's keywords, and what its target answered. A keyword that only occurs in an article never
// makes a section exist, because only navigation links are searched.
import type { Artifacts, FetchResult, FetchedPage } from '../model/artifacts.js';
import type { Evidence } from '../model/rule.js';
import { navigationLinks, type PageLink } from '../page/links.js';
import { softNotFound, type SoftNotFoundConfig } from './soft-not-found.js';
import { findKeyword } from '../util/text.js';

export interface SectionLink {
  link: PageLink;
  /** The keyword that matched the link text. */
  keyword: string;
  /** What the crawler got for the link's target (undefined when it was not fetched, e.g. past --max-pages). */
  target?: FetchResult;
  /** The target answered 2xx but is an error page (soft 404): what says so. */
  notFound?: string;
}

/** What the section lookups need from the rules config. */
export interface SectionConfig {
  softNotFound: SoftNotFoundConfig;
}

/** The part of a unit's artifacts the section lookup reads: any rule declaring `home` (and `pages`) can pass its own. */
export type SiteView = Readonly<Pick<Artifacts, 'unit' | 'home' | 'pages'>>;

export type TargetState = 'ok' | 'broken' | 'unverified';

/** A navigation link as a section entry: its fetched target, and whether that target is an error page answering 2xx. */
export function sectionLink(a: SiteView, link: PageLink, keyword: string, cfg: SectionConfig): SectionLink {
  const target = lookupPage(a, link.href);
  const page = target?.ok && target.status >= 200 && target.status < 300 && target.doc ? target : undefined;
  const notFound = page ? softNotFound(page, cfg.softNotFound) : undefined;
  return { link, keyword, ...(target ? { target } : {}), ...(notFound ? { notFound } : {}) };
}

/** Navigation links of the home page whose text names the section, in page order, with their fetched targets. */
export function findSectionLinks(a: SiteView, keywords: readonly string[], cfg: SectionConfig): SectionLink[] {
  if (!a.home) return [];
  const out: SectionLink[] = [];
  const seen = new Set<string>();
  for (const link of navigationLinks(a.home.doc, a.home.finalUrl)) {
    const keyword = findKeyword(link.text, keywords);
    if (!keyword || seen.has(link.selector)) continue;
    seen.add(link.selector);
    out.push(sectionLink(a, link, keyword, cfg));
  }
  return out;
}

/** A fetched page by URL, also when the link pointed at the page's http:// or `www.` twin that redirected. */
export function lookupPage(a: SiteView, url: string): FetchResult | undefined {
  if (!a.pages) return undefined;
  return a.pages.get(url) ?? byFinalUrl(a.pages).get(url);
}

/**
 * Fetched pages by the URL their redirects ended on, built once per unit (rules look links up page after page;
 * a scan of every page per link would be quadratic). Rules run on complete artifacts; the size check only guards a
 * map that grew after a first lookup.
 */
const finalUrlIndex = new WeakMap<Map<string, FetchResult>, { size: number; index: Map<string, FetchResult> }>();
function byFinalUrl(pages: Map<string, FetchResult>): Map<string, FetchResult> {
  const hit = finalUrlIndex.get(pages);
  if (hit && hit.size === pages.size) return hit.index;
  const index = new Map<string, FetchResult>();
  for (const page of pages.values()) if (page.ok && !index.has(page.finalUrl)) index.set(page.finalUrl, page);
  finalUrlIndex.set(pages, { size: pages.size, index });
  return index;
}

/**
 * ok: 2xx; broken: the target answered 4xx/5xx, or 2xx with an error page (a `fail` naming the URL); unverified: not
 * fetched, timed out, blocked by robots or a firewall, or an ASP.NET postback entry that only a form post reaches (an
 * `error`: never a silent pass or fail). Links to other sites or to files count as ok when they were not fetched: the
 * section exists, and we do not crawl other hosts.
 */
export function targetState(s: SectionLink, homeUrl: string): TargetState {
  if (s.link.postback) return 'unverified';
  if (s.notFound) return 'broken';
  const t = s.target;
  if (!t) return isOffsiteOrFile(s.link.href, homeUrl) ? 'ok' : 'unverified';
  if (!t.ok) return 'unverified';
  if (t.status === 403 || t.status === 429) return 'unverified';
  if (t.status >= 400) return 'broken';
  return t.status >= 200 && t.status < 400 ? 'ok' : 'unverified';
}

function isOffsiteOrFile(href: string, homeUrl: string): boolean {
  try {
    const u = new URL(href);
    if (!/^https?:$/.test(u.protocol)) return false;
    const strip = (h: string): string => h.replace(/^www\./, '');
    return strip(u.hostname) !== strip(new URL(homeUrl).hostname) || /\.(pdf|docx?|xlsx?|pptx?|zip|rar)$/i.test(u.pathname);
  } catch {
    return false;
  }
}

/** The fetched HTML page behind a section link, when there is one (an error page answering 2xx is none). */
export function sectionPage(s: SectionLink): (FetchedPage & { doc: NonNullable<FetchedPage['doc']> }) | undefined {
  const t = s.target;
  if (s.notFound || s.link.postback) return undefined;
  return t?.ok && t.status >= 200 && t.status < 300 && t.doc ? (t as FetchedPage & { doc: NonNullable<FetchedPage['doc']> }) : undefined;
}

export function sectionEvidence(s: SectionLink, homeUrl: string): Evidence {
  return { url: homeUrl, selector: s.link.selector, excerpt: `${s.link.text} → ${s.link.href}` };
}
