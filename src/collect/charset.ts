// Text decoding of a fetched body: BOM → Content-Type charset → <meta>/XML prescan → strict UTF-8 → windows-1258.
// The fallback is windows-1258 because legacy Vietnamese sites that declare nothing are mostly in it.
import type { CharsetInfo } from '../model/artifacts.js';

const BOMS: [number[], string][] = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xfe, 0xff], 'utf-16be'],
  [[0xff, 0xfe], 'utf-16le'],
];

/** The charset parameter of a Content-Type header, lower-cased, quotes removed. */
export function charsetFromContentType(contentType: string | undefined): string | undefined {
  const m = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType ?? '');
  return m?.[2]?.toLowerCase();
}

/** HTML prescan of the first 4 KB (simplified from the WHATWG algorithm) plus the XML declaration for feeds. */
export function prescanCharset(bytes: Buffer): string | undefined {
  const head = bytes.subarray(0, 4096).toString('latin1');
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i.exec(head);
  if (xml?.[1]) return xml[1].toLowerCase();
  const noComments = head.replace(/<!--[\s\S]*?-->/g, '');
  for (const tag of noComments.match(/<meta\b[^>]*>/gi) ?? []) {
    // Matches both <meta charset="x"> and the charset= inside <meta http-equiv="Content-Type" content="…">.
    const m = /[\s;"']charset\s*=\s*["']?\s*([^"'\s/>;]+)/i.exec(tag);
    if (m?.[1]) return m[1].toLowerCase();
  }
  return undefined;
}

type Decoder = InstanceType<typeof TextDecoder>;

function tryDecoder(label: string): Decoder | undefined {
  try {
    return new TextDecoder(label);
  } catch {
    return undefined;
  }
}

const LETTER = /\p{L}/u;

/** Letters, and letters followed by a combining mark U+0300–U+036F (decomposed, as windows-1258 yields). */
export function countLetters(text: string): { letters: number; decomposedLetters: number } {
  let letters = 0;
  let decomposedLetters = 0;
  let prevLetter = false;
  let prevCounted = false;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp >= 0x300 && cp <= 0x36f) {
      if (prevLetter && !prevCounted) {
        decomposedLetters++;
        prevCounted = true;
      }
      continue;
    }
    // ASCII decides without the Unicode-property regex: most of a page's characters are markup-free ASCII text.
    prevLetter = cp < 0x80 ? (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) : LETTER.test(ch);
    prevCounted = false;
    if (prevLetter) letters++;
  }
  return { letters, decomposedLetters };
}

function finish(bytes: Buffer, dec: Decoder, info: Omit<CharsetInfo, 'letters' | 'decomposedLetters' | 'used'>): { text: string; charset: CharsetInfo } {
  const raw = dec.decode(bytes);
  return { text: raw.normalize('NFC'), charset: { ...info, used: dec.encoding, ...countLetters(raw) } };
}

/**
 * Decodes a body to NFC text and says how the charset was chosen. `sniff` enables the <meta> prescan
 * (feeds use their XML declaration through the same prescan).
 */
export function decodeText(bytes: Buffer, contentType: string | undefined, sniff = true): { text: string; charset: CharsetInfo } {
  for (const [sig, label] of BOMS) {
    if (sig.every((b, i) => bytes[i] === b)) {
      // TextDecoder strips the BOM itself (ignoreBOM defaults to false).
      return finish(bytes, new TextDecoder(label), { source: 'bom' });
    }
  }
  const header = charsetFromContentType(contentType);
  if (header) {
    const dec = tryDecoder(header);
    return finish(bytes, dec ?? new TextDecoder('utf-8'), { declared: header, source: 'header' });
  }
  const meta = sniff ? prescanCharset(bytes) : undefined;
  if (meta) {
    const dec = tryDecoder(meta);
    return finish(bytes, dec ?? new TextDecoder('utf-8'), { declared: meta, source: 'meta' });
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.normalize('NFC'), charset: { source: 'utf8-check', used: 'utf-8', ...countLetters(text) } };
  } catch {
    return finish(bytes, new TextDecoder('windows-1258'), { source: 'fallback' });
  }
}
