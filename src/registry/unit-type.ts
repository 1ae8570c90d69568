// Unit types as registries write them: the canonical ids plus the labels offices use ("THPT", "Mầm non", "Sở GDĐT").
import { UNIT_TYPES, type UnitType } from '../model/unit.js';
import { stripDiacritics } from '../util/text.js';

/** Case-, diacritic-, space- and punctuation-insensitive key: "Sở GD&ĐT" → "sogddt", "TH-THCS" → "ththcs". */
export const labelKey = (label: string): string => stripDiacritics(label.normalize('NFC').toLowerCase()).replace(/[^a-z0-9]/g, '');

const ALIASES: Record<UnitType, readonly string[]> = {
  so: ['Sở', 'Sở GDĐT', 'Sở GD&ĐT', 'Sở Giáo dục và Đào tạo'],
  phong: ['Phòng', 'Phòng GDĐT', 'Phòng GD&ĐT', 'Phòng Giáo dục và Đào tạo'],
  'mam-non': ['Mầm non', 'MN', 'Mẫu giáo', 'MG', 'Nhà trẻ'],
  'tieu-hoc': ['Tiểu học', 'TH'],
  thcs: ['THCS', 'Trung học cơ sở'],
  thpt: ['THPT', 'Trung học phổ thông'],
  'lien-cap': ['Liên cấp', 'Phổ thông nhiều cấp', 'TH-THCS', 'THCS-THPT', 'TH-THCS-THPT'],
  gdtx: ['GDTX', 'GDNN-GDTX', 'TTGDTX', 'TT GDNN-GDTX', 'Trung tâm GDTX'],
  khac: ['Khác', 'Đơn vị khác'],
};

const BY_KEY = new Map<string, UnitType>();
for (const type of UNIT_TYPES) {
  BY_KEY.set(labelKey(type), type);
  for (const alias of ALIASES[type]) BY_KEY.set(labelKey(alias), type);
}

export function parseUnitType(label: string): UnitType | undefined {
  return BY_KEY.get(labelKey(label));
}
