// Which further URLs a unit's home page leads the crawler to: navigation targets, same-site scripts, the feed.
import type { CheerioAPI } from 'cheerio';
import { sameHost } from '../util/hosts.js';
import { allLinks, contentLinks, isHttpUrl, navigationLinks, resolveHref } from '../page/links.js';
import { findKeyword } from '../util/text.js';

const STATIC_FILE =
  /\.(pdf|docx?|xlsx?|pptx?|odt|ods|rtf|jpe?g|png|gif|bmp|webp|svg|ico|tiff?|zip|rar|7z|gz|tar|mp3|mp4|m4a|avi|mov|wmv|flv|webm|exe|msi|apk|swf|css|js)$/i;

function isStaticFile(url: string): boolean {
  try {
    return STATIC_FILE.test(new URL(url).pathname);
  } catch {
    return true;
  }
}

// Well-known libraries never carry a site's own loaders (the EMC tag); fetching them wastes the budget.
const LIBRARY = /(^|[/._-])(jquery|bootstrap|popper|owl|slick|swiper|fancybox|lightbox|modernizr|font-?awesome)([._-]|$)/i;
const VENDOR_DIR = /\/(vendor|vendors|libs?)\//i;
export const MAX_SCRIPTS = 8;

export function scriptTargets($: CheerioAPI, base: string): string[] {
  const out: string[] = [];
  $('script[src]').each((_, el) => {
    const url = resolveHref($(el).attr('src'), base);
    if (!url || !isHttpUrl(url) || !sameHost(url, base) || out.includes(url)) return;
    const path = new URL(url).pathname;
    const file = path.slice(path.lastIndexOf('/') + 1);
    if (LIBRARY.test(file)) return;
    if (VENDOR_DIR.test(path) && /\.min\.js$/i.test(file)) return;
    out.push(url);
  });
  return out.slice(0, MAX_SCRIPTS);
}

export const MAX_STYLESHEETS = 8;

/** Same-site stylesheets of the page (`<link rel="stylesheet" href>`), at most MAX_STYLESHEETS. */
export function stylesheetTargets($: CheerioAPI, base: string): string[] {
  const out: string[] = [];
  $('link[href]').each((_, el) => {
    if (!($(el).attr('rel') ?? '').toLowerCase().split(/\s+/).includes('stylesheet')) return;
    const url = resolveHref($(el).attr('href'), base);
    if (url && isHttpUrl(url) && sameHost(url, base) && !out.includes(url)) out.push(url);
  });
  return out.slice(0, MAX_STYLESHEETS);
}

/** The advertised feed: a <link rel="alternate"> of an RSS/Atom type, else a link whose text or URL says rss/feed. */
export function feedTarget($: CheerioAPI, base: string): string | undefined {
  let found: string | undefined;
  $('link[href]').each((_, el) => {
    const rel = ($(el).attr('rel') ?? '').toLowerCase().split(/\s+/);
    const type = ($(el).attr('type') ?? '').toLowerCase().trim();
    if (!found && rel.includes('alternate') && /^application\/(rss|atom)\+xml$/.test(type)) found = resolveHref($(el).attr('href'), base);
  });
  if (found && isHttpUrl(found)) return found;
  $('a[href]').each((_, el) => {
    if (found) return;
    const url = resolveHref($(el).attr('href'), base);
    if (!url || !isHttpUrl(url)) return;
    const text = $(el).text().trim();
    if (/\brss\b/i.test(text) || /(\brss\b|\/feeds?\b|[./]rss)/i.test(new URL(url).pathname + new URL(url).search)) found = url;
  });
  return found;
}

/** Keywords that steer which pages a unit's limited page budget is spent on. */
export interface Targeting {
  /** Menu entries matching these are fetched before other menu entries (the rules' section keywords). */
  priorityKeywords: readonly string[];
  /** Sections whose pages' own content links are fetched one hop further. */
  followKeywords: readonly string[];
  /** Any home-page link with this text leads to a page listing component sites. */
  directoryKeywords: readonly string[];
}

// findKeyword normalises the text once for all keywords (matchesKeyword per keyword did it every time, on every link).
const matchesAny = (text: string, keywords: readonly string[]): boolean => findKeyword(text, keywords) !== undefined;

function sameSitePage(url: string, base: string): boolean {
  return isHttpUrl(url) && sameHost(url, base) && !isStaticFile(url);
}

/**
 * The home page's navigation targets, those whose link text names a section first (stable within each group), so a
 * menu of 60 class pages cannot use up the page budget before "Công khai" is reached.
 */
export function prioritizedNavigationTargets(
  $: CheerioAPI,
  base: string,
  exclude: readonly string[],
  targeting: Targeting | undefined,
): { url: string; text: string; priority: boolean }[] {
  const seen = new Set(exclude);
  const first: { url: string; text: string; priority: boolean }[] = [];
  const rest: { url: string; text: string; priority: boolean }[] = [];
  for (const link of navigationLinks($, base)) {
    if (!sameSitePage(link.href, base) || seen.has(link.href)) continue;
    seen.add(link.href);
    const priority = targeting ? matchesAny(link.text, targeting.priorityKeywords) : false;
    (priority ? first : rest).push({ url: link.href, text: link.text, priority });
  }
  return [...first, ...rest];
}

/** Home-page links (footer and sidebars included) to link-directory pages ("Website trường học"…), any host. */
export function directoryTargets($: CheerioAPI, base: string, targeting: Targeting | undefined): string[] {
  if (!targeting?.directoryKeywords.length) return [];
  const out: string[] = [];
  for (const link of allLinks($, base)) {
    if (!isHttpUrl(link.href) || isStaticFile(link.href) || out.includes(link.href)) continue;
    if (matchesAny(link.text, targeting.directoryKeywords)) out.push(link.href);
  }
  return out;
}

/** Same-site pages a section page's own content links to (not its menus, header or footer). */
export function oneHopTargets($: CheerioAPI, base: string): string[] {
  const out: string[] = [];
  for (const link of contentLinks($, base)) {
    if (sameSitePage(link.href, base) && !out.includes(link.href)) out.push(link.href);
  }
  return out;
}

export const followsSection = (text: string, targeting: Targeting | undefined): boolean =>
  targeting ? matchesAny(text, targeting.followKeywords) : false;
