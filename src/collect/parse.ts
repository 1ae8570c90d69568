// The one parse of a page, shared by every rule. htmlparser2 mode (cheerio's `xml: { xmlMode: false }`) is about
// 4× faster than the default parse5 mode on 60 KB school pages (bench/parse.ts measures it), and the pages we judge
// need no spec-exact tree repair.
import { load, type CheerioAPI } from 'cheerio';
import type { AnyNode, ChildNode, ParentNode } from 'domhandler';
import { limitNesting } from './nesting.js';

/**
 * Deepest element that keeps its subtree (nesting.ts explains why and how browsers do the same). The markup is
 * bounded before the parse; the tree is bounded again after it, for nesting the markup scan cannot see (implied
 * elements), because the libraries the rules use walk trees by recursion (cheerio's `.text()` and `.clone()`,
 * dom-serializer) and every ancestor walk would cost the page's depth.
 */
export const MAX_TREE_DEPTH = 512;

export function parseHtml(html: string): CheerioAPI {
  const $ = load(limitNesting(html, MAX_TREE_DEPTH), { xml: { xmlMode: false, decodeEntities: true, lowerCaseAttributeNames: true, lowerCaseTags: true } });
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
