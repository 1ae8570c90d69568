// What a home page is made of: how much text a visitor sees in its static body, how many links, whether it loads
// scripts or embeds other documents. A blank page (none of these) fails site-reachable (docs/verdicts.md); the
// script shell, its near relative that loads scripts, is src/engine/script-shell.ts.
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { domIndex, isLink, tagged, walkTree } from '../page/dom-index.js';

export interface PageShape {
  /** Characters of visible static text in <body> (whitespace collapsed). */
  textChars: number;
  links: number;
  /** <script src> or an inline script with code (JSON data blocks do not count). */
  loadsScripts: boolean;
  /** Frames, iframes, embedded objects or a meta refresh: the page shows (or leads to) content of another document. */
  embedsContent: boolean;
}

const HIDDEN_TEXT = new Set(['script', 'style', 'noscript', 'template', 'head', 'title']);
const DATA_TYPES = /^(application\/(ld\+)?json|text\/template|text\/x-template|importmap|speculationrules)$/i;
const EMBEDS = ['frame', 'frameset', 'iframe', 'object', 'embed'];

const shapes = new WeakMap<CheerioAPI, PageShape>();

export function pageShape($: CheerioAPI): PageShape {
  let shape = shapes.get($);
  if (!shape) shapes.set($, (shape = measure($)));
  return shape;
}

function measure($: CheerioAPI): PageShape {
  const index = domIndex($);
  let textChars = 0;
  let lastSpace = true;
  // iterative (walkTree): pages nest 100,000 elements deep
  walkTree((index.body ?? $.root().get(0)) as AnyNode, (node) => {
    if (node.type === 'text') {
      for (const ch of (node as unknown as { data: string }).data) {
        const space = /[\s\u00a0\u200b]/.test(ch);
        if (space) {
          if (!lastSpace) textChars += 1;
        } else textChars += 1;
        lastSpace = space;
      }
      return false;
    }
    if (node.type !== 'tag' && node.type !== 'root') return false;
    return !(node.type === 'tag' && HIDDEN_TEXT.has((node as Element).name.toLowerCase()));
  });
  if (lastSpace && textChars > 0) textChars -= 1;
  const links = index.bodyElements.filter(isLink).length;
  const loadsScripts = tagged($, 'script').some((s) => {
    if (s.attribs.src?.trim()) return true;
    if (DATA_TYPES.test((s.attribs.type ?? '').trim())) return false;
    return $(s).text().trim().length > 0;
  });
  const refresh = tagged($, 'meta').some((m) => (m.attribs['http-equiv'] ?? '').trim().toLowerCase() === 'refresh');
  const embedsContent = refresh || EMBEDS.some((t) => tagged($, t).length > 0);
  return { textChars, links, loadsScripts, embedsContent };
}

/** 2xx HTML that shows a visitor nothing: no visible text, no links, no scripts, nothing embedded. */
export function isBlankPage($: CheerioAPI): boolean {
  const s = pageShape($);
  return s.textChars === 0 && s.links === 0 && !s.loadsScripts && !s.embedsContent;
}
