// File names made from registry data (unit ids, district names such as "Q.1/Thủ Đức"): whatever a registry holds,
// the name stays one plain file inside the folder it is written to, on Linux, macOS and Windows alike, and two
// units never share a file. Pure functions, tested in test/report/safe-file-name.test.ts.

/** Bytes of a name's stem, well under the 255-byte limit of common file systems, leaving room for a suffix. */
export const MAX_STEM_BYTES = 100;

const FALLBACK = 'khong-ten';
// path separators, the characters Windows forbids, control characters (C0, DEL, C1) and the Unicode
// bidirectional controls that make a name display other than it is
// eslint-disable-next-line no-control-regex -- control characters are what this removes
const UNSAFE = /[/\\<>:"|?*\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;
/** Windows device names, reserved with any extension and in any case ("con.pdf", "Com1.pdf"). */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/iu;

function cutToBytes(s: string, max: number): string {
  let out = '';
  let bytes = 0;
  for (const ch of s) {
    const n = Buffer.byteLength(ch, 'utf8');
    if (bytes + n > max) break;
    out += ch;
    bytes += n;
  }
  return out;
}

/**
 * A safe file stem (no extension) for `raw`: NFC, unsafe characters replaced by `_`, whitespace runs as one space,
 * no leading or trailing dots and spaces (so never `.`, `..` or a hidden file; Windows drops trailing ones), a
 * Windows device name prefixed with `_`, at most `maxBytes` UTF-8 bytes; never empty.
 */
export function safeFileStem(raw: string, maxBytes = MAX_STEM_BYTES): string {
  const clean = (s: string): string => s.replace(/^[\s.]+|[\s.]+$/gu, '');
  let stem = clean(raw.normalize('NFC').replace(UNSAFE, '_').replace(/\s+/gu, ' '));
  stem = clean(cutToBytes(stem, maxBytes));
  if (!stem) return FALLBACK;
  // "CON", and "CON.x" too: Windows reads the part before the first dot
  if (RESERVED.test(stem.split('.')[0]!.trim())) stem = cutToBytes(`_${stem}`, maxBytes);
  return stem;
}

/**
 * Hands out file names in one folder: each raw name made safe, then made unique against the names already given
 * (compared case-insensitively, as macOS and Windows do) with a `-2`, `-3`… suffix. Given the same names in the
 * same order, it gives the same files.
 */
export class FileNamer {
  private readonly taken = new Set<string>();
  constructor(
    private readonly extension: string,
    private readonly maxBytes = MAX_STEM_BYTES,
  ) {}

  name(raw: string): string {
    const stem = safeFileStem(raw, this.maxBytes);
    for (let n = 1; ; n += 1) {
      const suffix = n === 1 ? '' : `-${n}`;
      const candidate = `${n === 1 ? stem : safeFileStem(cutToBytes(stem, this.maxBytes - suffix.length), this.maxBytes)}${suffix}${this.extension}`;
      const key = candidate.toLocaleLowerCase('vi');
      if (!this.taken.has(key)) {
        this.taken.add(key);
        return candidate;
      }
    }
  }
}
