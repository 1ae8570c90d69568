// The WHATWG "prescan a byte stream to determine its encoding" (HTML Living Standard, 13.2.3.2), as browsers run it
// over the first 1024 bytes before parsing: comments skipped, attributes read the way the tokenizer reads them
// (quotes, case, duplicates), `charset=` taken from `content` only with `http-equiv="Content-Type"`, and a label
// that names no encoding passed over for the next `<meta>`. test/collect/meta-prescan.test.ts runs it on cases in
// the style of html5lib's encoding tests.

/** How many bytes the prescan looks at (the standard's figure, which browsers use). */
export const PRESCAN_BYTES = 1024;

export interface PrescanResult {
  /** The label the decisive `<meta>` gave, trimmed and lower-cased, when one named an encoding. */
  label?: string;
  /** What to decode with: `label`, except UTF-16 labels (a byte-oriented page cannot be UTF-16: UTF-8) and x-user-defined (windows-1252). */
  decodeAs?: string;
  /** The first label that named no encoding this runtime knows (e.g. a legacy Vietnamese `tcvn3`), kept for reports. */
  unknownLabel?: string;
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const isSpace = (b: number | undefined): boolean => b === 0x09 || b === 0x0a || b === 0x0c || b === 0x0d || b === 0x20;
const isAsciiLetter = (b: number | undefined): boolean => b !== undefined && ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a));
const lower = (b: number): number => (b >= 0x41 && b <= 0x5a ? b + 0x20 : b);

/** Thrown when an algorithm runs past the bytes it was given: the standard aborts the prescan then. */
class EndOfInput extends Error {}

/** Reads the bytes with the standard's "get an attribute"; `at` is moved as the standard moves its position. */
class Reader {
  at = 0;
  constructor(readonly bytes: Uint8Array) {}

  byte(): number {
    const b = this.bytes[this.at];
    if (b === undefined) throw new EndOfInput();
    return b;
  }

  startsWith(text: string, caseless = false): boolean {
    for (let i = 0; i < text.length; i++) {
      const b = this.bytes[this.at + i];
      if (b === undefined || (caseless ? lower(b) : b) !== text.charCodeAt(i)) return false;
    }
    return true;
  }

  /** Moves to the first byte `b` at or after the position; false when there is none. */
  advanceTo(b: number): boolean {
    const i = this.bytes.indexOf(b, this.at);
    if (i < 0) return false;
    this.at = i;
    return true;
  }

  /** The next attribute of the tag the position is in, or undefined at its `>`. Names and values are lower-cased. */
  attribute(): { name: string; value: string } | undefined {
    while (isSpace(this.byte()) || this.byte() === SLASH) this.at++;
    if (this.byte() === GT) return undefined;
    let name = '';
    let value = '';
    for (;;) {
      const b = this.byte();
      if (b === 0x3d && name !== '') {
        this.at++;
        break;
      }
      if (isSpace(b)) {
        while (isSpace(this.byte())) this.at++;
        if (this.byte() !== 0x3d) return { name, value };
        this.at++;
        break;
      }
      if (b === SLASH || b === GT) return { name, value };
      name += String.fromCharCode(lower(b));
      this.at++;
    }
    while (isSpace(this.byte())) this.at++;
    const first = this.byte();
    if (first === 0x22 || first === 0x27) {
      for (;;) {
        this.at++;
        const b = this.byte();
        if (b === first) {
          this.at++;
          return { name, value };
        }
        value += String.fromCharCode(lower(b));
      }
    }
    if (first === GT) return { name, value };
    for (;;) {
      const b = this.byte();
      if (isSpace(b) || b === GT) return { name, value };
      value += String.fromCharCode(lower(b));
      this.at++;
    }
  }
}

/** The standard's "extract a character encoding from a meta element" over a `content` value (already lower-case). */
export function charsetFromMetaContent(content: string): string | undefined {
  let at = 0;
  for (;;) {
    const i = content.indexOf('charset', at);
    if (i < 0) return undefined;
    at = i + 7;
    while (isSpace(content.charCodeAt(at))) at++;
    if (content[at] !== '=') continue;
    at++;
    while (isSpace(content.charCodeAt(at))) at++;
    const q = content[at];
    if (q === '"' || q === "'") {
      const end = content.indexOf(q, at + 1);
      return end < 0 ? undefined : content.slice(at + 1, end);
    }
    let end = at;
    while (end < content.length && !isSpace(content.charCodeAt(end)) && content[end] !== ';') end++;
    return end > at ? content.slice(at, end) : undefined;
  }
}

/** Whether this runtime decodes the label (TextDecoder knows the WHATWG labels and nothing else). */
function knownLabel(label: string): string | undefined {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return undefined;
  }
}

type MetaOutcome = { found: PrescanResult } | { unknown: string } | undefined;

/** One `<meta>`'s attributes, judged as the standard's "processing" step does. */
function judgeMeta(r: Reader): MetaOutcome {
  const seen = new Set<string>();
  let gotPragma = false;
  let needPragma: boolean | null = null;
  let charset: string | undefined;
  for (let attr = r.attribute(); attr; attr = r.attribute()) {
    if (seen.has(attr.name)) continue;
    seen.add(attr.name);
    if (attr.name === 'http-equiv') {
      if (attr.value === 'content-type') gotPragma = true;
    } else if (attr.name === 'content') {
      const fromContent = charset === undefined ? charsetFromMetaContent(attr.value) : undefined;
      if (fromContent !== undefined) {
        charset = fromContent;
        needPragma = true;
      }
    } else if (attr.name === 'charset') {
      charset = attr.value;
      needPragma = false;
    }
  }
  if (needPragma === null || (needPragma && !gotPragma) || charset === undefined) return undefined;
  const label = charset.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '');
  const encoding = knownLabel(label);
  if (!encoding) return label ? { unknown: label } : undefined;
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return { found: { label, decodeAs: 'utf-8' } };
  if (encoding === 'x-user-defined') return { found: { label, decodeAs: 'windows-1252' } };
  return { found: { label, decodeAs: label } };
}

/** Runs the prescan over the first PRESCAN_BYTES bytes. */
export function prescanMeta(bytes: Uint8Array): PrescanResult {
  const r = new Reader(bytes.subarray(0, PRESCAN_BYTES));
  let unknownLabel: string | undefined;
  const result = (found?: PrescanResult): PrescanResult => ({ ...found, ...(unknownLabel !== undefined ? { unknownLabel } : {}) });
  try {
    while (r.at < r.bytes.length) {
      if (r.byte() !== LT) {
        r.at++;
        continue;
      }
      if (r.startsWith('<!--')) {
        // the `>` of the first `-->` after `<!`, so `<!-->` is a whole comment
        r.at += 2;
        const end = indexOf(r.bytes, '-->', r.at);
        if (end < 0) return result();
        r.at = end + 3;
        continue;
      }
      if (r.startsWith('<meta', true) && (isSpace(r.bytes[r.at + 5]) || r.bytes[r.at + 5] === SLASH)) {
        r.at += 5;
        const outcome = judgeMeta(r);
        if (outcome && 'found' in outcome) return result(outcome.found);
        if (outcome && 'unknown' in outcome) unknownLabel ??= outcome.unknown;
        r.at++;
        continue;
      }
      const next = r.bytes[r.at + 1];
      if (isAsciiLetter(next) || (next === SLASH && isAsciiLetter(r.bytes[r.at + 2]))) {
        // another tag: its attributes are read (a `>` inside a quoted value does not end it), then skipped
        r.at += next === SLASH ? 2 : 1;
        while (!isSpace(r.byte()) && r.byte() !== GT) r.at++;
        while (r.attribute());
        r.at++;
        continue;
      }
      if (next === 0x21 || next === SLASH || next === 0x3f) {
        r.at++;
        if (!r.advanceTo(GT)) return result();
        r.at++;
        continue;
      }
      r.at++;
    }
  } catch (error) {
    if (!(error instanceof EndOfInput)) throw error;
  }
  return result();
}

function indexOf(bytes: Uint8Array, text: string, from: number): number {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(text, from, 'latin1');
}
