import { describe, expect, it } from 'vitest';
import { readRegistry } from '../../src/registry/index.js';
import { fixture, tempFiles, where } from './helpers.js';

const tmp = tempFiles();

describe('JSON registries', () => {
  it('reads { units: [...] } with English, snake_case Vietnamese and display keys', async () => {
    const r = await readRegistry(fixture('valid.json'));
    expect(r.errors).toEqual([]);
    expect(r.units.map((u) => [u.id, u.type, u.source.row])).toEqual([
      ['45000001', 'so', 1],
      ['45000102', 'thpt', 2],
      ['45000203', 'lien-cap', 3],
    ]);
    expect(r.units[0]?.province).toEqual(['quangtri', 'quangbinh']);
    expect(r.units[1]?.website).toBe('http://thpt-dongha.quangtri.edu.vn/');
    expect(r.units[2]?.province).toEqual([]);
  });

  it('names every bad element (1-based) and field', async () => {
    const r = await readRegistry(fixture('invalid.json'));
    expect(where(r.errors)).toEqual(['2: type', '2: website', '3: -', '4: id', '5: name', '5: district', '5: email']);
    expect(r.errors.find((e) => e.row === 5 && e.field === 'name')?.problem).toBe('giá trị phải là chuỗi hoặc số');
    expect(r.units.map((u) => u.id)).toEqual(['45000102']);
  });

  it('accepts a UTF-8 BOM', async () => {
    const file = await tmp.write(
      'bom.json',
      `\ufeff${JSON.stringify({ units: [{ id: 'x1', name: 'Trường A', type: 'thpt', district: 'Q1' }] })}`,
    );
    expect((await readRegistry(file)).errors).toEqual([]);
  });

  it('accepts a bare array and reports a wrong shape, bad syntax and an empty list', async () => {
    const arr = await tmp.write('arr.json', JSON.stringify([{ id: 'x1', name: 'Trường A', type: 'MN', district: 'Q1' }]));
    expect((await readRegistry(arr)).units.map((u) => u.type)).toEqual(['mam-non']);
    for (const [name, text, needle] of [
      ['obj.json', '{"data": []}', 'JSON phải là một mảng đơn vị hoặc { "units": [...] }'],
      ['syntax.json', '[{\n  "id": 1,,', 'JSON không hợp lệ (dòng 2, cột 11 của văn bản)'],
      ['empty.json', '[]', 'tệp rỗng, không có đơn vị nào'],
    ] as const) {
      const r = await readRegistry(await tmp.write(name, text));
      expect(where(r.errors)).toEqual(['1: -']);
      expect(r.errors[0]?.problem).toBe(needle);
    }
  });
});
