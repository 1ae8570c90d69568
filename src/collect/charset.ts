// Text decoding of a fetched body: BOM → Content-Type charset → XML declaration / WHATWG <meta> prescan → strict
// UTF-8 → windows-1258.
// The fallback is windows-1258 because legacy Vietnamese sites that declare nothing are mostly in it.
import type { CharsetInfo } from '../model/artifacts.js';
import { PRESCAN_BYTES, prescanMeta } from './meta-prescan.js';

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

/** The encoding of an XML declaration at the start (feeds, XHTML), lower-cased. */
function xmlEncoding(bytes: Buffer): string | undefined {
  const head = bytes.subarray(0, PRESCAN_BYTES).toString('latin1');
  return /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i.exec(head)?.[1]?.toLowerCase();
}

/** The label a body declares in its XML declaration or, by the WHATWG prescan, in a `<meta>` (src/collect/meta-prescan.ts). */
export function prescanCharset(bytes: Buffer): string | undefined {
  return xmlEncoding(bytes) ?? prescanMeta(bytes).label;
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
/** Whether each BMP code unit is a letter: the count runs over every character of every page, so no regex per character. */
let letterTable: Uint8Array | undefined;
function letters16(): Uint8Array {
  if (!letterTable) {
    letterTable = new Uint8Array(0x10000);
    for (let c = 0; c < 0x10000; c++) if (c < 0xd800 || c > 0xdfff) letterTable[c] = LETTER.test(String.fromCharCode(c)) ? 1 : 0;
  }
  return letterTable;
}

/** Letters, and letters followed by a combining mark U+0300–U+036F (decomposed, as windows-1258 yields). */
export function countLetters(text: string): { letters: number; decomposedLetters: number } {
  const table = letters16();
  let letters = 0;
  let decomposedLetters = 0;
  let prevLetter = false;
  let prevCounted = false;
  for (let i = 0; i < text.length; i++) {
    const cu = text.charCodeAt(i);
    if (cu >= 0x300 && cu <= 0x36f) {
      if (prevLetter && !prevCounted) {
        decomposedLetters++;
        prevCounted = true;
      }
      continue;
    }
    if (cu >= 0xd800 && cu <= 0xdbff && i + 1 < text.length) {
      // A character outside the BMP: one letter or not, by its whole code point.
      const cp = text.codePointAt(i) ?? 0;
      prevLetter = LETTER.test(String.fromCodePoint(cp));
      i++;
    } else {
      prevLetter = table[cu] === 1;
    }
    prevCounted = false;
    if (prevLetter) letters++;
  }
  return { letters, decomposedLetters };
}

export interface DecodedText {
  text: string;
  charset: CharsetInfo;
  /** The text's UTF-8 is exactly the body's bytes (UTF-8 with no BOM, nothing replaced, already NFC). */
  sameBytes: boolean;
  /** Present while `charset.letters` is still to be counted: where to read the text from then (see `withLetters`). */
  relinkLetters?: (source: () => string) => void;
}

const MARKS = /[\u0300-\u036f]/;
const constant =
  (text: string): (() => string) =>
  () =>
    text;
type Info = Omit<CharsetInfo, 'letters' | 'decomposedLetters'>;

/**
 * `info` with the letter counts of `raw` (decoded, before NFC; `text` after). Counting every character of every page
 * was ~3 % of an audit's CPU, and only a page with decomposed letters needs its letter count (unicode-tcvn6909 reads
 * it then; --save-artifacts writes it). A text with no mark U+0300–U+036F has no decomposed letter; when NFC also left
 * it unchanged, its letters are counted on first read, from the text itself or from where `relinkLetters` says (the
 * page's own text: the facts then hold no copy of a text the page keeps compact).
 */
function withLetters(info: Info, raw: string, text: string): Pick<DecodedText, 'charset' | 'relinkLetters'> {
  if (raw !== text || MARKS.test(raw)) return { charset: { ...info, ...countLetters(raw) } };
  // not `() => text` here: the getter's closures would share its scope and keep the text after a relink
  let source: (() => string) | undefined = constant(text);
  let letters: number | undefined;
  // defined one by one: an accessor in an object literal goes after its data properties, and the key order shows in
  // the artifact archive's JSON
  const charset = { ...info } as CharsetInfo;
  Object.defineProperty(charset, 'letters', {
    enumerable: true,
    configurable: true,
    get(): number {
      if (letters === undefined) letters = countLetters((source as () => string)()).letters;
      source = undefined;
      return letters;
    },
    set(n: number) {
      letters = n;
      source = undefined;
    },
  });
  charset.decomposedLetters = 0;
  return { charset, relinkLetters: (s) => void (source &&= s) };
}

/**
 * Whether `text`, decoded from `bytes` as UTF-8 and NFC-normalised (`raw` before that), encodes back to the same
 * bytes: then a page waiting in compact form keeps the body itself instead of encoding its text again. A replacement
 * character may stand for bytes that were not UTF-8, so a text with one never counts.
 */
const encodesBack = (raw: string, text: string, encoding: string, bom: boolean): boolean =>
  encoding === 'utf-8' && !bom && raw === text && !raw.includes('\uFFFD');

function finish(bytes: Buffer, dec: Decoder, info: Omit<Info, 'used'>): DecodedText {
  const raw = dec.decode(bytes);
  const text = raw.normalize('NFC');
  return {
    text,
    ...withLetters({ ...info, used: dec.encoding }, raw, text),
    sameBytes: encodesBack(raw, text, dec.encoding, info.source === 'bom'),
  };
}

/**
 * Decodes a body to NFC text and says how the charset was chosen. `sniff` enables the <meta> prescan
 * (feeds use their XML declaration through the same prescan).
 */
export function decodeText(bytes: Buffer, contentType: string | undefined, sniff = true): DecodedText {
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
  const xml = sniff ? xmlEncoding(bytes) : undefined;
  if (xml) return finish(bytes, tryDecoder(xml) ?? new TextDecoder('utf-8'), { declared: xml, source: 'meta' });
  const meta = sniff ? prescanMeta(bytes) : {};
  if (meta.decodeAs) return finish(bytes, new TextDecoder(meta.decodeAs), { declared: meta.label ?? meta.decodeAs, source: 'meta' });
  // a label no decoder knows (a legacy Vietnamese `tcvn3`) decides nothing, as in a browser, but reports still name it
  const declared = meta.unknownLabel !== undefined ? { declared: meta.unknownLabel } : {};
  try {
    const raw = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    const text = raw.normalize('NFC');
    return {
      text,
      ...withLetters({ ...declared, source: 'utf8-check', used: 'utf-8' }, raw, text),
      sameBytes: encodesBack(raw, text, 'utf-8', false),
    };
  } catch {
    return finish(bytes, new TextDecoder('windows-1258'), { ...declared, source: 'fallback' });
  }
}
