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
const IMPLIED_GROUP: Record<string, string> = { p: 'p', li: 'li', option: 'option', dt: 'dd', dd: 'dd', td: 'td', th: 'td', tr: 'tr' };

type Range = [start: number, end: number];
interface Open {
  name: string;
  /** Where its start tag is, when it opened past the limit. */
  tag?: Range;
  /** No element opened inside it (so far). */
  leafy: boolean;
}

const TOKEN = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)(?:"[^"]*"|'[^']*'|[^'">])*>/g;

/** The markup with elements nested deeper than `max` unwrapped; the same string when nothing is that deep. */
export function limitNesting(html: string, max = MAX_NESTING): string {
  if (html.length < max * 6) return html; // too short to nest that deep: no scan needed
  const open: Open[] = [];
  const drops: Range[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(html); m; m = TOKEN.exec(html)) {
    const name = m[2]?.toLowerCase();
    if (!name) continue; // a comment
    const start = m.index;
    const end = start + m[0].length;
    if (m[1]) {
      const at = lastIndexOfName(open, name);
      if (at < 0) continue;
      const closing = open[at] as Open;
      // elements left open inside it end here by implication: their start tags go if they were past the limit
      for (let i = at + 1; i < open.length; i++) if (open[i]?.tag) drops.push(open[i]?.tag as Range);
      open.length = at;
      if (closing.tag && !closing.leafy) drops.push(closing.tag, [start, end]);
      continue;
    }
    const group = IMPLIED_GROUP[name];
    let top = open[open.length - 1];
    if (group && top && IMPLIED_GROUP[top.name] === group) {
      if (top.tag) drops.push(top.tag); // its end tag is implied: nothing more to drop
      open.pop();
      top = open[open.length - 1];
    }
    if (top) top.leafy = false;
    if (VOID.has(name) || m[0].endsWith('/>')) continue;
    if (RAW_TEXT.has(name)) {
      const close = closingTag(name);
      close.lastIndex = end;
      const found = close.exec(html);
      TOKEN.lastIndex = found ? close.lastIndex : html.length;
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
