// Signs that a page is not Unicode Vietnamese (TCVN 6909:2001): legacy TCVN3/VNI fonts in CSS or <font face>, a legacy
// charset, and mojibake (UTF-8 bytes read as Latin-1). Pure functions over a parsed page.
import type { CheerioAPI } from 'cheerio';
import { domIndex, tagged, textContent } from '../page/dom-index.js';
import { cssPath } from '../page/links.js';

export interface LegacyFontUse {
  font: string;
  /** The CSS selector of the <style> rule, or the path of the element with the style attribute / <font face>. */
  selector: string;
  where: 'style' | 'style-attribute' | 'font-face';
}

const unquote = (s: string): string =>
  s
    .replace(/!important/i, '')
    .trim()
    .replace(/^["']|["']$/g, '')
    .trim();

/** The legacy family named in one `font`/`font-family` value, if any (`12pt .VnTime` → `.VnTime`). */
export function legacyFamily(value: string, patterns: readonly RegExp[]): string | undefined {
  for (const part of value.split(',')) {
    const words = unquote(part).split(/\s+/);
    // A `font:` shorthand puts style, size and line height before the family: try every suffix of the words.
    for (let i = 0; i < words.length; i++) {
      const candidate = unquote(words.slice(i).join(' '));
      if (candidate && patterns.some((p) => p.test(candidate))) return candidate;
    }
  }
  return undefined;
}

function fontValues(declarations: string): string[] {
  return [...declarations.matchAll(/(?:^|[;{\s])font(?:-family)?\s*:\s*([^;}]+)/gi)].map((m) => m[1] ?? '');
}

export const fontPatterns = (sources: readonly string[]): RegExp[] => sources.map((s) => new RegExp(s, 'i'));

const FONT = /font/i;

/** Every use of a legacy Vietnamese font in the page's own CSS and markup. */
export function legacyFontUses($: CheerioAPI, patterns: readonly RegExp[]): LegacyFontUse[] {
  const out: LegacyFontUse[] = [];
  for (const el of tagged($, 'style')) {
    // Old pages wrap their CSS in <!-- --> for browsers of the 1990s.
    const css = textContent(el)
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/<!--|-->/g, '');
    // a font is named only in a `font` or `font-family` declaration: blocks (and sheets) without the word are skipped
    if (!FONT.test(css)) continue;
    for (const m of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
      if (!FONT.test(m[2] ?? '')) continue;
      for (const v of fontValues(m[2] ?? '')) {
        const font = legacyFamily(v, patterns);
        if (font) out.push({ font, selector: (m[1] ?? '').trim().replace(/\s+/g, ' '), where: 'style' });
      }
    }
  }
  for (const el of domIndex($).elements) {
    const style = el.attribs.style;
    if (style === undefined || !FONT.test(style)) continue;
    for (const v of fontValues(style)) {
      const font = legacyFamily(v, patterns);
      if (font) out.push({ font, selector: cssPath($, el), where: 'style-attribute' });
    }
  }
  for (const el of tagged($, 'font')) {
    if (el.attribs.face === undefined) continue;
    const font = legacyFamily(el.attribs.face, patterns);
    if (font) out.push({ font, selector: cssPath($, el), where: 'font-face' });
  }
  return out;
}

/** True when a charset name (declared or used) is a legacy Vietnamese encoding. */
export function isLegacyCharset(name: string | undefined, legacy: readonly string[]): boolean {
  if (!name) return false;
  const n = name.trim().toLowerCase();
  return legacy.includes(n);
}

/** How many mojibake markers the text holds, and an excerpt around the first. */
export function findMojibake(text: string, markers: readonly string[]): { count: number; excerpt: string } {
  let count = 0;
  let first = -1;
  for (const marker of markers) {
    if (!marker) continue;
    for (let at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + marker.length)) {
      count++;
      if (first < 0 || at < first) first = at;
    }
  }
  const excerpt =
    first < 0
      ? ''
      : text
          .slice(Math.max(0, first - 40), first + 80)
          .replace(/\s+/g, ' ')
          .trim();
  return { count, excerpt };
}
