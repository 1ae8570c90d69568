// The one parse of a page, shared by every rule. htmlparser2 mode (cheerio's `xml: { xmlMode: false }`) is about
// 4× faster than the default parse5 mode on 60 KB school pages (bench/parse.ts measures it), and the pages we judge
// need no spec-exact tree repair.
// cheerio/slim: the same htmlparser2 load without parse5, which the CLI would load and never use
import type { CheerioAPI } from 'cheerio';
import { load } from 'cheerio/slim';
import type { AnyNode, ChildNode, ParentNode } from 'domhandler';
import { limitNesting } from './nesting.js';

/**
 * Deepest element that keeps its subtree (nesting.ts explains why and how browsers do the same). The markup is
 * bounded before the parse; the tree is bounded again after it, for nesting the markup scan cannot see (implied
 * elements), because the libraries the rules use walk trees by recursion (cheerio's `.text()` and `.clone()`,
 * dom-serializer) and every ancestor walk would cost the page's depth.
 */
export const MAX_TREE_DEPTH = 512;

/**
 * Elements a page may have and still be judged. The rules' cost grows with a page's elements (~0.1 ms each on one
 * busy core, a page of 200,000 links took ~40 s); past this budget a page is not judged and its findings are `error`
 * ("trang quá phức tạp để phân tích"), while the unit's other pages are. Counted in elements rather than measured in
 * milliseconds so that a verdict never depends on how busy the machine was. Real school pages have 1,000–10,000.
 */
export const MAX_PAGE_ELEMENTS = 40_000;

/** The number of elements of a parsed page. */
export function elementCount($: CheerioAPI): number {
  let n = 0;
  const todo: AnyNode[] = [$.root().get(0) as AnyNode];
  for (let node = todo.pop(); node; node = todo.pop()) {
    if (node.type === 'tag' || node.type === 'script' || node.type === 'style') n++;
    if ('children' in node) for (const c of node.children) todo.push(c);
  }
  return n;
}

/** More start tags than the budget (an upper bound of the elements: scripts and comments may hold some). */
export const mayExceedBudget = (html: string, budget = MAX_PAGE_ELEMENTS): boolean => {
  // each start tag takes two characters at least ("<a"): a shorter text cannot hold more, and most pages are shorter
  if (html.length <= 2 * budget) return false;
  let n = 0;
  const re = /<[a-zA-Z]/g;
  while (re.exec(html)) if (++n > budget) return true;
  return false;
};

export function parseHtml(html: string): CheerioAPI {
  const $ = load(limitNesting(html, MAX_TREE_DEPTH), {
    xml: { xmlMode: false, decodeEntities: true, lowerCaseAttributeNames: true, lowerCaseTags: true },
  });
  capTreeDepth($.root().get(0) as ParentNode);
  return $;
}

const hasKids = (n: AnyNode): n is ParentNode & ChildNode => 'children' in n && n.children.length > 0;
/** Only text and comments below: such a node (a link and its text) is kept whole when a deep subtree is flattened. */
const isLeafy = (n: ParentNode): boolean => n.children.every((c) => !('children' in c));

/** Flattens every subtree below MAX_TREE_DEPTH into its element at the limit, in document order (in place, no recursion). */
export function capTreeDepth(root: ParentNode, maxDepth = MAX_TREE_DEPTH): void {
  const stack: [ParentNode, number][] = [[root, 0]];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [node, depth] = top;
    for (const child of node.children) {
      if (!hasKids(child)) continue;
      if (depth + 1 >= maxDepth) flattenBelow(child);
      else stack.push([child, depth + 1]);
    }
  }
}

function flattenBelow(el: ParentNode): void {
  if (el.children.every((c) => !hasKids(c) || isLeafy(c))) return;
  const flat: ChildNode[] = [];
  const todo: ChildNode[] = el.children.slice().reverse();
  for (let n = todo.pop(); n; n = todo.pop()) {
    flat.push(n);
    if (!hasKids(n) || isLeafy(n)) continue;
    for (let i = n.children.length - 1; i >= 0; i--) todo.push(n.children[i] as ChildNode);
    n.children = [];
  }
  flat.forEach((n, i) => {
    n.parent = el;
    n.prev = flat[i - 1] ?? null;
    n.next = flat[i + 1] ?? null;
  });
  el.children = flat;
}
