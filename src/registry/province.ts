// Province cells as offices fill them: the domain code ("hcm", "haiphong|haiduong") or the province's name
// ("Hồ Chí Minh", "TP. Hải Phòng", "Tỉnh Quảng Trị"), which is read as the code its domains use.
import { labelKey } from './unit-type.js';

const CODE = /^[a-z0-9-]+$/;
/** A name: letters (any script), spaces and dashes, after an optional "Tỉnh" / "Thành phố" / "TP." prefix. */
const NAME = /^[\p{L}\p{M}][\p{L}\p{M}\s\-–]*$/u;
const PREFIX = /^(?:tỉnh|thành\s+phố|t\.?\s?p\.?)\s*/iu;

/** Names whose domain code is not the name without diacritics and spaces (labelKey of the name → code). */
const CODE_OF_NAME = new Map<string, string>([
  ['hochiminh', 'hcm'],
  ['hcm', 'hcm'],
  ['saigon', 'hcm'],
]);

export type ProvinceReading = { code: string; fromName: boolean } | undefined;

/** The domain code a province cell means, or undefined when it is neither a code nor a province's name. */
export function readProvince(written: string): ProvinceReading {
  const lower = written.toLowerCase();
  if (CODE.test(lower)) return { code: lower, fromName: false };
  const name = written.normalize('NFC').replace(PREFIX, '').trim();
  if (!NAME.test(name)) return undefined;
  const key = labelKey(name);
  if (key === '') return undefined;
  return { code: CODE_OF_NAME.get(key) ?? key, fromName: true };
}
