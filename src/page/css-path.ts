// Selectors an inspector can paste in the browser console to find what a finding points at.
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { docMemo } from './doc-cache.js';

interface PathCache {
  paths: Map<Element, string>;
  steps: Map<AnyNode, Map<Element, string>>;
}
const pathCache = ($: CheerioAPI): PathCache => docMemo($, 'paths', () => ({ paths: new Map(), steps: new Map() }));
const isElement = (n: AnyNode | null): n is Element => n !== null && (n.type === 'tag' || n.type === 'script' || n.type === 'style');

/** Short CSS path: up to the nearest ancestor with an id (or body), nth-of-type where a name repeats. */
export function cssPath($: CheerioAPI, el: AnyNode): string {
  return isElement(el) ? pathOf(pathCache($), el) : '';
}

// Memoised per element, parents included: the links of one menu share every step of their paths, and a parent's
// children are numbered once (nth-of-type) instead of once per child. Climbs with a loop, not recursion: a hostile
// page may nest thousands of elements.
function pathOf(cache: PathCache, start: Element): string {
  const pending: { e: Element; step: string }[] = [];
  let prefix = '';
  for (let e: Element | undefined = start; e;) {
    const known = cache.paths.get(e);
    if (known !== undefined) {
      prefix = known;
      break;
    }
    const name = e.name.toLowerCase();
    if ((e.attribs.id && /^[A-Za-z][\w-]*$/.test(e.attribs.id)) || name === 'body' || name === 'html') {
      const own = e.attribs.id && /^[A-Za-z][\w-]*$/.test(e.attribs.id) ? `${name}#${e.attribs.id}` : name;
      cache.paths.set(e, own);
      prefix = own;
      break;
    }
    const parent: AnyNode | null = e.parent;
    pending.push({ e, step: parent ? stepIn(cache, parent, e, name) : name });
    e = isElement(parent) ? parent : undefined;
  }
  for (let i = pending.length - 1; i >= 0; i--) {
    const { e, step } = pending[i] as { e: Element; step: string };
    prefix = prefix ? `${prefix} > ${step}` : step;
    cache.paths.set(e, prefix);
  }
  return prefix;
}

function stepIn(cache: PathCache, parent: AnyNode, e: Element, name: string): string {
  let known = cache.steps.get(parent);
  if (!known) {
    known = new Map();
    const kids = 'children' in parent ? parent.children.filter(isElement) : [];
    const counts = new Map<string, number>();
    for (const c of kids) counts.set(c.name.toLowerCase(), (counts.get(c.name.toLowerCase()) ?? 0) + 1);
    const seen = new Map<string, number>();
    for (const c of kids) {
      const n = c.name.toLowerCase();
      const nth = (seen.get(n) ?? 0) + 1;
      seen.set(n, nth);
      known.set(c, (counts.get(n) ?? 0) > 1 ? `${n}:nth-of-type(${nth})` : n);
    }
    cache.steps.set(parent, known);
  }
  return known.get(e) ?? name;
}
