// Finding a content section the way requirements.md defines it ("How pages are found"): a navigation link of the
// home page whose text matches one of the section's keywords, and what its target answered. A keyword that only
// occurs in an article never makes a section exist, because only navigation links are searched.
import type { Artifacts, FetchResult, FetchedPage } from '../model/artifacts.js';
import type { Evidence } from '../model/rule.js';
import { navigationLinks, type PageLink } from './links.js';
import { findKeyword } from './text.js';

export interface SectionLink {
  link: PageLink;
  /** The keyword that matched the link text. */
  keyword: string;
  /** What the crawler got for the link's target (undefined when it was not fetched, e.g. past --max-pages). */
  target?: FetchResult;
}

export type TargetState = 'ok' | 'broken' | 'unverified';

/** Navigation links of the home page whose text names the section, in page order, with their fetched targets. */
export function findSectionLinks(a: Artifacts, keywords: readonly string[]): SectionLink[] {
  if (!a.home) return [];
  const out: SectionLink[] = [];
  const seen = new Set<string>();
  for (const link of navigationLinks(a.home.doc, a.home.finalUrl)) {
    const keyword = findKeyword(link.text, keywords);
    if (!keyword || seen.has(link.selector)) continue;
    seen.add(link.selector);
    out.push({ link, keyword, target: lookupPage(a, link.href) });
  }
  return out;
}

/** A fetched page by URL, also when the link pointed at the page's http:// or `www.` twin that redirected. */
export function lookupPage(a: Artifacts, url: string): FetchResult | undefined {
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
 * ok: 2xx; broken: the target answered 4xx/5xx (a `fail` naming the URL); unverified: not fetched, timed out,
 * blocked by robots or a firewall (an `error`: never a silent pass or fail). Links to other sites or to files count
 * as ok when they were not fetched: the section exists, and we do not crawl other hosts.
 */
export function targetState(s: SectionLink, homeUrl: string): TargetState {
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

/** The fetched HTML page behind a section link, when there is one. */
export function sectionPage(s: SectionLink): (FetchedPage & { doc: NonNullable<FetchedPage['doc']> }) | undefined {
  const t = s.target;
  return t?.ok && t.status >= 200 && t.status < 300 && t.doc ? (t as FetchedPage & { doc: NonNullable<FetchedPage['doc']> }) : undefined;
}

export function sectionEvidence(s: SectionLink, homeUrl: string): Evidence {
  return { url: homeUrl, selector: s.link.selector, excerpt: `${s.link.text} → ${s.link.href}` };
}
