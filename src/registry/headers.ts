// Column headers (and JSON keys) in English, Vietnamese snake_case, or the Vietnamese a person types in Excel.
import { FIELDS, type Field } from './types.js';
import { labelKey } from './unit-type.js';

const HEADER_ALIASES: Record<Field, readonly string[]> = {
  id: ['id', 'ma_don_vi', 'Mã đơn vị', 'Mã'],
  name: ['name', 'ten_don_vi', 'Tên đơn vị', 'Tên'],
  type: ['type', 'loai_hinh', 'Loại hình', 'Loại'],
  district: ['district', 'quan_huyen', 'Quận/Huyện', 'Quận huyện', 'Xã/Phường', 'Địa bàn'],
  province: ['province', 'tinh_thanh', 'Tỉnh/Thành phố', 'Tỉnh/Thành', 'Tỉnh'],
  website: ['website', 'Trang web', 'Cổng thông tin', 'url'],
  parent: ['parent', 'cong_cha', 'Cổng cha', 'Cổng thông tin cấp trên'],
  email: ['email', 'E-mail', 'Thư điện tử'],
};

export const REQUIRED_FIELDS: readonly Field[] = ['id', 'name', 'type', 'district'];

const BY_KEY = new Map<string, Field>();
for (const field of FIELDS) for (const alias of HEADER_ALIASES[field]) BY_KEY.set(labelKey(alias), field);

/** The canonical field a header names, or undefined for a column we ignore. */
export function fieldOfHeader(header: string): Field | undefined {
  return BY_KEY.get(labelKey(header));
}
