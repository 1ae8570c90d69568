import { describe, expect, it } from 'vitest';
import { UNIT_TYPES } from '../../src/model/unit.js';
import { fieldOfHeader } from '../../src/registry/headers.js';
import { parseUnitType } from '../../src/registry/unit-type.js';

describe('parseUnitType', () => {
  it.each([
    ['THPT', 'thpt'],
    ['thcs', 'thcs'],
    ['Tiểu học', 'tieu-hoc'],
    ['TIEU HOC', 'tieu-hoc'],
    ['TH', 'tieu-hoc'],
    ['Mầm non', 'mam-non'],
    ['MN', 'mam-non'],
    ['Mẫu giáo', 'mam-non'],
    ['Sở GDĐT', 'so'],
    ['Sở GD&ĐT', 'so'],
    ['sở', 'so'],
    ['Phòng GDĐT', 'phong'],
    ['Phòng', 'phong'],
    ['Liên cấp', 'lien-cap'],
    ['Phổ thông nhiều cấp', 'lien-cap'],
    ['TH-THCS', 'lien-cap'],
    ['THCS - THPT', 'lien-cap'],
    ['GDTX', 'gdtx'],
    ['GDNN-GDTX', 'gdtx'],
    ['TTGDTX', 'gdtx'],
    ['Khác', 'khac'],
    ['khac', 'khac'],
  ])('%s → %s', (label, type) => {
    expect(parseUnitType(label)).toBe(type);
  });

  it('accepts every canonical id and NFD input', () => {
    for (const t of UNIT_TYPES) expect(parseUnitType(t)).toBe(t);
    expect(parseUnitType('Tiểu học'.normalize('NFD'))).toBe('tieu-hoc');
  });

  it('rejects unknown labels', () => {
    expect(parseUnitType('truong')).toBeUndefined();
    expect(parseUnitType('Đại học')).toBeUndefined();
    expect(parseUnitType('')).toBeUndefined();
  });
});

describe('fieldOfHeader', () => {
  it.each([
    ['id', 'id'],
    [' ID ', 'id'],
    ['ma_don_vi', 'id'],
    ['Mã đơn vị', 'id'],
    ['Tên đơn vị', 'name'],
    ['ten_don_vi', 'name'],
    ['Loại hình', 'type'],
    ['Quận/Huyện', 'district'],
    ['quan_huyen', 'district'],
    ['Tỉnh/Thành phố', 'province'],
    ['tinh_thanh', 'province'],
    ['Website', 'website'],
    ['Cổng cha', 'parent'],
    ['cong_cha', 'parent'],
    ['Email', 'email'],
    ['Thư điện tử', 'email'],
  ])('%s → %s', (header, field) => {
    expect(fieldOfHeader(header)).toBe(field);
  });

  it('ignores unknown columns', () => {
    expect(fieldOfHeader('Ghi chú')).toBeUndefined();
    expect(fieldOfHeader('STT')).toBeUndefined();
  });
});
