import { describe, expect, it } from 'vitest';
import { readProvince } from '../../src/registry/province.js';
import { validateRow } from '../../src/registry/validate.js';

const ctx = { file: 'ds.csv', lang: 'vi' as const, columns: {} };
const row = (province: string) => ({
  row: 5,
  values: { id: '1', name: 'Trường THCS A', type: 'thcs', district: 'Phường 1', province, website: 'https://thcs-a.hcm.edu.vn' },
});

describe('province cells', () => {
  it('keeps domain codes as written, lower-cased, without a note', () => {
    expect(readProvince('hcm')).toEqual({ code: 'hcm', fromName: false });
    expect(readProvince('HaiPhong')).toEqual({ code: 'haiphong', fromName: false });
    expect(readProvince('ba-ria')).toEqual({ code: 'ba-ria', fromName: false });
  });

  it('reads a province name as the code its domains use', () => {
    expect(readProvince('Hồ Chí Minh')).toEqual({ code: 'hcm', fromName: true });
    expect(readProvince('TP. Hồ Chí Minh')).toEqual({ code: 'hcm', fromName: true });
    expect(readProvince('Thành phố Hồ Chí Minh')).toEqual({ code: 'hcm', fromName: true });
    expect(readProvince('TP.HCM')).toEqual({ code: 'hcm', fromName: true });
    expect(readProvince('Hải Phòng')).toEqual({ code: 'haiphong', fromName: true });
    expect(readProvince('Tỉnh Quảng Trị')).toEqual({ code: 'quangtri', fromName: true });
    expect(readProvince('Đắk Lắk')).toEqual({ code: 'daklak', fromName: true });
    expect(readProvince('Bà Rịa - Vũng Tàu')).toEqual({ code: 'bariavungtau', fromName: true });
    // Decomposed input (windows-1258 registries) reads the same.
    expect(readProvince('Hải Phòng'.normalize('NFD'))).toEqual({ code: 'haiphong', fromName: true });
  });

  it('refuses what is neither a code nor a name', () => {
    expect(readProvince('hcm.edu.vn')).toBeUndefined();
    expect(readProvince('https://hcm.edu.vn')).toBeUndefined();
    expect(readProvince('79 - HCM')).toBeUndefined();
    expect(readProvince('Tỉnh')).toBeUndefined();
  });

  it('a row with province names gives codes and a warning on the province field', () => {
    const r = validateRow(ctx, row('Hải Phòng | haiduong | TP. Hải Phòng'));
    expect(r.errors).toEqual([]);
    expect(r.unit?.province).toEqual(['haiphong', 'haiduong']);
    expect(r.warnings.map((w) => [w.row, w.field])).toEqual([
      [5, 'province'],
      [5, 'province'],
    ]);
    expect(r.warnings[0]?.problem).toBe(
      "tên tỉnh 'Hải Phòng' được hiểu là mã tên miền 'haiphong' (nếu tên miền của tỉnh khác, ghi mã vào ô này)",
    );
  });

  it('a row with a domain in the province cell is an error naming the field', () => {
    const r = validateRow(ctx, row('hcm.edu.vn'));
    expect(r.unit).toBeUndefined();
    expect(r.errors.map((e) => [e.file, e.row, e.field])).toEqual([['ds.csv', 5, 'province']]);
  });
});
