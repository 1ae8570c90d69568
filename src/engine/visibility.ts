// Whether an element is hidden from a visitor without running a browser: inline styles, the `hidden` attribute, and
// simple `.class` / `#id` rules of the page's own <style> blocks. Shared by no-malicious-content (SEO spam hidden in a
// footer) and accessibility-basic (inputs a visitor never sees need no label).
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { domIndex, tagged, textContent, walkTree } from '../page/dom-index.js';

export interface HidingCss {
  classes: Map<string, string>;
  ids: Map<string, string>;
}

const decl = (re: string): RegExp => new RegExp(`(^|;|\\{)${re}(;|!|$)`);
// Compiled once: every style attribute and <style> rule of every page goes through them.
const DISPLAY_NONE = decl('display:none');
const VISIBILITY_HIDDEN = decl('visibility:(hidden|collapse)');
const OPACITY_0 = decl('opacity:0(\\.0+)?');
const FONT_SIZE_0 = decl('font-size:0(px|em|rem|pt|%)?');
const SIZE_0 = decl('(max-)?(width|height):0(px|em|rem|%)?');
const OVERFLOW_HIDDEN = decl('overflow:hidden');

/**
 * Every hiding value below starts with n, h, c, 0 or - right after its colon once comments and whitespace are gone
 * (none, hidden, collapse, 0, -9999px): a block with no such value cannot hide, and most blocks of a theme's CSS have
 * none, so they are ruled out without being lower-cased and stripped.
 */
const MAY_HIDE = /:(?:\s|\/\*[\s\S]*?\*\/)*[nhc0-]/i;

/** Why a CSS declaration block hides its element, or undefined. Spam kits hide with each of these. */
export function hidingStyle(style: string): string | undefined {
  if (!MAY_HIDE.test(style)) return undefined;
  const s = style
    .toLowerCase()
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, '');
  if (DISPLAY_NONE.test(s)) return 'display:none';
  if (VISIBILITY_HIDDEN.test(s)) return 'visibility:hidden';
  if (OPACITY_0.test(s)) return 'opacity:0';
  if (FONT_SIZE_0.test(s)) return 'font-size:0';
  // Zero width/height hides only when the overflow is clipped; a 0-height float wrapper still shows its content.
  if (SIZE_0.test(s) && OVERFLOW_HIDDEN.test(s)) return 'zero size';
  // Off-screen: `left:-9999px`, `text-indent:-9999px`, `margin-left:-5000px`…
  if (/(^|;)(left|top|right|bottom|text-indent|margin-left|margin-top):-\d{3,}/.test(s)) return 'off-screen';
  return undefined;
}

/** Simple `.class`, `#id` and `tag.class` rules of the page's <style> blocks (outside @media) that hide. */
export function hidingCss($: CheerioAPI): HidingCss {
  let known = hiding.get($);
  if (!known) hiding.set($, (known = findHidingCss($)));
  return known;
}
const hiding = new WeakMap<CheerioAPI, HidingCss>();

function findHidingCss($: CheerioAPI): HidingCss {
  const styles = tagged($, 'style');
  if (styles.length === 1) return styleRules(textContent(styles[0] as Element));
  const out: HidingCss = { classes: new Map(), ids: new Map() };
  // later blocks win, as when one block's rules were read after another's
  for (const el of styles) {
    const rules = styleRules(textContent(el));
    for (const [k, v] of rules.classes) out.classes.set(k, v);
    for (const [k, v] of rules.ids) out.ids.set(k, v);
  }
  return out;
}

/**
 * The hiding rules of one <style> block, remembered by its text: a site's pages repeat the same theme CSS, and
 * reading it took as long as the rest of the spam scan of a page. Callers only read the maps (they may be shared).
 */
function styleRules(cssText: string): HidingCss {
  const known = rulesByCss.get(cssText);
  if (known) return known;
  const rules = parseHidingRules(cssText);
  if (cssText.length > CSS_CACHE_MAX_CHARS) return rules;
  if (rulesByCss.size >= CSS_CACHE_LIMIT) rulesByCss.clear();
  rulesByCss.set(cssText, rules);
  return rules;
}
const rulesByCss = new Map<string, HidingCss>();
/** Style blocks remembered (a few per site; emptied when full) and the longest kept: at most ~8 M characters held. */
const CSS_CACHE_LIMIT = 64;
const CSS_CACHE_MAX_CHARS = 128 * 1024;

function parseHidingRules(cssText: string): HidingCss {
  const out: HidingCss = { classes: new Map(), ids: new Map() };
  const css = cssText
    .replace(/\/\*[\s\S]*?\*\//g, '')
    // Responsive rules (`@media (max-width: 600px) { .desktop-only { display:none } }`) hide only on some screens.
    .replace(/@media[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}/g, '');
  for (const m of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const reason = hidingStyle(m[2] ?? '');
    if (!reason) continue;
    for (const sel of (m[1] ?? '').split(',').map((x) => x.trim())) {
      const cls = /^(?:[a-z][a-z0-9]*)?\.([\w-]+)$/i.exec(sel);
      const id = /^(?:[a-z][a-z0-9]*)?#([\w-]+)$/i.exec(sel);
      if (cls?.[1]) out.classes.set(cls[1], `.${cls[1]} { ${reason} }`);
      if (id?.[1]) out.ids.set(id[1], `#${id[1]} { ${reason} }`);
    }
  }
  return out;
}

/** Why this element itself (not its ancestors) is hidden, or undefined. */
export function ownHiddenReason(el: Element, css: HidingCss): string | undefined {
  const a = el.attribs;
  if (a.hidden !== undefined) return 'hidden';
  const inline = a.style ? hidingStyle(a.style) : undefined;
  if (inline) return `style="${a.style?.trim() ?? ''}"`;
  const byId = a.id ? css.ids.get(a.id) : undefined;
  if (byId) return byId;
  for (const c of (a.class ?? '').split(/\s+/)) {
    const byClass = c ? css.classes.get(c) : undefined;
    if (byClass) return byClass;
  }
  return undefined;
}

/** The element or one of its ancestors is hidden. */
export function isHidden(el: AnyNode, css: HidingCss): boolean {
  for (let n: AnyNode | null = el; n; n = n.parent) {
    if (n.type === 'tag' && ownHiddenReason(n as Element, css)) return true;
  }
  return false;
}

const NOT_SHOWN = new Set(['script', 'style', 'template', 'noscript', 'head']);

/** The outermost hidden elements below <body> (a hidden element inside another is reported once, with its root). */
export function hiddenRoots($: CheerioAPI, css: HidingCss = hidingCss($)): { el: Element; reason: string }[] {
  const out: { el: Element; reason: string }[] = [];
  walkTree(domIndex($).body ?? ($.root().get(0) as AnyNode), (node) => {
    if (node.type !== 'tag') return node.type === 'root';
    const el = node as Element;
    if (NOT_SHOWN.has(el.name)) return false;
    // Hidden form fields and their kin carry no visible text anyway.
    const reason = el.name === 'input' ? undefined : ownHiddenReason(el, css);
    if (!reason) return true;
    out.push({ el, reason });
    return false;
  });
  return out;
}
