// The dated items of a page's own content, for the freshness rules: text outside menus, the page-level header and
// footer and "today's date" widgets (a NukeViet header prints today's date, a footer prints the copyright year; neither
// says the site is kept up to date), plus `<time datetime>` and `article:published_time`.
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { domIndex, hasDescendant, tagged, textContent, walkTree } from '../page/dom-index.js';
import { cssPath, navigationRegions } from '../page/links.js';
import { docMemo } from '../page/doc-cache.js';
import { findDates, findNamedYears, findSchoolYears, parseDateValue } from './dates.js';
import { stripDiacritics } from '../util/text.js';

export interface ContentMatch {
  /** What was found as written ("14/11/2026", "năm học 2025-2026"). */
  raw: string;
  selector: string;
  /** The item the match belongs to (list entry, article meta line…), whitespace collapsed. */
  itemText: string;
}

export interface DatedItem extends ContentMatch {
  date: Date;
}

export interface ContentText {
  /** The readable text of the page's own content, blocks separated by newlines. */
  text: string;
  matchAt(index: number, raw: string): ContentMatch;
}

const SKIP_TAGS = new Set(['script', 'style', 'noscript', 'template', 'svg', 'nav', 'select', 'iframe', 'object', 'head']);
const INLINE_TAGS = new Set([
  'a',
  'span',
  'em',
  'strong',
  'b',
  'i',
  'u',
  'small',
  'font',
  'time',
  'abbr',
  'sup',
  'sub',
  'label',
  'mark',
  'big',
]);
/** Containers of a post: their header/footer hold the post's date, not the site's chrome (as in src/page/page-links.ts). */
const ARTICLE_CLASSES = ['post', 'entry', 'news-item', 'news-detail', 'article'];

function tokens(e: Element): string[] {
  return [...(e.attribs.class ?? '').split(/\s+/), e.attribs.id ?? ''].filter(Boolean);
}

function isArticle(e: Element): boolean {
  return e.name === 'article' || tokens(e).some((t) => ARTICLE_CLASSES.includes(t.toLowerCase()));
}

/** True for the page chrome that never carries the site's own dated items. */
function isChrome(e: Element, inArticle: boolean, widgets: readonly RegExp[], menus: ReadonlySet<AnyNode>): boolean {
  if (SKIP_TAGS.has(e.name)) return true;
  const toks = tokens(e);
  if (toks.some((t) => widgets.some((w) => w.test(t)))) return true;
  if (inArticle) return false;
  if (e.name === 'header' || e.name === 'footer') return true;
  // The page's menus as src/page/navigation.ts finds them (slimmenu, sf-menu, role=menu…), not a copy of its rules.
  return menus.has(e) || toks.some((t) => /footer/i.test(t));
}

/** Builds a matcher for a widget class/id name: a whole class token or a `-`/`_`-separated part of one. */
export function widgetMatchers(names: readonly string[]): RegExp[] {
  return names.map((n) => new RegExp(`(^|[-_])${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([-_]|$)`, 'i'));
}

const collapse = (s: string): string => s.replace(/[\u00a0\s]+/g, ' ').trim();

/**
 * The page's own content text with a way back from an offset to the element (for selector and excerpt). Built once
 * per page and widget list: content-freshness and cong-khai-current read the same pages' dates and years.
 */
export function contentText($: CheerioAPI, widgetNames: readonly string[]): ContentText {
  const known = docMemo($, 'content texts', () => new Map<string, ContentText>());
  const key = widgetNames.join('\n');
  let content = known.get(key);
  if (!content) known.set(key, (content = buildContentText($, widgetNames)));
  return content;
}

function buildContentText($: CheerioAPI, widgetNames: readonly string[]): ContentText {
  const widgets = widgetMatchers(widgetNames);
  const menus = new Set<AnyNode>(navigationRegions($));
  let text = '';
  const starts: number[] = [];
  const owners: Element[] = [];
  // Whether each open element is inside an article, innermost last (the walk is iterative: pages nest 100,000 deep).
  const inArticle: boolean[] = [false];
  const enter = (node: AnyNode): boolean => {
    if (node.type === 'text') {
      const parent = node.parent;
      if (parent && parent.type === 'tag') {
        starts.push(text.length);
        owners.push(parent as Element);
      }
      text += (node as unknown as { data: string }).data;
      return false;
    }
    if (node.type !== 'tag' && node.type !== 'root') return false;
    const e = node as Element;
    const outer = inArticle[inArticle.length - 1] as boolean;
    if (node.type === 'tag' && e.name !== 'body' && isChrome(e, outer, widgets, menus)) return false;
    inArticle.push(outer || (node.type === 'tag' && isArticle(e)));
    if (node.type === 'tag' && !INLINE_TAGS.has(e.name)) text += '\n';
    return true;
  };
  const leave = (node: AnyNode): void => {
    inArticle.pop();
    if (node.type === 'tag' && !INLINE_TAGS.has((node as Element).name)) text += '\n';
  };
  const body = domIndex($).body;
  if (body) walkTree(body, enter, leave);

  const matchAt = (index: number, raw: string): ContentMatch => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= index) lo = mid;
      else hi = mid - 1;
    }
    const el = owners[lo];
    if (!el) return { raw, selector: 'body', itemText: raw };
    const item = itemOf(el, raw);
    return { raw, selector: cssPath($, item), itemText: collapse(textContent(item)) };
  };
  return { text, matchAt };
}

/**
 * The item a date belongs to, for the evidence: the nearest list entry, table row, post, or block holding a title or
 * link besides the date (NukeViet `.news-item`, WordPress `.entry-header`, Violet `.entry`).
 */
const HEADINGS_AND_LINKS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'a']);
function itemOf(start: Element, raw: string): Element {
  let el = start;
  for (let i = 0; i < 6 && el.name !== 'body'; i++) {
    if (['li', 'tr', 'article', 'dd'].includes(el.name) || isArticle(el)) return el;
    if (hasDescendant(el, (e) => HEADINGS_AND_LINKS.has(e.name)) && collapse(textContent(el)).length > raw.length + 15) return el;
    if (!el.parent || el.parent.type !== 'tag') break;
    el = el.parent as Element;
  }
  return start;
}

/** "Hôm nay: Thứ Hai, 15/11/2026" is a clock, not an item, wherever the widget sits. */
function afterToday(text: string, index: number): boolean {
  const before = stripDiacritics(text.slice(Math.max(0, index - 30), index)).toLowerCase();
  return /\bhom nay\b/.test(before);
}

/** Every dated item of the page's own content. */
export function datedItems($: CheerioAPI, widgetNames: readonly string[]): DatedItem[] {
  const content = contentText($, widgetNames);
  const out: DatedItem[] = [];
  for (const d of findDates(content.text)) {
    if (afterToday(content.text, d.index)) continue;
    out.push({ ...content.matchAt(d.index, collapse(d.raw)), date: d.date });
  }
  const widgets = widgetMatchers(widgetNames);
  const menus = new Set<AnyNode>(navigationRegions($));
  for (const el of tagged($, 'time')) {
    if (el.attribs.datetime === undefined) continue;
    // Same exclusions as the text: a <time> in the page header or a clock widget is not an item's date.
    // Up to <body>: a <body class="nav-open"> does not make the page navigation.
    const ancestors: Element[] = [];
    for (let p = el.parent; p && p.type === 'tag'; p = p.parent) if (p.name !== 'body' && p.name !== 'html') ancestors.push(p);
    if (ancestors.some((p, i) => isChrome(p, ancestors.slice(i + 1).some(isArticle), widgets, menus))) continue;
    const value = el.attribs.datetime;
    const date = parseDateValue(value);
    if (!date) continue;
    out.push({ raw: value, selector: cssPath($, el), itemText: collapse(textContent(itemOf(el, value))), date });
  }
  const title = tagged($, 'title')[0];
  for (const el of tagged($, 'meta')) {
    if (el.attribs.property !== 'article:published_time' && el.attribs.itemprop !== 'datePublished') continue;
    const value = el.attribs.content ?? '';
    const date = parseDateValue(value);
    if (date) out.push({ raw: value, selector: cssPath($, el), itemText: collapse(title ? textContent(title) : ''), date });
  }
  return out;
}

/** School years ("năm học 2025-2026") and named calendar years ("năm 2026") in the page's own content. */
export function yearMentions(
  $: CheerioAPI,
  widgetNames: readonly string[],
): { schoolYears: (ContentMatch & { start: number })[]; years: (ContentMatch & { year: number })[] } {
  const content = contentText($, widgetNames);
  return {
    schoolYears: findSchoolYears(content.text).map((s) => ({ ...content.matchAt(s.index, collapse(s.raw)), start: s.start })),
    years: findNamedYears(content.text).map((y) => ({ ...content.matchAt(y.index, collapse(y.raw)), year: y.year })),
  };
}

/** Evidence excerpt of a match: the item's text, led by the match itself unless it already shows near the start. */
export function matchExcerpt(m: ContentMatch): string {
  const at = m.itemText.indexOf(m.raw);
  return at >= 0 && at < 150 ? m.itemText : `${m.raw} — ${m.itemText}`;
}
