// Registry text as offices save it: UTF-8 (with or without BOM), Excel's "Unicode Text" (UTF-16LE with BOM),
// UTF-16BE; anything else is most likely windows-1258, which we name (at the cell that holds it) but never guess into
// the audit: a wrong guess would put plausible mojibake in every report.

export type Decoded =
  | { ok: true; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' }
  /** Not UTF-8: `lossy` has U+FFFD where the bad bytes were; `asWindows1258` the same bytes read as windows-1258. */
  | { ok: false; lossy: string; asWindows1258: string };

/** UTF-16 without BOM: every other byte of ASCII text is zero. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length - (bytes.length % 2), 512);
  if (n < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero += 1;
    if (bytes[i + 1] === 0) oddZero += 1;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return 'utf-16be';
  return undefined;
}

export function decodeText(bytes: Uint8Array): Decoded {
  const utf16 =
    bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : utf16WithoutBom(bytes);
  if (utf16) return { ok: true, text: new TextDecoder(utf16).decode(bytes).normalize('NFC'), encoding: utf16 };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).normalize('NFC'), encoding: 'utf-8' };
  } catch {
    // windows-1258 writes tones as combining marks after the vowel: NFC makes them the letters people typed
    return {
      ok: false,
      lossy: new TextDecoder('utf-8').decode(bytes),
      asWindows1258: new TextDecoder('windows-1258').decode(bytes).normalize('NFC'),
    };
  }
}
