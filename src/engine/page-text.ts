// The readable text of a page's own content (menus and page header left out), as one string that keeps block
// boundaries, with a map back to the elements, so rules can search "within ~200 characters" and still name a selector.
// The shared parse is never modified: rules share it.
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { closest, domIndex, hasDescendant, walkTree } from '../page/dom-index.js';
import { navigationRegions } from '../page/links.js';

export interface TextSpan {
  start: number;
  end: number;
  /** The element whose text node this is. */
  el: Element;
}

export interface PageText {
  /** NFC text; blocks separated by "\n", inline whitespace collapsed. */
  text: string;
  spans: TextSpan[];
}

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head', 'select', 'option']);
const BLOCK = new Set([
  'p',
  'div',
  'li',
  'tr',
  'td',
  'th',
  'table',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'br',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'section',
  'article',
  'aside',
  'header',
  'footer',
  'blockquote',
  'figure',
  'figcaption',
  'form',
  'hr',
  'tbody',
  'pre',
]);

/** The text of the page body, or of `root` (e.g. one table row, cells kept apart). */
export function pageText($: CheerioAPI, root?: Element): PageText {
  if (root) return buildPageText($, root);
  // The whole page's text is read by several rules (leaders, documents): built once per page.
  let whole = wholeTexts.get($);
  if (!whole) wholeTexts.set($, (whole = buildPageText($)));
  return whole;
}
const wholeTexts = new WeakMap<CheerioAPI, PageText>();

function buildPageText($: CheerioAPI, root?: Element): PageText {
  const excluded = new Set<AnyNode>(navigationRegions($));
  // Parts joined once at the end, with the length and last character tracked: asking the growing string for its
  // last character flattened it on every text node (the walk was quadratic on long pages).
  const parts: string[] = [];
  let length = 0;
  let last = '';
  const append = (s: string): void => {
    parts.push(s);
    length += s.length;
    last = s[s.length - 1] ?? last;
  };
  const spans: TextSpan[] = [];
  const breakLine = (node: AnyNode): void => {
    if (node.type === 'tag' && BLOCK.has((node as Element).name) && length > 0 && last !== '\n') append('\n');
  };
  const enter = (node: AnyNode): boolean => {
    if (node.type === 'text') {
      const parent = node.parent as Element | null;
      // whitespace runs as one space; only runs and non-space whitespace are rewritten (as in normalizeText): a
      // replace that matches nothing returns its string, and most text nodes have single spaces only
      const chunk = (node as unknown as { data: string }).data.normalize('NFC').replace(/\s{2,}|[^\S ]/g, ' ');
      if (!chunk.trim() || !parent) {
        if (chunk && (length === 0 || (last !== ' ' && last !== '\n'))) append(' ');
        return false;
      }
      spans.push({ start: length, end: length + chunk.length, el: parent });
      append(chunk);
      return false;
    }
    if (node.type !== 'tag' && node.type !== 'root') return false;
    const el = node as Element;
    if (excluded.has(el) || (node.type === 'tag' && SKIP.has(el.name))) return false;
    breakLine(node);
    return true;
  };
  const body = root ?? domIndex($).body ?? $.root().get(0);
  if (body) walkTree(body as AnyNode, enter, breakLine);
  return { text: parts.join(''), spans };
}

/** The element holding the character at `index`, if any. */
export function elementAt(pt: PageText, index: number): Element | undefined {
  let lo = 0;
  let hi = pt.spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = pt.spans[mid] as TextSpan;
    if (index < s.start) hi = mid - 1;
    else if (index >= s.end) lo = mid + 1;
    else return s.el;
  }
  return undefined;
}

/** The table row or list item an element belongs to; a layout row holding nested tables or lists is not one entry. */
export function entryOf($: CheerioAPI, el: Element): Element | undefined {
  const row = closest(el, (e) => e.name === 'tr' || e.name === 'li');
  return row && !hasDescendant(row, (e) => e.name === 'table' || e.name === 'tr' || e.name === 'li') ? row : undefined;
}
