import { gzipSync, brotliCompressSync, deflateSync, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { countLetters, decodeText, prescanCharset } from '../../src/collect/charset.js';
import { readDecoded, TooLargeError } from '../../src/collect/decode.js';

async function* chunks(buf: Buffer, size = 16 * 1024): AsyncGenerator<Buffer> {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

// "Trường" in windows-1258: ư = FD, ơ = F5, combining grave = CC (the tone mark is a separate character).
const TRUONG_1258 = Buffer.from([0x54, 0x72, 0xfd, 0xf5, 0xcc, 0x6e, 0x67]);

describe('readDecoded', () => {
  const text = Buffer.from('Xin chào các em học sinh. '.repeat(200));
  it.each([
    ['gzip', gzipSync(text)],
    ['x-gzip', gzipSync(text)],
    ['deflate', deflateSync(text)],
    ['deflate', deflateRawSync(text)],
    ['br', brotliCompressSync(text)],
    [undefined, text],
  ])('decodes %s', async (enc, body) => {
    expect((await readDecoded(chunks(body), enc, 1 << 20)).equals(text)).toBe(true);
  });

  it('stops a gzip bomb at the cap, counting decoded bytes', async () => {
    const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(100 * 1024);
    let pulled = 0;
    async function* counted(): AsyncGenerator<Buffer> {
      for await (const c of chunks(bomb, 1024)) {
        pulled += c.length;
        yield c;
      }
    }
    await expect(readDecoded(counted(), 'gzip', 1024 * 1024)).rejects.toBeInstanceOf(TooLargeError);
    // Stopped early: far from reading the whole compressed body.
    expect(pulled).toBeLessThan(bomb.length);
  });

  it('caps identity bodies too', async () => {
    await expect(readDecoded(chunks(Buffer.alloc(2048)), undefined, 1000)).rejects.toBeInstanceOf(TooLargeError);
  });
});

describe('decodeText', () => {
  it('TextDecoder gives the decomposed form for windows-1258', () => {
    expect(new TextDecoder('windows-1258').decode(TRUONG_1258)).toBe('Tr\u01b0\u01a1\u0300ng');
  });

  it('decodes windows-1258 declared in the header to NFC and counts decomposed letters', () => {
    const { text, charset } = decodeText(TRUONG_1258, 'text/html; charset=windows-1258');
    expect(text).toBe('Trường');
    expect(text).toBe(text.normalize('NFC'));
    expect(charset).toMatchObject({ declared: 'windows-1258', source: 'header', used: 'windows-1258', letters: 6, decomposedLetters: 1 });
  });

  it("says when the text is exactly the body's UTF-8 (a waiting page then keeps the body), and only then", () => {
    const same = (bytes: Buffer, type = 'text/html; charset=utf-8'): boolean => {
      const d = decodeText(bytes, type);
      // the flag must never be set for a text whose UTF-8 differs from the body
      if (d.sameBytes) expect(Buffer.from(d.text, 'utf8').equals(bytes)).toBe(true);
      return d.sameBytes;
    };
    expect(same(Buffer.from('<p>Trường học</p>'))).toBe(true);
    expect(same(Buffer.from('<p>Trường học</p>'), 'text/html')).toBe(true); // undeclared, valid UTF-8
    expect(same(Buffer.from('\ufeff<p>Trường</p>'))).toBe(false); // the BOM is not in the text
    expect(same(Buffer.from('<p>Tr\u01b0\u01a1\u0300ng</p>'))).toBe(false); // decomposed: the text is its NFC
    expect(same(Buffer.from([0x3c, 0x70, 0x3e, 0xff, 0x3c]))).toBe(false); // not UTF-8: a replacement character
    expect(same(Buffer.from('<p>\ufffd</p>'))).toBe(false); // one written in the page is not told apart
    expect(same(TRUONG_1258, 'text/html; charset=windows-1258')).toBe(false);
  });

  it('finds the charset in <meta http-equiv> and <meta charset>', () => {
    const page = (meta: string): Buffer =>
      Buffer.concat([Buffer.from(`<html><head>${meta}</head><body>`), TRUONG_1258, Buffer.from('</body></html>')]);
    const a = decodeText(page('<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">'), 'text/html');
    expect(a.charset).toMatchObject({ source: 'meta', declared: 'windows-1258', used: 'windows-1258' });
    expect(a.text).toContain('Trường');
    const b = decodeText(page('<meta charset="windows-1258">'), 'text/html');
    expect(b.charset.source).toBe('meta');
    expect(prescanCharset(Buffer.from('<!-- <meta charset="koi8-r"> --><meta charset=utf-8>'))).toBe('utf-8');
  });

  it('detects undeclared UTF-8 and falls back to windows-1258 otherwise', () => {
    expect(decodeText(Buffer.from('<p>Trường học</p>'), 'text/html').charset).toMatchObject({ source: 'utf8-check', used: 'utf-8' });
    const legacy = decodeText(TRUONG_1258, 'text/html');
    expect(legacy.charset).toMatchObject({ source: 'fallback', used: 'windows-1258' });
    expect(legacy.text).toBe('Trường');
  });

  it('honours a BOM over the header', () => {
    const r = decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Việt')]), 'text/html; charset=iso-8859-1');
    expect(r.charset.source).toBe('bom');
    expect(r.text).toBe('Việt');
  });

  it('keeps an unknown label as declared and decodes as UTF-8', () => {
    const r = decodeText(Buffer.from('Hà Nội'), 'text/html; charset=x-vni');
    expect(r.charset).toMatchObject({ declared: 'x-vni', used: 'utf-8' });
    expect(r.text).toBe('Hà Nội');
  });

  it('counts NFD letters in UTF-8 text before normalising', () => {
    const nfd = 'Trường học'.normalize('NFD');
    const r = decodeText(Buffer.from(nfd), 'text/html; charset=utf-8');
    expect(r.text).toBe('Trường học');
    expect(r.charset.letters).toBe(9);
    // Full NFD: ư (u + horn), ờ (o + horn + grave), ọ (o + dot below); one letter counts once.
    expect(r.charset.decomposedLetters).toBe(3);
    expect(countLetters('abc')).toEqual({ letters: 3, decomposedLetters: 0 });
  });

  it('counts the letters of the text as decoded, before NFC, also when they are counted on first read', () => {
    // no mark U+0300–U+036F and unchanged by NFC: counted when read, from the text or where relinkLetters points
    const nfc = decodeText(Buffer.from('Trường học'), 'text/html; charset=utf-8');
    expect(nfc.charset).toEqual({ declared: 'utf-8', source: 'header', used: 'utf-8', letters: 9, decomposedLetters: 0 });
    expect(Object.keys(nfc.charset)).toEqual(['declared', 'source', 'used', 'letters', 'decomposedLetters']);
    const relinked = decodeText(Buffer.from('Trường học'), 'text/html; charset=utf-8');
    relinked.relinkLetters?.(() => 'Trường');
    expect(relinked.charset.letters).toBe(6);
    // changed by NFC without such a mark (Hangul jamo compose into one syllable): counted at once, on the raw text
    const jamo = decodeText(Buffer.from('\u1112\u1161 a'), 'text/html; charset=utf-8');
    expect(jamo.text).toBe('\ud558 a');
    expect(jamo.charset).toMatchObject({ letters: 3, decomposedLetters: 0 });
    expect(jamo.relinkLetters).toBeUndefined();
  });
});
