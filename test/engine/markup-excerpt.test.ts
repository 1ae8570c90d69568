import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../src/collect/parse.js';
import { markupExcerpt } from '../../src/engine/markup-excerpt.js';

describe('markupExcerpt', () => {
  it('keeps Vietnamese letters as letters and escapes only markup characters', () => {
    const $ = parseHtml('<marquee title="Nhập từ khóa">Chào   mừng\n quý khách &amp; &lt;b&gt;</marquee>');
    const el = $('marquee')[0]!;
    expect(markupExcerpt($, el, 200)).toBe('<marquee title="Nhập từ khóa">Chào mừng quý khách &amp; &lt;b&gt;</marquee>');
    expect(markupExcerpt($, el, 200)).not.toMatch(/&#x/);
    expect(markupExcerpt($, el, 10)).toBe('<marquee t');
  });
});
