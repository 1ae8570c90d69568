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
  const walk = (node: AnyNode): void => {
    if (node.type === 'tag' || node.type === 'script' || node.type === 'style') {
      const el = node as Element;
      const name = el.name.toLowerCase();
      elements.push(el);
      const list = byTag.get(name);
      if (list) list.push(el);
      else byTag.set(name, [el]);
      if (name === 'body' && !body) {
        body = el;
        bodyStart = elements.length;
        for (const c of el.children) walk(c);
        bodyEnd = elements.length;
        return;
      }
    }
    if ('children' in node) for (const c of node.children) walk(c);
  };
  walk(root);
  return { elements, byTag, body, bodyElements: body ? elements.slice(bodyStart, bodyEnd) : [] };
}

/** Elements with this tag name, in document order. */
export const tagged = ($: CheerioAPI, name: string): readonly Element[] => domIndex($).byTag.get(name) ?? NONE;

/** Elements below `root` (not `root` itself) that satisfy `test`, in document order. */
export function descendants(root: AnyNode, test: (el: Element) => boolean): Element[] {
  const out: Element[] = [];
  const walk = (node: AnyNode): void => {
    if (!('children' in node)) return;
    for (const c of node.children) {
      if (c.type === 'tag' || c.type === 'script' || c.type === 'style') {
        if (test(c as Element)) out.push(c as Element);
      }
      walk(c);
    }
  };
  walk(root);
  return out;
}

/** The text of a node as cheerio's `.text()` gives it: every text node below it (scripts and styles included). */
export function textContent(node: AnyNode): string {
  if (node.type === 'text') return (node as unknown as { data: string }).data;
  if (node.type === 'comment' || !('children' in node)) return '';
  let out = '';
  for (const c of node.children) out += textContent(c);
  return out;
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
  if (!('children' in root)) return false;
  for (const c of root.children) {
    if ((c.type === 'tag' || c.type === 'script' || c.type === 'style') && test(c as Element)) return true;
    if (hasDescendant(c, test)) return true;
  }
  return false;
}
