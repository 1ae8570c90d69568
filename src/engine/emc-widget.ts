// The official EMC label is a widget the EMC script draws (`<div class="yhy-append-wrap"><div id="yhy-append">` with
// `<a id="btnEMC">Đã kết nối EMC</a>`), so it is usually not in the static HTML. What a site can do against it is
// hide or remove it: a CSS rule (same-site stylesheet or <style>) or a script (inline or same-site file) aimed at the
// widget. This module finds those, naming the rule or script, for emc-label. Pure: reads collected artifacts.
import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import type { FetchResult } from '../model/artifacts.js';
import type { Evidence } from '../model/rule.js';
import { classTokens, domIndex, tagged, textContent } from '../page/dom-index.js';
import { splitJsComments } from './emc.js';
import { cssPath, resolveHref } from '../page/links.js';

export interface WidgetHider {
  /** `css` rule or `script` statement. */
  kind: 'css' | 'script';
  evidence: Evidence;
}

/**
 * A config selector (`#id` or `.class`) as a test on one element. A class attribute is split into tokens only when
 * it contains the name: every image and link of a home page climbs its ancestors through these tests.
 */
function selectorTest(selector: string): ((el: Element) => boolean) | undefined {
  const m = /^([#.])([\w-]+)$/.exec(selector.trim());
  if (!m?.[2]) return undefined;
  const name = m[2];
  return m[1] === '#'
    ? (el) => el.attribs.id === name
    : (el) => el.attribs.class?.includes(name) === true && classTokens(el).includes(name);
}

/** The tests of a selector list, made once per list (the rules config gives the same list for the whole run). */
const testsOf = new WeakMap<readonly string[], ((el: Element) => boolean)[]>();
function selectorTests(selectors: readonly string[]): ((el: Element) => boolean)[] {
  let tests = testsOf.get(selectors);
  if (!tests) testsOf.set(selectors, (tests = selectors.map(selectorTest).filter((t): t is (el: Element) => boolean => t !== undefined)));
  return tests;
}

/** Elements of the widget present in the page (static HTML, or the rendered DOM). */
export function widgetElements($: CheerioAPI, selectors: readonly string[]): Element[] {
  const tests = selectorTests(selectors);
  return domIndex($).bodyElements.filter((el) => tests.some((t) => t(el)));
}

/** The element is the widget or inside it. */
export function inWidget(el: Element, selectors: readonly string[]): boolean {
  const tests = selectorTests(selectors);
  for (let n: Element | null = el; n && n.type === 'tag'; n = n.parent as Element | null)
    if (tests.some((t) => t(n as Element))) return true;
  return false;
}

const HIDING_DECL = /(?:^|[;{\s])(display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse))\b/i;

/** A CSS selector list one of whose selectors ends on a widget element (`.footer #yhy-append`, not `#yhy-append img`). */
function targetsWidget(selectorList: string, selectors: readonly string[]): boolean {
  return selectorList.split(',').some((sel) => {
    const key =
      sel
        .trim()
        .split(/\s*[>+~]\s*|\s+/)
        .pop() ?? '';
    return selectors.some((w) => new RegExp(`${w.replace(/[.#]/g, (c) => `\\${c}`)}(?![\\w-])`).test(key));
  });
}

/** CSS rules of one stylesheet text that hide a widget element: `{ selector, declaration }`. */
export function cssHiders(css: string, selectors: readonly string[]): { selector: string; declaration: string }[] {
  const out: { selector: string; declaration: string }[] = [];
  const clean = css.replace(/\/\*[\s\S]*?\*\//g, '');
  for (const m of clean.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const hide = HIDING_DECL.exec(m[2] ?? '');
    const selector = (m[1] ?? '').trim();
    if (hide?.[1] && targetsWidget(selector, selectors)) out.push({ selector, declaration: hide[1].replace(/\s+/g, '') });
  }
  return out;
}

// Statements that hide or remove what they were handed: `.remove()`, `removeChild(`, jQuery `.hide()`,
// `.style.display = 'none'`, `.css('display', 'none')`, `visibility = 'hidden'`, `setAttribute('style', 'display:none')`.
const HIDING_CODE =
  /\.remove\s*\(|removeChild\s*\(|\.hide\s*\(|\.detach\s*\(|display['"]?\s*[:=,]\s*['"]?\s*none|visibility['"]?\s*[:=,]\s*['"]?\s*hidden|outerHTML\s*=\s*(['"`])\1/;

/** Script statements naming a widget element and hiding or removing it. */
export function scriptHiders(js: string, selectors: readonly string[]): string[] {
  const { code } = splitJsComments(js);
  const names = selectors.map((s) => s.trim().replace(/^[#.]/, '')).filter(Boolean);
  const out: string[] = [];
  for (const name of names) {
    for (let at = code.indexOf(name); at >= 0; at = code.indexOf(name, at + name.length)) {
      // the statement naming the element, and the next one (`var w = …('yhy-append'); w.parentNode.removeChild(w);`)
      const start = Math.max(code.lastIndexOf(';', at), code.lastIndexOf('\n', at), code.lastIndexOf('{', at)) + 1;
      const first = code.indexOf(';', at);
      const second = first < 0 ? -1 : code.indexOf(';', first + 1);
      const end = Math.min(at + 240, second < 0 ? code.length : second + 1);
      const statement = code.slice(start, end);
      if (HIDING_CODE.test(statement)) out.push(statement.replace(/\s+/g, ' ').trim().slice(0, 200));
    }
  }
  return [...new Set(out)];
}

const JS_TYPES = /^(|text\/javascript|application\/javascript|module|text\/ecmascript|application\/ecmascript)$/i;

/** Every CSS rule and script of the home page (and its same-site stylesheets and scripts) that hides the widget. */
export function findWidgetHiders(
  $: CheerioAPI,
  base: string,
  stylesheets: ReadonlyMap<string, FetchResult>,
  scripts: ReadonlyMap<string, FetchResult>,
  selectors: readonly string[],
): WidgetHider[] {
  const out: WidgetHider[] = [];
  for (const el of tagged($, 'style')) {
    for (const h of cssHiders(textContent(el), selectors))
      out.push({ kind: 'css', evidence: { url: base, selector: `<style> ${h.selector}`, excerpt: `${h.selector} { ${h.declaration} }` } });
  }
  for (const [url, sheet] of stylesheets) {
    if (!sheet.ok || sheet.status >= 400) continue;
    for (const h of cssHiders(sheet.text, selectors))
      out.push({ kind: 'css', evidence: { url, selector: h.selector, excerpt: `${h.selector} { ${h.declaration} }` } });
  }
  for (const el of tagged($, 'script')) {
    // files are read below, from what the crawler fetched
    if (!JS_TYPES.test((el.attribs.type ?? '').trim()) || resolveHref(el.attribs.src, base)) continue;
    for (const s of scriptHiders(textContent(el), selectors))
      out.push({ kind: 'script', evidence: { url: base, selector: `${cssPath($, el.parent as Element)} > script`, excerpt: s } });
  }
  for (const [url, file] of scripts) {
    if (!file.ok || file.status >= 400) continue;
    for (const s of scriptHiders(file.text, selectors)) out.push({ kind: 'script', evidence: { url, selector: 'script', excerpt: s } });
  }
  return out;
}
