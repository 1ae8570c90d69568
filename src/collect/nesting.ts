// Absurdly deep markup, dealt with before the parse. htmlparser2 keeps its open-element stack with Array#unshift, so
// parsing nesting N deep costs N² (a page of 100,000 nested <div>s took ~40 s of CPU, starving every other unit), and
// the libraries the rules use walk trees by recursion. Browsers bound the tree instead (Blink attaches nodes past 512
// open elements to the element at the limit); this does the same on the markup, in one linear scan, by dropping the
// tags of elements that would open past the limit and their end tags. Their text and children stay, in order, and an
// element holding only text past the limit (a link and its words) keeps its tags.

/** Deepest element that keeps its own tags; deeper ones lend their content to it. */
export const MAX_NESTING = 512;

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
  'keygen',
]);
/** Elements whose content is text up to their end tag (no tags inside). */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes']);
/** Opening one of these closes an open one of the same group (the implied end tags htmlparser2 applies too). */
const IMPLIED_GROUP = new Map(Object.entries({ p: 'p', li: 'li', option: 'option', dt: 'dd', dd: 'dd', td: 'td', th: 'td', tr: 'tr' }));

type Range = [start: number, end: number];
interface Open {
  name: string;
  /** Where its start tag is, when it opened past the limit. */
  tag?: Range;
  /** No element opened inside it (so far). */
  leafy: boolean;
}

/** A tag (`close`, `name` lower-cased) or a comment (no `name`) at [start, end) of the markup. */
export interface Token {
  start: number;
  end: number;
  close: boolean;
  name?: string;
}

const GT = 0x3e;
const SLASH = 0x2f;
const DQUOTE = 0x22;
const SQUOTE = 0x27;
const isLetter = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
const isNameChar = (c: number): boolean => isLetter(c) || (c >= 0x30 && c <= 0x39) || c === 0x3a || c === 0x2d;

/**
 * The first tag or comment at or after `from`: what the regex
 * `<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)(?:"[^"]*"|'[^']*'|[^'">])*>` finds, read by hand (the regex
 * backtracked through every attribute character and was 2 % of an audit's CPU). A comment runs to the first `-->` or
 * the end; a tag to the first `>` outside quotes; a `<` with an unclosed quote or no `>` starts no tag.
 */
export function nextToken(html: string, from: number): Token | undefined {
  const n = html.length;
  for (let i = html.indexOf('<', from); i >= 0; i = html.indexOf('<', i + 1)) {
    if (html.startsWith('!--', i + 1)) {
      const close = html.indexOf('-->', i + 4);
      return { start: i, end: close < 0 ? n : close + 3, close: false };
    }
    let j = i + 1;
    const close = html.charCodeAt(j) === SLASH;
    if (close) j++;
    if (!isLetter(html.charCodeAt(j))) continue;
    const nameStart = j;
    // most names are lower case already: lower-casing each name was the scan's largest cost
    let upper = html.charCodeAt(j) < 0x61;
    for (let c = html.charCodeAt(++j); j < n && isNameChar(c); c = html.charCodeAt(++j)) if (c >= 0x41 && c <= 0x5a) upper = true;
    const nameEnd = j;
    let end = -1;
    while (j < n) {
      const c = html.charCodeAt(j);
      if (c === GT) {
        end = j + 1;
        break;
      }
      if (c === DQUOTE || c === SQUOTE) {
        const q = html.indexOf(c === DQUOTE ? '"' : "'", j + 1);
        if (q < 0) break;
        j = q + 1;
      } else j++;
    }
    if (end < 0) continue;
    const name = html.slice(nameStart, nameEnd);
    return { start: i, end, close, name: upper ? name.toLowerCase() : name };
  }
  return undefined;
}

/** The markup with elements nested deeper than `max` unwrapped; the same string when nothing is that deep. */
export function limitNesting(html: string, max = MAX_NESTING): string {
  if (html.length < max * 6) return html; // too short to nest that deep: no scan needed
  const open: Open[] = [];
  const drops: Range[] = [];
  for (let t = nextToken(html, 0), at = 0; t; t = nextToken(html, at)) {
    at = t.end;
    const name = t.name;
    if (!name) continue; // a comment
    const { start, end } = t;
    if (t.close) {
      const index = lastIndexOfName(open, name);
      if (index < 0) continue;
      const closing = open[index] as Open;
      // elements left open inside it end here by implication: their start tags go if they were past the limit
      for (let i = index + 1; i < open.length; i++) if (open[i]?.tag) drops.push(open[i]?.tag as Range);
      while (open.length > index) open.pop(); // (setting the length was slower)
      if (closing.tag && !closing.leafy) drops.push(closing.tag, [start, end]);
      continue;
    }
    const group = IMPLIED_GROUP.get(name);
    let top = open[open.length - 1];
    if (group && top && IMPLIED_GROUP.get(top.name) === group) {
      if (top.tag) drops.push(top.tag); // its end tag is implied: nothing more to drop
      open.pop();
      top = open[open.length - 1];
    }
    if (top) top.leafy = false;
    if (VOID.has(name) || html.charCodeAt(end - 2) === SLASH) continue;
    if (RAW_TEXT.has(name)) {
      const close = closingTag(name);
      close.lastIndex = end;
      const found = close.exec(html);
      at = found ? close.lastIndex : html.length;
      continue;
    }
    const o: Open = { name, leafy: true };
    if (open.length >= max) o.tag = [start, end];
    open.push(o);
  }
  // elements past the limit still open at the end of the markup
  for (const o of open) if (o.tag) drops.push(o.tag);
  if (drops.length === 0) return html;
  drops.sort((x, y) => x[0] - y[0]);
  const parts: string[] = [];
  let from = 0;
  for (const [start, end] of drops) {
    parts.push(html.slice(from, start));
    from = end;
  }
  parts.push(html.slice(from));
  return parts.join('');
}

// One per raw-text element name, reused (the scan is synchronous): a page has dozens of scripts and styles.
const CLOSING = new Map<string, RegExp>();
function closingTag(name: string): RegExp {
  let re = CLOSING.get(name);
  if (!re) CLOSING.set(name, (re = new RegExp(`</${name}\\s*>`, 'ig')));
  return re;
}

function lastIndexOfName(open: readonly Open[], name: string): number {
  for (let i = open.length - 1; i >= 0; i--) if ((open[i] as Open).name === name) return i;
  return -1;
}
