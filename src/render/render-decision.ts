// When the home page is rendered (docs/rendering.md, "When auto renders"). Pure: reads the static parse only.
// `auto` renders when the static view cannot be trusted, and never on a plain server-rendered page:
//   script-shell  the page is a script shell (src/engine/script-shell.ts);
//   script-menu   a menu container is empty in the static HTML, the page shows fewer than three navigation
//                 links, and an inline script builds elements (a menu drawn from a JSON array);
//   script-emc    the EMC code or widget is left to scripts: an empty EMC widget container (`#yhy-append`,
//                 `.yhy-append-wrap`), or a tag manager loaded while no live EMC code is in the page itself.
import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import type { RenderWhy } from '../model/artifacts.js';
import { classTokens, descendants, domIndex, hasDescendant, isLink, tagged, textContent } from '../page/dom-index.js';
import { scanEmcCode, splitJsComments } from '../engine/emc.js';
import { navigationRegions } from '../page/links.js';
import { isScriptShell } from '../engine/script-shell.js';

export type RenderMode = 'auto' | 'always' | 'never';

export interface RenderPlan {
  why: RenderWhy;
  /** The rendered DOM becomes what the rules judge (false: a screenshot only). */
  judge: boolean;
}

const MENU_TOKEN = /^(?:[a-z0-9]+[-_])*(menu|nav|navbar|navigation|mainmenu|main-menu)(?:[-_][a-z0-9]+)*$/i;
// buttons, toggles and icons named after the menu hold no links on any platform
const NOT_A_MENU = /toggle|btn|button|icon|overlay|mobile|search|close|open|bar-|hamburger/i;
const BUILDS_ELEMENTS = /createElement\s*\(|insertAdjacentHTML|\.innerHTML\s*[+]?=|\.append(?:Child)?\s*\(|\.html\s*\(/;
const TAG_MANAGER = /googletagmanager\.com\/gtm\.js|\bGTM-[A-Z0-9]{4,}\b|\/gtm\.js\b|tagmanager/i;

const inlineScripts = ($: CheerioAPI): string[] =>
  tagged($, 'script')
    .filter((s) => s.attribs.src === undefined)
    .map((s) => textContent(s));

function isMenuContainer(el: Element): boolean {
  if (el.name === 'button' || el.name === 'a' || el.name === 'span' || el.name === 'i') return false;
  const names = [...classTokens(el), el.attribs.id ?? ''].filter(Boolean);
  if (names.some((n) => NOT_A_MENU.test(n))) return false;
  return el.name === 'nav' || names.some((n) => MENU_TOKEN.test(n));
}

/** An empty menu container, few navigation links, and an inline script that builds elements. */
export function menuDrawnByScript($: CheerioAPI): boolean {
  const empty = domIndex($).bodyElements.some((el) => isMenuContainer(el) && !hasDescendant(el, isLink));
  if (!empty) return false;
  const navLinks = navigationRegions($).reduce((n, r) => n + descendants(r, isLink).length, 0);
  if (navLinks >= 3) return false;
  return inlineScripts($).some((code) => BUILDS_ELEMENTS.test(splitJsComments(code).code));
}

/** The EMC widget container is there but empty, or a tag manager may inject the EMC code the page lacks. */
export function emcDrawnByScript($: CheerioAPI, emcHosts: readonly string[]): boolean {
  const index = domIndex($);
  const placeholder = index.bodyElements.some(
    (el) =>
      (el.attribs.id === 'yhy-append' || classTokens(el).includes('yhy-append-wrap')) &&
      !hasDescendant(el, (e) => e.name === 'a' || e.name === 'img'),
  );
  if (placeholder) return true;
  const srcs = tagged($, 'script').map((s) => s.attribs.src ?? '');
  const inline = inlineScripts($).map((c) => splitJsComments(c).code);
  if (![...srcs, ...inline].some((t) => TAG_MANAGER.test(t))) return false;
  const live = scanEmcCode([...inline, ...srcs.map((s) => `'${s}'`)].join('\n'), emcHosts);
  return !(live.govaq || live.trackers.length > 0);
}

/** What to render for this home page, if anything. */
export function planRender($: CheerioAPI, mode: RenderMode, screenshots: boolean, emcHosts: readonly string[]): RenderPlan | undefined {
  if (mode === 'always') return { why: 'always', judge: true };
  if (mode === 'auto') {
    if (isScriptShell($)) return { why: 'script-shell', judge: true };
    if (menuDrawnByScript($)) return { why: 'script-menu', judge: true };
    if (emcDrawnByScript($, emcHosts)) return { why: 'script-emc', judge: true };
  }
  // a screenshot asked for a page auto would not render: the static view is still what is judged
  return screenshots ? { why: 'screenshot', judge: false } : undefined;
}
