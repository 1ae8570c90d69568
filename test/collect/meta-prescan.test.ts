// The WHATWG <meta> prescan over our own cases in the style of html5lib's encoding tests (fixtures/encoding/), and
// what decodeText makes of its answer.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PRESCAN_BYTES, charsetFromMetaContent, prescanMeta } from '../../src/collect/meta-prescan.js';
import { decodeText } from '../../src/collect/charset.js';

const DAT = fileURLToPath(new URL('../../fixtures/encoding/prescan.dat', import.meta.url));

/** `#data` / `#encoding` blocks; the data is bytes (latin1), without the newline that precedes `#encoding`. */
function readCases(text: string): { data: string; encoding: string }[] {
  return text
    .split(/^#data\n/m)
    .filter(Boolean)
    .map((block) => {
      const at = block.lastIndexOf('\n#encoding\n');
      return { data: block.slice(0, at), encoding: block.slice(at + '\n#encoding\n'.length).trim() };
    });
}

const CASES = readCases(readFileSync(DAT, 'utf8'));
/** What a browser decodes with: the prescan's answer, or the standard's default when it has none. */
const found = (data: string): string => {
  const r = prescanMeta(Buffer.from(data, 'latin1'));
  return r.decodeAs ? new TextDecoder(r.decodeAs).encoding : 'windows-1252';
};

describe('prescanMeta (fixtures/encoding/prescan.dat)', () => {
  it('has the cases of every kind', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(50);
    expect(CASES.some((c) => c.data.length > PRESCAN_BYTES)).toBe(true);
  });

  it.each(CASES.map((c, i) => [i + 1, JSON.stringify(c.data.slice(0, 90)), c] as const))('case %i: %s', (_n, _shown, c) => {
    expect(found(c.data)).toBe(new TextDecoder(c.encoding).encoding);
  });

  it('keeps the first label no decoder knows, and the label as declared', () => {
    expect(prescanMeta(Buffer.from('<meta charset="tcvn3"><meta charset="vni">'))).toEqual({ unknownLabel: 'tcvn3' });
    expect(prescanMeta(Buffer.from('<meta charset=" UTF-16 ">'))).toEqual({ label: 'utf-16', decodeAs: 'utf-8' });
    expect(prescanMeta(Buffer.from('<meta charset="bogus"><meta charset=Windows-1258>'))).toEqual({
      label: 'windows-1258',
      decodeAs: 'windows-1258',
      unknownLabel: 'bogus',
    });
  });

  it('extracts charset= from a content value as the standard does', () => {
    expect(charsetFromMetaContent('text/html; charset=windows-1258')).toBe('windows-1258');
    expect(charsetFromMetaContent('text/html; charset = "utf-8" ')).toBe('utf-8');
    expect(charsetFromMetaContent("charset='utf-8")).toBeUndefined(); // an unmatched quote gives nothing
    expect(charsetFromMetaContent('charsetx; charset=utf-8')).toBe('utf-8');
    expect(charsetFromMetaContent('text/html')).toBeUndefined();
  });
});

describe('decodeText with the prescan', () => {
  const bytes = (html: string): Buffer => Buffer.from(html, 'latin1');
  it('decodes by the <meta> the prescan chose, naming it as declared', () => {
    // 0xD0 is Đ in windows-1258 (Ð in windows-1252)
    const r = decodeText(
      Buffer.concat([bytes('<meta charset="bogus"><meta charset="windows-1258"><p>'), Buffer.from([0xd0]), bytes('ồng Nai')]),
      'text/html',
    );
    expect(r.charset).toMatchObject({ source: 'meta', declared: 'windows-1258', used: 'windows-1258' });
    expect(r.text).toContain('\u0110');
  });

  it('ignores charset= in a plain content attribute: the bytes decide (strict UTF-8 here)', () => {
    const r = decodeText(Buffer.from('<meta name="x" content="charset=windows-1258"><p>Trường</p>'), 'text/html');
    expect(r.charset).toMatchObject({ source: 'utf8-check', used: 'utf-8' });
    expect(r.charset.declared).toBeUndefined();
  });

  it('an unknown label decides nothing but stays the declared charset for the reports', () => {
    const r = decodeText(Buffer.from('<meta charset="tcvn3"><p>Trường</p>'), 'text/html');
    expect(r.charset).toMatchObject({ source: 'utf8-check', used: 'utf-8', declared: 'tcvn3' });
  });

  it('reads a feed’s XML declaration first, and nothing from a body not sniffed', () => {
    expect(decodeText(bytes('<?xml version="1.0" encoding="windows-1258"?><rss/>'), 'application/rss+xml').charset).toMatchObject({
      source: 'meta',
      declared: 'windows-1258',
    });
    expect(decodeText(bytes('<meta charset="windows-1258">'), 'text/plain', false).charset.source).toBe('utf8-check');
  });
});
