import { describe, expect, it } from 'vitest';
import type { Element } from 'domhandler';
import { parseHtml } from '../../src/collect/parse.js';
import { hidingCss, hidingStyle, ownHiddenReason } from '../../src/engine/visibility.js';

const page = (styles: string[], body = '<div class="x" id="i">a</div><div class="y">b</div>') =>
  parseHtml(`<html><head>${styles.map((s) => `<style>${s}</style>`).join('')}</head><body>${body}</body></html>`);
const reasonOf = ($: ReturnType<typeof parseHtml>, selector: string): string | undefined =>
  ownHiddenReason($(selector).get(0) as Element, hidingCss($));

describe('hidingCss, remembered per style block', () => {
  it('gives each page the rules of its own style text, whatever was read before', () => {
    expect(reasonOf(page(['.x{display:none}']), '.x')).toBe('.x { display:none }');
    // same CSS on another page: the same rules
    expect(reasonOf(page(['.x{display:none}'], '<p class="x">c</p>'), 'p')).toBe('.x { display:none }');
    // a block of the same length, other rules: nothing of the first block's
    const other = page(['.y{display:none}']);
    expect(reasonOf(other, '.x')).toBeUndefined();
    expect(reasonOf(other, '.y')).toBe('.y { display:none }');
    expect(reasonOf(page([]), '.x')).toBeUndefined();
  });

  it('reads several blocks in document order, a later rule for a class or id replacing an earlier one', () => {
    const $ = page(['.x{display:none} #i{opacity:0}', '.x{visibility:hidden}', '.y{font-size:0}']);
    const css = hidingCss($);
    expect(css.classes.get('x')).toBe('.x { visibility:hidden }');
    expect(css.classes.get('y')).toBe('.y { font-size:0 }');
    expect(css.ids.get('i')).toBe('#i { opacity:0 }');
    // the blocks' own rules, read again alone, are unchanged by the merge
    expect(hidingCss(page(['.x{display:none} #i{opacity:0}'])).classes.get('x')).toBe('.x { display:none }');
    expect(hidingCss(page(['.x{display:none} #i{opacity:0}'])).classes.has('y')).toBe(false);
  });
});

describe('hidingStyle', () => {
  it('finds hiding values behind upper case, whitespace and comments, and rules out blocks without one', () => {
    expect(hidingStyle('DISPLAY : /* x */ NONE')).toBe('display:none');
    expect(hidingStyle('color:red;visibility:\n\tcollapse')).toBe('visibility:hidden');
    expect(hidingStyle('opacity: /* a */ /* b */ 0')).toBe('opacity:0');
    expect(hidingStyle('font-size:0px')).toBe('font-size:0');
    expect(hidingStyle('height:0;overflow: Hidden')).toBe('zero size');
    expect(hidingStyle('position:absolute; left: -9999px')).toBe('off-screen');
    expect(hidingStyle('margin:0 auto;color:#333')).toBeUndefined();
    expect(hidingStyle('display:block;color:navy')).toBeUndefined();
    // a value commented out does not hide
    expect(hidingStyle('/* display:none */ display:block')).toBeUndefined();
    expect(hidingStyle('display:/* none */block')).toBeUndefined();
  });
});
