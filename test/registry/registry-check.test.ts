import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registryCheck } from '../../src/cli/registry-check.js';
import { formatRegistryError } from '../../src/registry/index.js';
import { fixture, tempFiles } from './helpers.js';

const tmp = tempFiles();

async function run(file: string): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await registryCheck(file, (l) => lines.push(l));
  return { code, lines };
}

describe('registryCheck', () => {
  it('prints FILE:ROW: field: problem for each error, then the summary, and exits 2', async () => {
    const file = fixture('invalid.csv');
    const { code, lines } = await run(file);
    expect(code).toBe(2);
    expect(lines.slice(0, -1).map((l) => l.split(': ').slice(0, 2).join(': '))).toEqual([
      `${file}:3: id`,
      `${file}:4: type`,
      `${file}:6: website`,
      `${file}:7: parent`,
      `${file}:8: email`,
      `${file}:9: province`,
      `${file}:10: id`,
      `${file}:11: name`,
      `${file}:11: district`,
      `${file}:11: website`,
      `${file}:11: parent`,
    ]);
    expect(lines[0]).toBe(`${file}:3: id: thiếu giá trị bắt buộc`);
    expect(lines.at(-1)).toBe('1 đơn vị hợp lệ, 8 dòng lỗi');
  });

  it('echoes the path exactly as given, for XLSX and JSON too', async () => {
    const xlsx = `./${relative(process.cwd(), fixture('invalid.xlsx'))}`;
    const x = await run(xlsx);
    expect(x.lines[0]?.startsWith(`${xlsx}:3: type: `)).toBe(true);
    expect(x.lines.at(-1)).toBe('1 đơn vị hợp lệ, 3 dòng lỗi');
    const json = await run(fixture('invalid.json'));
    expect(json.lines.slice(0, -1).map((l) => l.split(': ').slice(0, 2).join(': '))).toEqual([
      `${fixture('invalid.json')}:2: type`,
      `${fixture('invalid.json')}:2: website`,
      `${fixture('invalid.json')}:3: -`,
      `${fixture('invalid.json')}:4: id`,
      `${fixture('invalid.json')}:5: name`,
      `${fixture('invalid.json')}:5: district`,
      `${fixture('invalid.json')}:5: email`,
    ]);
    expect(json.code).toBe(2);
  });

  it('exits 0 for a valid registry, naming its unknown column as a warning', async () => {
    const { code, lines } = await run(fixture('valid-vi.csv'));
    expect(code).toBe(0);
    expect(lines).toEqual([
      `${fixture('valid-vi.csv')}:1: Ghi chú: cảnh báo: cột không nhận ra, bỏ qua (nếu là một trường, dùng --columns)`,
      '4 đơn vị hợp lệ, 0 dòng lỗi, 1 cảnh báo',
    ]);
  });

  it('exits 2 for a missing file, in plain Vietnamese', async () => {
    const missing = `${await tmp.write('x.csv', '')}.missing`;
    const { code, lines } = await run(missing);
    expect(code).toBe(2);
    expect(lines).toEqual([`${missing}:1: -: không tìm thấy tệp`, '0 đơn vị hợp lệ, 1 dòng lỗi']);
  });

  it('keeps each error on one line even when a cell holds a newline', async () => {
    const file = await tmp.write('nl.csv', 'id,name,type,district,website\n1,A,"tru\nong",Q1,\n');
    const { lines } = await run(file);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain("'tru ong'");
  });
});

describe('formatRegistryError', () => {
  it('is FILE:ROW: field: problem', () => {
    expect(formatRegistryError({ file: 'ds.xlsx', row: 7, field: 'website', problem: 'x / y' })).toBe('ds.xlsx:7: website: x / y');
  });
});
