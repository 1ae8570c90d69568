// The content-section rules (docs/catalogue.md "Content sections") share one judgement: a navigation link of the home
// page names the section and its target answers 2xx. This module locates a section, turns the result into an outcome
// with evidence, and builds the simple rules from "keywords + meta" so each rule file only states what differs.
import type { CheerioAPI } from 'cheerio';
import type { FetchedPage } from '../model/artifacts.js';
import {
  defineRule,
  type DefinedRule,
  type Evidence,
  type Localized,
  type RuleArtifacts,
  type RuleConfig,
  type RuleContext,
  type RuleMeta,
  type RuleOutcome,
} from '../model/rule.js';
import type { Element } from 'domhandler';
import { closest, descendants, hasDescendant, isLink, titleText } from '../page/dom-index.js';
import { contentLinks, cssPath, isHttpUrl, isPlaceholderHref, linkElement, navigationLinks, navigationRegions } from '../page/links.js';
import type { RuleOptionsShape, SectionId } from './rules-config.js';
import {
  findSectionLinks,
  lookupPage,
  sectionLink,
  sectionPage,
  targetState,
  type SectionConfig,
  type SectionLink,
  type SiteView,
} from './sections.js';
import { normalizeText } from '../util/text.js';
import { clip } from './runner.js';

export type SectionStatus = 'found' | 'broken' | 'unverified' | 'missing';
export type ParsedPage = FetchedPage & { doc: CheerioAPI };

export interface LocatedSection {
  status: SectionStatus;
  /** Matching navigation links in page order; a placeholder parent ("#", javascript:, the home page) is replaced by its dropdown. */
  links: SectionLink[];
  /** The dropdown entries under matching links that lead to a page themselves (their pages are the section's too). */
  subLinks: SectionLink[];
  /** The first link whose target answered 2xx. */
  found?: SectionLink;
  /** Placeholder entries with no dropdown under them: they lead nowhere. */
  dead: SectionLink[];
}

/** The message ids a section rule uses for the four ways a section lookup ends. */
export interface SectionMessageIds {
  found: string;
  broken: string;
  unverified: string;
  missing: string;
}

/** The home page's URLs: a link to any of them (or to the site's root) is a placeholder there. */
const homeUrls = (a: SiteView): string[] => [a.home?.url, a.home?.finalUrl, a.unit.website].filter((u): u is string => u !== undefined);

/** A placeholder entry (docs/navigation.md): leads to no page of its own. ASP.NET postback entries are real. */
export function isPlaceholderEntry(a: SiteView, s: SectionLink): boolean {
  return !s.link.postback && isPlaceholderHref(s.link.href, a.home?.finalUrl ?? '', homeUrls(a));
}

/**
 * Finds the section in the home page's navigation. A menu parent whose href leads nowhere ("#", javascript:, the home
 * page itself) is a dropdown header (NukeViet, WordPress): the entries under it are the section's links.
 */
export function locateSection(a: SiteView, keywords: readonly string[], cfg: SectionConfig): LocatedSection {
  const home = a.home;
  if (!home) return { status: 'missing', links: [], subLinks: [], dead: [] };
  const links: SectionLink[] = [];
  const subLinks: SectionLink[] = [];
  const dead: SectionLink[] = [];
  const seen = new Set<string>();
  const add = (s: SectionLink): void => {
    if (seen.has(s.link.selector)) return;
    seen.add(s.link.selector);
    links.push(s);
  };
  for (const s of findSectionLinks(a, keywords, cfg)) {
    const children = dropdownLinks(a, s, cfg);
    if (!isPlaceholderEntry(a, s)) {
      add(s);
      subLinks.push(...children);
      continue;
    }
    if (children.length === 0) dead.push(s);
    children.forEach(add);
  }
  const states = links.map((s) => targetState(s, home.finalUrl));
  const okAt = states.indexOf('ok');
  if (okAt >= 0) return { status: 'found', links, subLinks, found: links[okAt] as SectionLink, dead };
  if (states.includes('unverified')) return { status: 'unverified', links, subLinks, dead };
  if (links.length > 0 || dead.length > 0) return { status: 'broken', links, subLinks, dead };
  return { status: 'missing', links, subLinks, dead };
}

/**
 * The menu item a link heads: its `li`, or, outside lists, its parent when the link is followed by the dropdown
 * (`<div class="dropdown"><a href="#">…</a><div class="dropdown-menu">…</div></div>`).
 */
function menuItem(el: Element): Element | undefined {
  const li = closest(el, (e) => e.name === 'li');
  if (li) return li;
  let next = el.next;
  while (next && next.type !== 'tag') next = next.next;
  if (next && hasDescendant(next, isLink) && el.parent?.type === 'tag') return el.parent as Element;
  return undefined;
}

/** Navigation links inside the same menu item as the given link: its dropdown entries that lead somewhere, with their targets. */
export function dropdownLinks(a: SiteView, s: SectionLink, cfg: SectionConfig): SectionLink[] {
  const home = a.home;
  if (!home) return [];
  const $ = home.doc;
  const el = linkElement($, s.link.selector);
  const item = el ? menuItem(el) : undefined;
  if (!item) return [];
  const inside = new Set(descendants(item, isLink).map((x) => cssPath($, x)));
  inside.delete(s.link.selector);
  return navigationLinks($, home.finalUrl)
    .filter((l) => inside.has(l.selector))
    .map((link) => sectionLink(a, link, s.keyword, cfg))
    .filter((d) => !isPlaceholderEntry(a, d));
}

/** What a section link's target answered, in words for a message. */
export function describeTarget(s: SectionLink, homeUrl: string): string {
  const t = s.target;
  if (s.link.postback) return 'không kiểm tra được trang đích: liên kết postback / the target cannot be checked: a postback link';
  if (!isHttpUrl(s.link.href)) return `không dẫn tới trang nào / leads nowhere (${clip(s.link.href, 60)})`;
  if (isPlaceholderHref(s.link.href, homeUrl)) return 'chỉ trỏ về trang chủ / only points back to the home page';
  if (s.notFound && t?.ok) return `HTTP ${t.status} nhưng là trang báo lỗi / but an error page (${clip(s.notFound, 100)})`;
  if (!t && targetState(s, homeUrl) === 'ok') return 'trang ngoài site hoặc tệp, không tải / another site or a file, not fetched';
  if (!t) return 'chưa được tải, vượt giới hạn số trang / not fetched (page budget)';
  if (!t.ok) return `không tải được / not fetched: ${t.reason}: ${clip(t.detail, 80)}`;
  return `HTTP ${t.status}`;
}

function linkEvidence(s: SectionLink, homeUrl: string): Evidence {
  return { url: homeUrl, selector: s.link.selector, excerpt: clip(`${s.link.text} → ${s.link.href} (${describeTarget(s, homeUrl)})`) };
}

/** Where the lookup searched, for a "no navigation entry" finding: the keywords, then each menu region and its entries. */
export function searchedEvidence(a: SiteView, keywords: readonly string[]): Evidence[] {
  const home = a.home;
  if (!home) return [];
  const $ = home.doc;
  const regions = navigationRegions($, home.finalUrl);
  const head: Evidence = {
    url: home.finalUrl,
    selector: regions.length
      ? clip(regions.map((el) => cssPath($, el)).join(', '))
      : 'nav, [role=navigation|menubar|menu], header, [id|class part ^|$ menu|nav], table menu rows, first link block',
    excerpt: clip(`Từ khóa / keywords: ${keywords.join(' | ')}`),
  };
  const perRegion = regions.slice(0, 5).map((el) => {
    const entries = $(el)
      .find('a[href]')
      .toArray()
      .map((x) => normalizeText($(x).text()) || $(x).find('img').attr('alt') || '')
      .filter(Boolean);
    return { url: home.finalUrl, selector: cssPath($, el), excerpt: clip(`Mục menu / entries: ${entries.join(' | ')}`) };
  });
  return [head, ...perRegion];
}

/** The outcome of a plain section lookup (no further judgement of the section's content). */
export function sectionOutcome(a: SiteView, located: LocatedSection, ids: SectionMessageIds, keywords: readonly string[]): RuleOutcome {
  const homeUrl = a.home?.finalUrl ?? a.unit.website ?? '';
  const { status, links, dead, found } = located;
  if (status === 'found' && found) {
    const t = found.target;
    const url = t?.ok ? t.finalUrl : found.link.href;
    const evidence: Evidence[] = [linkEvidence(found, homeUrl)];
    const page = sectionPage(found);
    if (page) evidence.push({ url: page.finalUrl, selector: 'title', excerpt: clip(titleText(page.doc) || `HTTP ${page.status}`) });
    return { status: 'pass', messageId: ids.found, data: { text: found.link.text, url, answer: describeTarget(found, homeUrl) }, evidence };
  }
  if (status === 'missing') {
    const regions = a.home ? navigationRegions(a.home.doc, a.home.finalUrl).length : 0;
    return {
      status: 'fail',
      messageId: ids.missing,
      data: { keywords: keywords.join(', '), regions },
      evidence: searchedEvidence(a, keywords),
    };
  }
  // Broken or unverified: name the first link of that kind, and show every matching link.
  const all = [...links, ...dead];
  const first = (status === 'unverified' ? links.find((s) => targetState(s, homeUrl) === 'unverified') : all[0]) ?? all[0];
  const evidence = all.slice(0, 6).map((s) => linkEvidence(s, homeUrl));
  const data = first
    ? { text: first.link.text, url: first.link.href, answer: describeTarget(first, homeUrl) }
    : { text: '', url: '', answer: '' };
  return {
    status: status === 'unverified' ? 'error' : 'fail',
    messageId: status === 'unverified' ? ids.unverified : ids.broken,
    data,
    evidence,
  };
}

/** The four message templates of a section lookup, naming the section (e.g. `"Công khai"`). */
export function sectionMessages(name: Localized, ids: SectionMessageIds): Record<string, Localized> {
  return {
    [ids.found]: {
      vi: `Menu trang chủ có mục ${name.vi}: "{text}" → {url} ({answer}).`,
      en: `The home page menu has the ${name.en} section: "{text}" → {url} ({answer}).`,
    },
    [ids.broken]: {
      vi: `Mục ${name.vi} trong menu trang chủ ("{text}") trỏ tới {url}, nhưng trang không dùng được: {answer}.`,
      en: `The ${name.en} menu entry ("{text}") points to {url}, which does not work: {answer}.`,
    },
    [ids.unverified]: {
      vi: `Chưa xác minh được mục ${name.vi}: "{text}" → {url} ({answer}).`,
      en: `The ${name.en} section could not be verified: "{text}" → {url} ({answer}).`,
    },
    [ids.missing]: {
      vi: `Không có mục menu nào khớp ${name.vi} (đã tìm các từ khóa {keywords} trong {regions} vùng điều hướng của trang chủ).`,
      en: `No navigation entry matching the ${name.en} section (looked for {keywords} in the home page's {regions} navigation regions).`,
    },
  };
}

/**
 * The section's own pages: every matching link's 2xx page and the pages of its dropdown entries, then (with
 * `oneHop`) the same-site pages those pages' content links to, as far as the crawler fetched them.
 */
export function sectionPages(a: SiteView, located: LocatedSection, opts: { oneHop?: boolean } = {}): ParsedPage[] {
  const out = new Map<string, ParsedPage>();
  const addPage = (p: ParsedPage | undefined): void => {
    if (p && !out.has(p.finalUrl)) out.set(p.finalUrl, p);
  };
  for (const s of [...located.links, ...located.subLinks]) addPage(sectionPage(s));
  if (opts.oneHop) {
    for (const page of [...out.values()]) {
      for (const link of contentLinks(page.doc, page.finalUrl)) {
        const t = lookupPage(a, link.href);
        if (t?.ok && t.status >= 200 && t.status < 300 && t.doc) addPage(t as ParsedPage);
      }
    }
  }
  return [...out.values()];
}

export interface SectionRuleSpec<S extends RuleOptionsShape = NoOptions> extends Pick<
  RuleMeta,
  'id' | 'title' | 'failureTitle' | 'weight' | 'appliesTo' | 'basis'
> {
  section: SectionId;
  /** How messages name the section, e.g. { vi: '"Tin tức"', en: 'news ("Tin tức")' }. */
  name: Localized;
  ids: SectionMessageIds;
  /** Messages of `refine`. */
  messages?: Record<string, Localized>;
  /** Options of `refine` (the rule's own, see RuleMeta.options). */
  options?: S;
  /** Judges a found section further; returning undefined keeps the pass. */
  refine?: (
    a: RuleArtifacts<'home' | 'pages'>,
    located: LocatedSection,
    ctx: RuleContext<RuleConfig<S>>,
    pass: RuleOutcome,
  ) => RuleOutcome | undefined;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- a section rule without options of its own
type NoOptions = {};

export function sectionRule<S extends RuleOptionsShape = NoOptions>(spec: SectionRuleSpec<S>): DefinedRule<S> {
  return defineRule({
    meta: {
      id: spec.id,
      title: spec.title,
      failureTitle: spec.failureTitle,
      weight: spec.weight,
      appliesTo: spec.appliesTo,
      basis: spec.basis,
      requires: ['home', 'pages'],
      ...(spec.options ? { options: spec.options } : {}),
      messages: { ...sectionMessages(spec.name, spec.ids), ...spec.messages },
    },
    check(a, ctx) {
      const keywords = ctx.config.sections[spec.section];
      const located = locateSection(a, keywords, ctx.config);
      const outcome = sectionOutcome(a, located, spec.ids, keywords);
      if (outcome.status !== 'pass' || !spec.refine) return outcome;
      return spec.refine(a, located, ctx, outcome) ?? outcome;
    },
  });
}
