// One walk over a parsed page, shared by every rule: its elements in document order and grouped by tag name.
// css-select queries (`$('body *')`, `$('[style]')`…) re-walk the whole tree on every call and were the largest cost
// of judging a 60 KB page (bench/README.md); rules asking the index instead pay for one walk per page.
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';

export interface DomIndex {
  /** Every element of the document, in document order. */
  elements: Element[];
  /** Elements by lower-case tag name, in document order. */
  byTag: Map<string, Element[]>;
  /** The first <body>, if the page has one. */
  body: Element | undefined;
  /** Elements inside <body> (not <body> itself), in document order. */
  bodyElements: Element[];
}

const indexes = new WeakMap<CheerioAPI, DomIndex>();
const NONE: readonly Element[] = Object.freeze([]);

/** The index of a parsed page, built on first use and kept as long as the page is. */
export function domIndex($: CheerioAPI): DomIndex {
  let index = indexes.get($);
  if (!index) indexes.set($, (index = buildIndex($.root().get(0) as AnyNode)));
  return index;
}

function buildIndex(root: AnyNode): DomIndex {
  const elements: Element[] = [];
  const byTag = new Map<string, Element[]>();
  let body: Element | undefined;
  let bodyStart = -1;
  let bodyEnd = -1;
  walkTree(
    root,
    (node) => {
      if (!isElement(node)) return;
      const name = node.name.toLowerCase();
      elements.push(node);
      const list = byTag.get(name);
      if (list) list.push(node);
      else byTag.set(name, [node]);
      if (name === 'body' && !body) {
        body = node;
        bodyStart = elements.length;
      }
    },
    (node) => {
      if (node === body) bodyEnd = elements.length;
    },
  );
  return { elements, byTag, body, bodyElements: body ? elements.slice(bodyStart, bodyEnd) : [] };
}

const isElement = (n: AnyNode): n is Element => n.type === 'tag' || n.type === 'script' || n.type === 'style';
const NO_CHILDREN: readonly AnyNode[] = Object.freeze([]);
const childrenOf = (n: AnyNode): readonly AnyNode[] => ('children' in n ? n.children : NO_CHILDREN);

/**
 * Visits `root` and every node below it in document order with an explicit stack, never recursion: a hostile page may
 * nest elements 100,000 deep. `enter` returning false skips the node's subtree (and its `leave`); `leave` runs once a
 * node's subtree is done.
 */
export function walkTree(root: AnyNode, enter: (node: AnyNode) => boolean | void, leave?: (node: AnyNode) => void): void {
  if (enter(root) === false) return;
  const nodes: AnyNode[] = [root];
  const next: number[] = [0];
  while (nodes.length > 0) {
    const top = nodes.length - 1;
    const node = nodes[top] as AnyNode;
    const kids = childrenOf(node);
    const i = next[top] as number;
    if (i >= kids.length) {
      nodes.pop();
      next.pop();
      leave?.(node);
      continue;
    }
    next[top] = i + 1;
    const child = kids[i] as AnyNode;
    if (enter(child) === false) continue;
    nodes.push(child);
    next.push(0);
  }
}

/** Elements with this tag name, in document order. */
export const tagged = ($: CheerioAPI, name: string): readonly Element[] => domIndex($).byTag.get(name) ?? NONE;

/** Elements below `root` (not `root` itself) that satisfy `test`, in document order. */
export function descendants(root: AnyNode, test: (el: Element) => boolean): Element[] {
  const out: Element[] = [];
  walkTree(root, (node) => {
    if (node !== root && isElement(node) && test(node)) out.push(node);
  });
  return out;
}

/** The text of a node as cheerio's `.text()` gives it: every text node below it (scripts and styles included). */
export function textContent(node: AnyNode): string {
  const parts: string[] = [];
  walkTree(node, (n) => {
    if (n.type === 'text') parts.push((n as unknown as { data: string }).data);
    return n.type !== 'comment';
  });
  return parts.join('');
}

/**
 * `textContent` leaving out the elements named in `skip` (a page's scripts and styles), without copying the tree:
 * cheerio's `.clone().find(…).remove()` costs the square of the body's children (css-select de-duplicates its
 * context with `removeSubsets`), ~3 s on a page of 10,000 links.
 */
export function textWithout(node: AnyNode, skip: ReadonlySet<string>): string {
  const parts: string[] = [];
  walkTree(node, (n) => {
    if (n.type === 'text') parts.push((n as unknown as { data: string }).data);
    return n.type !== 'comment' && !(isElement(n) && skip.has(n.name));
  });
  return parts.join('');
}

/** The element or one of its ancestors satisfies `test`. */
export function selfOrAncestor(el: AnyNode | null, test: (el: Element) => boolean): boolean {
  for (let n: AnyNode | null = el; n; n = n.parent) if (n.type === 'tag' && test(n as Element)) return true;
  return false;
}

/** `a[href], area[href]`: the elements every link list is made of. */
export const isLink = (e: Element): boolean => (e.name === 'a' || e.name === 'area') && e.attribs.href !== undefined;

/** The class attribute's tokens. */
export const classTokens = (el: Element): string[] => (el.attribs.class ?? '').split(/\s+/).filter(Boolean);

/** The element itself or its nearest ancestor satisfying `test` (cheerio's `.closest()` without a selector engine). */
export function closest(el: AnyNode | null, test: (el: Element) => boolean): Element | undefined {
  for (let n: AnyNode | null = el; n; n = n.parent) if (n.type === 'tag' && test(n as Element)) return n as Element;
  return undefined;
}

/** Some element below `root` satisfies `test`. */
export function hasDescendant(root: AnyNode, test: (el: Element) => boolean): boolean {
  const todo: AnyNode[] = [...childrenOf(root)];
  for (let n = todo.pop(); n; n = todo.pop()) {
    if (isElement(n) && test(n)) return true;
    for (const c of childrenOf(n)) todo.push(c);
  }
  return false;
}

/** The first element below `root` (in document order) that satisfies `test`: cheerio's `.find(sel).first()`. */
export function firstDescendant(root: AnyNode, test: (el: Element) => boolean): Element | undefined {
  let found: Element | undefined;
  walkTree(root, (node) => {
    if (found) return false;
    if (node !== root && isElement(node) && test(node)) {
      found = node;
      return false;
    }
    return true;
  });
  return found;
}

/** The text of the page's first <title>, as `$('title').first().text()` gives it ('' without one). */
export function titleText($: CheerioAPI): string {
  const title = tagged($, 'title')[0];
  return title ? textContent(title) : '';
}
