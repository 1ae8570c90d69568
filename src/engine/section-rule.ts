// The content-section rules (requirements.md "Content sections") share one judgement: a navigation link of the home
// page names the section and its target answers 2xx. This module locates a section, turns the result into an outcome
// with evidence, and builds the simple rules from "keywords + meta" so each rule file only states what differs.
import type { CheerioAPI } from 'cheerio';
import type { Artifacts, FetchedPage } from '../model/artifacts.js';
import type { Evidence, Localized, Rule, RuleContext, RuleMeta, RuleOutcome, With } from '../model/rule.js';
import { closest, descendants, isLink } from './dom-index.js';
import { contentLinks, cssPath, isHttpUrl, linkElement, navigationLinks, navigationRegions } from './links.js';
import type { SectionId } from './rules-config.js';
import { findSectionLinks, lookupPage, sectionPage, targetState, type SectionLink } from './sections.js';
import { normalizeText } from './text.js';
import { clip } from './runner.js';

export type SectionStatus = 'found' | 'broken' | 'unverified' | 'missing';
export type ParsedPage = FetchedPage & { doc: CheerioAPI };

export interface LocatedSection {
  status: SectionStatus;
  /** Matching navigation links in page order; a placeholder parent ("#", javascript:) is replaced by its dropdown. */
  links: SectionLink[];
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

/**
 * Finds the section in the home page's navigation. A menu parent whose href is only "#" or javascript: is a dropdown
 * header (NukeViet, WordPress): the entries under it are the section's links.
 */
export function locateSection(a: Artifacts, keywords: readonly string[]): LocatedSection {
  const home = a.home;
  if (!home) return { status: 'missing', links: [], dead: [] };
  const links: SectionLink[] = [];
  const dead: SectionLink[] = [];
  const seen = new Set<string>();
  const add = (s: SectionLink): void => {
    if (seen.has(s.link.selector)) return;
    seen.add(s.link.selector);
    links.push(s);
  };
  for (const s of findSectionLinks(a, keywords)) {
    if (isHttpUrl(s.link.href)) {
      add(s);
      continue;
    }
    const children = dropdownLinks(a, s);
    if (children.length === 0) dead.push(s);
    children.forEach(add);
  }
  const states = links.map((s) => targetState(s, home.finalUrl));
  const okAt = states.indexOf('ok');
  if (okAt >= 0) return { status: 'found', links, found: links[okAt] as SectionLink, dead };
  if (states.includes('unverified')) return { status: 'unverified', links, dead };
  if (links.length > 0 || dead.length > 0) return { status: 'broken', links, dead };
  return { status: 'missing', links, dead };
}

/** Navigation links inside the same menu item (`li`) as the given link: its dropdown, with their fetched targets. */
export function dropdownLinks(a: Artifacts, s: SectionLink): SectionLink[] {
  const home = a.home;
  if (!home) return [];
  const $ = home.doc;
  const item = closest(linkElement($, s.link.selector) ?? null, (e) => e.name === 'li');
  if (!item) return [];
  const inside = new Set(descendants(item, isLink).map((el) => cssPath($, el)));
  inside.delete(s.link.selector);
  return navigationLinks($, home.finalUrl)
    .filter((l) => inside.has(l.selector) && isHttpUrl(l.href))
    .map((link) => ({ link, keyword: s.keyword, target: lookupPage(a, link.href) }));
}

/** What a section link's target answered, in words for a message. */
export function describeTarget(s: SectionLink, homeUrl: string): string {
  const t = s.target;
  if (!isHttpUrl(s.link.href)) return `không dẫn tới trang nào / leads nowhere (${clip(s.link.href, 60)})`;
  if (!t && targetState(s, homeUrl) === 'ok') return 'trang ngoài site hoặc tệp, không tải / another site or a file, not fetched';
  if (!t) return 'chưa được tải, vượt giới hạn số trang / not fetched (page budget)';
  if (!t.ok) return `${t.reason}: ${clip(t.detail, 80)}`;
  return `HTTP ${t.status}`;
}

function linkEvidence(s: SectionLink, homeUrl: string): Evidence {
  return { url: homeUrl, selector: s.link.selector, excerpt: clip(`${s.link.text} → ${s.link.href} (${describeTarget(s, homeUrl)})`) };
}

/** Where the lookup searched, for a "no navigation entry" finding: the keywords, then each menu region and its entries. */
export function searchedEvidence(a: Artifacts, keywords: readonly string[]): Evidence[] {
  const home = a.home;
  if (!home) return [];
  const $ = home.doc;
  const regions = navigationRegions($, home.finalUrl);
  const head: Evidence = {
    url: home.finalUrl,
    selector: regions.length ? clip(regions.map((el) => cssPath($, el)).join(', ')) : 'nav, header, [id|class^=menu|nav|mainmenu], table menu rows',
    excerpt: clip(`Từ khóa / keywords: ${keywords.join(' | ')}`),
  };
  const perRegion = regions.slice(0, 5).map((el) => {
    const entries = $(el).find('a[href]').toArray().map((x) => normalizeText($(x).text()) || $(x).find('img').attr('alt') || '').filter(Boolean);
    return { url: home.finalUrl, selector: cssPath($, el), excerpt: clip(`Mục menu / entries: ${entries.join(' | ')}`) };
  });
  return [head, ...perRegion];
}

/** The outcome of a plain section lookup (no further judgement of the section's content). */
export function sectionOutcome(a: Artifacts, located: LocatedSection, ids: SectionMessageIds, keywords: readonly string[]): RuleOutcome {
  const homeUrl = a.home?.finalUrl ?? a.unit.website ?? '';
  const { status, links, dead, found } = located;
  if (status === 'found' && found) {
    const t = found.target;
    const url = t?.ok ? t.finalUrl : found.link.href;
    const evidence: Evidence[] = [linkEvidence(found, homeUrl)];
    const page = sectionPage(found);
    if (page) evidence.push({ url: page.finalUrl, selector: 'title', excerpt: clip(page.doc('title').first().text() || `HTTP ${page.status}`) });
    return { status: 'pass', messageId: ids.found, data: { text: found.link.text, url, answer: describeTarget(found, homeUrl) }, evidence };
  }
  if (status === 'missing') {
    const regions = a.home ? navigationRegions(a.home.doc, a.home.finalUrl).length : 0;
    return { status: 'fail', messageId: ids.missing, data: { keywords: keywords.join(', '), regions }, evidence: searchedEvidence(a, keywords) };
  }
  // Broken or unverified: name the first link of that kind, and show every matching link.
  const all = [...links, ...dead];
  const first = (status === 'unverified' ? links.find((s) => targetState(s, homeUrl) === 'unverified') : all[0]) ?? all[0];
  const evidence = all.slice(0, 6).map((s) => linkEvidence(s, homeUrl));
  const data = first ? { text: first.link.text, url: first.link.href, answer: describeTarget(first, homeUrl) } : { text: '', url: '', answer: '' };
  return { status: status === 'unverified' ? 'error' : 'fail', messageId: status === 'unverified' ? ids.unverified : ids.broken, data, evidence };
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
      vi: `Chưa xác minh được mục ${name.vi}: "{text}" → {url} không tải được ({answer}).`,
      en: `The ${name.en} section could not be verified: "{text}" → {url} was not fetched ({answer}).`,
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
export function sectionPages(a: Artifacts, located: LocatedSection, opts: { oneHop?: boolean } = {}): ParsedPage[] {
  const out = new Map<string, ParsedPage>();
  const addPage = (p: ParsedPage | undefined): void => {
    if (p && !out.has(p.finalUrl)) out.set(p.finalUrl, p);
  };
  for (const s of located.links) {
    addPage(sectionPage(s));
    dropdownLinks(a, s).forEach((d) => addPage(sectionPage(d)));
  }
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

export interface SectionRuleSpec extends Pick<RuleMeta, 'id' | 'title' | 'failureTitle' | 'weight' | 'appliesTo' | 'basis'> {
  section: SectionId;
  /** How messages name the section, e.g. { vi: '"Tin tức"', en: 'news ("Tin tức")' }. */
  name: Localized;
  ids: SectionMessageIds;
  /** Messages of `refine`. */
  messages?: Record<string, Localized>;
  /** Judges a found section further; returning undefined keeps the pass. */
  refine?: (a: With<'home' | 'pages'>, located: LocatedSection, ctx: RuleContext, pass: RuleOutcome) => RuleOutcome | undefined;
}

export function sectionRule(spec: SectionRuleSpec): Rule {
  return {
    meta: {
      id: spec.id,
      title: spec.title,
      failureTitle: spec.failureTitle,
      weight: spec.weight,
      appliesTo: spec.appliesTo,
      basis: spec.basis,
      requires: ['home', 'pages'],
      messages: { ...sectionMessages(spec.name, spec.ids), ...spec.messages },
    },
    check(artifacts, ctx) {
      const a = artifacts as With<'home' | 'pages'>;
      const keywords = ctx.config.sections[spec.section];
      const located = locateSection(a, keywords);
      const outcome = sectionOutcome(a, located, spec.ids, keywords);
      if (outcome.status !== 'pass' || !spec.refine) return outcome;
      return spec.refine(a, located, ctx, outcome) ?? outcome;
    },
  };
}
