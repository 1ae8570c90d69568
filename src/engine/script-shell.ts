// Is the static HTML of a page a script shell: a body with almost no visible text and at most two links, that loads
// scripts? Such a page is drawn by JavaScript, so its static view cannot be judged (docs/rendering.md). Pure: reads
// the one parse of the page; the rules' runner and the crawler's render decision share it.
import type { CheerioAPI } from 'cheerio';
import type { AnyNode } from 'domhandler';
import { domIndex, isLink, tagged, walkTree } from '../page/dom-index.js';

/** Below this many characters of visible body text (whitespace collapsed) a page may be a shell. */
export const SHELL_MAX_TEXT = 200;
/** More links than this and the page is a page, whatever its text. */
export const SHELL_MAX_LINKS = 2;

// What a browser running scripts never shows: scripts, styles, templates, and <noscript> (shown only without scripts).
const INVISIBLE = new Set(['script', 'style', 'noscript', 'template', 'head']);

export interface ShellFacts {
  /** Visible body text, characters after collapsing whitespace. */
  textLength: number;
  links: number;
  scripts: number;
  shell: boolean;
}

/** Characters of visible text below `root`, whitespace runs counted as one; stops counting past `cap`. */
function visibleLength(root: AnyNode, cap: number): number {
  let n = 0;
  let space = true;
  // iterative (walkTree): pages nest 100,000 elements deep
  walkTree(root, (node) => {
    if (n > cap) return false;
    if (node.type === 'text') {
      for (const ch of (node as unknown as { data: string }).data) {
        const ws = /[\s\u00a0]/.test(ch);
        if (ws && space) continue;
        space = ws;
        n++;
      }
      return false;
    }
    if (node.type !== 'tag' && node.type !== 'root') return false;
    return !(node.type === 'tag' && INVISIBLE.has((node as { name: string }).name));
  });
  return n;
}

export function shellFacts($: CheerioAPI): ShellFacts {
  const index = domIndex($);
  const body = index.body;
  const textLength = body ? visibleLength(body, SHELL_MAX_TEXT) : 0;
  const links = index.bodyElements.filter(isLink).length;
  const scripts = tagged($, 'script').filter((s) => s.attribs.src !== undefined || $(s).text().trim() !== '').length;
  return { textLength, links, scripts, shell: textLength < SHELL_MAX_TEXT && links <= SHELL_MAX_LINKS && scripts > 0 };
}

/** The page is a script shell (a page that loads no script is a blank page, never a shell). */
export const isScriptShell = ($: CheerioAPI): boolean => shellFacts($).shell;
