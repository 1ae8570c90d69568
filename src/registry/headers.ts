// Column headers (and JSON keys) as offices write them: English, Vietnamese snake_case, or the Vietnamese a person
// types in Excel, matched without case, diacritics, spaces or punctuation ("MÃ TRƯỜNG", "Ma truong", "Mã  trường").
import { FIELDS, type ColumnOverrides, type Field } from './types.js';
import { labelKey } from './unit-type.js';

/**
 * Per field, groups of header names in order of preference. When a sheet has columns from two groups of one field
 * (both "Quận/Huyện" and "Xã/Phường", both "Loại hình" and "Cấp học"), the first group's column is read and the
 * other is named in a warning; two columns of the same group are a duplicate.
 */
const HEADER_ALIASES: Record<Field, readonly (readonly string[])[]> = {
  id: [
    [
      'id',
      'ma_don_vi',
      'Mã đơn vị',
      'Mã trường',
      'Mã',
      'Mã ĐV',
      'Mã số',
      'Mã định danh',
      'Mã CSGD',
      'Mã cơ sở',
      'Mã số đơn vị',
      'Mã trường học',
      'code',
      'unit id',
    ],
  ],
  name: [
    ['name', 'ten_don_vi', 'Tên đơn vị', 'Tên trường', 'Tên', 'Tên cơ sở giáo dục', 'Tên CSGD', 'Tên trường học', 'Đơn vị', 'unit name'],
  ],
  type: [
    ['type', 'loai_hinh', 'Loại hình', 'Loại', 'Loại đơn vị', 'Loại hình đơn vị', 'Loại trường', 'unit type'],
    ['cap_hoc', 'Cấp học', 'Bậc học', 'Cấp', 'Cấp trường', 'level'],
  ],
  district: [
    [
      'district',
      'quan_huyen',
      'Quận/Huyện',
      'Quận huyện',
      'Quận',
      'Huyện',
      'Huyện/Thị xã/Thành phố',
      'Quận/Huyện/Thị xã',
      'Địa bàn',
      'Khu vực',
    ],
    ['xa_phuong', 'Xã/Phường', 'Phường/Xã', 'Xã/Phường/Thị trấn', 'Phường', 'Xã', 'ward'],
  ],
  province: [['province', 'tinh_thanh', 'Tỉnh/Thành phố', 'Tỉnh/Thành', 'Tỉnh/TP', 'Tỉnh', 'Thành phố', 'Mã tỉnh']],
  website: [
    [
      'website',
      'url',
      'web',
      'Trang web',
      'Địa chỉ website',
      'Website trường',
      'Website đơn vị',
      'Trang thông tin điện tử',
      'Địa chỉ trang thông tin điện tử',
      'Cổng thông tin',
      'Cổng thông tin điện tử',
      'Địa chỉ trang web',
      'Tên miền',
      'Link website',
      'Đường dẫn website',
    ],
  ],
  parent: [
    [
      'parent',
      'cong_cha',
      'Cổng cha',
      'Cổng cấp trên',
      'Cổng thông tin cấp trên',
      'Website cấp trên',
      'Trang cấp trên',
      'Website đơn vị cấp trên',
      'parent url',
    ],
  ],
  email: [['email', 'E-mail', 'Thư điện tử', 'Địa chỉ email', 'Email trường', 'Email đơn vị', 'Địa chỉ thư điện tử', 'Hộp thư', 'mail']],
};

/** Columns that are known and carry nothing we use: the row counter ("STT") every Vietnamese list starts with. */
const IGNORED_HEADERS = ['STT', 'TT', 'Số TT', 'Số thứ tự', 'No', 'No.', '#'];

export const REQUIRED_FIELDS: readonly Field[] = ['id', 'name', 'type', 'district'];

interface Known {
  field: Field;
  /** 0 = the field's preferred group. */
  rank: number;
}

const BY_KEY = new Map<string, Known>();
for (const field of FIELDS) {
  HEADER_ALIASES[field].forEach((group, rank) => {
    for (const alias of group) BY_KEY.set(labelKey(alias), { field, rank });
  });
}
const IGNORED = new Set(IGNORED_HEADERS.map(labelKey));

/** The canonical field a header names, or undefined for a column we ignore. */
export function fieldOfHeader(header: string): Field | undefined {
  return BY_KEY.get(labelKey(header))?.field;
}

/** The first few accepted names of a field, for messages: "id, Mã đơn vị, Mã trường, Mã, …". */
export function acceptedHeaders(field: Field, max = 5): string {
  // the field's own id, then what people write; snake_case keys are for JSON and would only clutter the list
  const names = [field, ...HEADER_ALIASES[field].flat().filter((n) => !/^[a-z_ ]+$/.test(n))];
  return `${names.slice(0, max).join(', ')}${names.length > max ? ', …' : ''}`;
}

export type HeaderMatch = { kind: 'field'; field: Field; rank: number } | { kind: 'ignored' } | { kind: 'unknown' };

/** Matches one header cell; a `--columns` header wins over the alias table (rank -1: preferred to any alias). */
export function matchHeader(header: string, overrides: ColumnOverrides = {}): HeaderMatch {
  const key = labelKey(header);
  if (key === '') return { kind: 'ignored' };
  for (const field of FIELDS) {
    const wanted = overrides[field];
    if (wanted !== undefined && labelKey(wanted) === key) return { kind: 'field', field, rank: -1 };
  }
  const known = BY_KEY.get(key);
  if (known) return { kind: 'field', ...known };
  return IGNORED.has(key) ? { kind: 'ignored' } : { kind: 'unknown' };
}
