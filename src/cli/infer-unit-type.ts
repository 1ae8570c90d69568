// `check URL` without --type: the unit type read from what a school's site says about itself — the name given,
// the host ("thcs-binhan.hcm.edu.vn", "c2nguyendu…", "mnhoasen…") or the home page title ("Trường Tiểu học …").
import type { UnitType } from '../model/unit.js';
import { stripDiacritics } from '../util/text.js';

export type TypeSource = 'type' | 'name' | 'host' | 'title';

export interface InferredType {
  type: UnitType;
  from: TypeSource;
  /** The text it was read from. */
  evidence: string;
}

/** Phrases in a name or title, tried in order: multi-level schools before the levels they contain, schools before portals. */
const NAME_PATTERNS: readonly [RegExp, UnitType][] = [
  [
    /\b(lien cap|nhieu cap|tieu hoc va trung hoc co so|th (va|-|&) thcs|thcs (va|-|&) thpt|trung hoc co so va trung hoc pho thong|ththcs|thcsthpt)\b/,
    'lien-cap',
  ],
  [/\b(mam non|mau giao|nha tre|mn)\b/, 'mam-non'],
  [/\b(tieu hoc)\b/, 'tieu-hoc'],
  [/\b(trung hoc co so|thcs)\b/, 'thcs'],
  [/\b(trung hoc pho thong|thpt)\b/, 'thpt'],
  [/\b(giao duc thuong xuyen|gdtx|gdnn)\b/, 'gdtx'],
  [/\b(phong giao duc|phong gd|pgd)/, 'phong'],
  [/\b(so giao duc|so gd)/, 'so'],
];

/** Prefixes of the first host label that Vietnamese school hosts use (c1/c2/c3: cấp 1/2/3). */
const HOST_PATTERNS: readonly [RegExp, UnitType][] = [
  [/^(th-?thcs|thcs-?thpt|liencap)/, 'lien-cap'],
  [/^(thcs|c2)/, 'thcs'],
  [/^(thpt|c3)/, 'thpt'],
  [/^(tieuhoc|th[-_]|c1)/, 'tieu-hoc'],
  [/^(mamnon|maugiao|mn|mg)/, 'mam-non'],
  [/^(gdtx|ttgdtx|gdnn)/, 'gdtx'],
  [/^(pgd|phonggd)/, 'phong'],
  [/^(sgd|sogd)/, 'so'],
];

const plain = (text: string): string =>
  stripDiacritics(text.normalize('NFC').toLowerCase())
    .replace(/[^a-z0-9&-]+/g, ' ')
    .trim();

export function typeFromText(text: string): UnitType | undefined {
  const t = plain(text);
  return NAME_PATTERNS.find(([re]) => re.test(t))?.[1];
}

/** `provinces` (--province): their own portals ("hcm.edu.vn") are the Sở's. */
export function typeFromHost(host: string, provinces: readonly string[] = []): UnitType | undefined {
  const bare = host.toLowerCase().replace(/^www\./, '');
  if (provinces.some((p) => bare === `${p}.edu.vn`)) return 'so';
  return HOST_PATTERNS.find(([re]) => re.test(bare.split('.')[0] ?? ''))?.[1];
}

/** From what is known before the crawl: the name (if given), then the host. */
export function inferBeforeCrawl(name: string | undefined, host: string, provinces: readonly string[] = []): InferredType | undefined {
  const byName = name ? typeFromText(name) : undefined;
  if (byName && name) return { type: byName, from: 'name', evidence: name };
  const byHost = typeFromHost(host, provinces);
  return byHost ? { type: byHost, from: 'host', evidence: host } : undefined;
}
