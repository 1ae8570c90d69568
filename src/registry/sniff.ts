// What a registry file holds, read from its first bytes rather than its name: offices rename files ("ds.xlsx" that
// is a CSV) and save old formats (.xls, .ods, or an HTML table a program called .xls).

export type Sniffed = { kind: 'csv' | 'xlsx' | 'json' } | { kind: 'refuse'; what: 'xls' | 'ods' | 'html' } | { kind: 'unknown' };

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean => magic.every((b, i) => bytes[i] === b);

/** The opening text, whatever its encoding, for a look at the first characters. */
function head(bytes: Uint8Array): string {
  const slice = bytes.subarray(0, 2048);
  const le = slice[0] === 0xff && slice[1] === 0xfe;
  const be = slice[0] === 0xfe && slice[1] === 0xff;
  const text = new TextDecoder(le ? 'utf-16le' : be ? 'utf-16be' : 'utf-8').decode(slice);
  return text
    .replace(/^\uFEFF/, '')
    .replaceAll('\u0000', '')
    .trimStart();
}

export function sniffFormat(bytes: Uint8Array): Sniffed {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // ODF stores an uncompressed `mimetype` entry first; XLSX never does
    const opening = new TextDecoder('latin1').decode(bytes.subarray(0, 120));
    return opening.includes('application/vnd.oasis.opendocument') ? { kind: 'refuse', what: 'ods' } : { kind: 'xlsx' };
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { kind: 'refuse', what: 'xls' };
  const text = head(bytes);
  if (/^<(?:!doctype|html|table|\?xml|meta|head|body)/i.test(text)) return { kind: 'refuse', what: 'html' };
  if (text.startsWith('[') || text.startsWith('{')) return { kind: 'json' };
  // Binary data (a PDF, an image) has control bytes that no CSV holds.
  const sample = bytes.subarray(0, 1024);
  const utf16 = (sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff) || zeroEveryOther(sample);
  if (!utf16 && sample.some((b) => b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b))) return { kind: 'unknown' };
  return { kind: 'csv' };
}

function zeroEveryOther(sample: Uint8Array): boolean {
  let zeros = 0;
  for (const b of sample) if (b === 0) zeros += 1;
  return sample.length >= 4 && zeros > sample.length * 0.3;
}
