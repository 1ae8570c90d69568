// A registry row after validation: the unit the audit judges.
export const UNIT_TYPES = ['so', 'phong', 'mam-non', 'tieu-hoc', 'thcs', 'thpt', 'lien-cap', 'gdtx', 'khac'] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

/** `so` and `phong` are portals; every other type is a school (docs/catalogue.md, "Units and registry"). */
export const PORTAL_TYPES: readonly UnitType[] = ['so', 'phong'];
export const isPortal = (t: UnitType): boolean => PORTAL_TYPES.includes(t);

export const UNIT_TYPE_LABELS: Record<UnitType, { vi: string; en: string }> = {
  so: { vi: 'Sở GDĐT', en: 'Department of Education' },
  phong: { vi: 'Phòng GDĐT', en: 'District education office' },
  'mam-non': { vi: 'Mầm non', en: 'Pre-school' },
  'tieu-hoc': { vi: 'Tiểu học', en: 'Primary school' },
  thcs: { vi: 'THCS', en: 'Lower secondary school' },
  thpt: { vi: 'THPT', en: 'Upper secondary school' },
  'lien-cap': { vi: 'Phổ thông nhiều cấp', en: 'Multi-level school' },
  gdtx: { vi: 'TT GDTX / GDNN-GDTX', en: 'Continuing education centre' },
  khac: { vi: 'Đơn vị khác', en: 'Other unit' },
};

export interface Unit {
  id: string;
  name: string;
  type: UnitType;
  /** The area reports group by (quận/huyện, former district, or xã/phường). */
  district: string;
  /** Province codes used in domains, e.g. ['haiphong', 'haiduong'] for merged provinces. */
  province: string[];
  /** Normalised absolute URL, or undefined when the registry has none. */
  website?: string;
  /** Further addresses the registry's website cell held (an old site beside the new one), normalised. */
  alternates?: string[];
  /** Normalised URL of the parent portal. */
  parent?: string;
  email?: string;
  /** Where the unit came from, for messages: 1-based spreadsheet row (header = row 1) or JSON index. */
  source: { file: string; row: number };
}
