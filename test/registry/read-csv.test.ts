import { describe, expect, it } from 'vitest';
import { readRegistry } from '../../src/registry/index.js';
import { detectDelimiter } from '../../src/registry/read-csv.js';
import { fixture, tempFiles, where } from './helpers.js';

const tmp = tempFiles();
const HEADER = 'id,name,type,district,province,website,parent,email';

describe('CSV registries', () => {
  it('reads English headers, aliases, quoted commas, normalised URLs and a unit without website', async () => {
    const r = await readRegistry(fixture('valid-en.csv'));
    expect(r.errors).toEqual([]);
    expect(r.units.map((u) => [u.id, u.type, u.source.row])).toEqual([
      ['79000001', 'so', 2],
      ['79000760', 'phong', 3],
      ['79000101', 'thpt', 4],
      ['79000201', 'thcs', 5],
      ['79000301', 'tieu-hoc', 6],
      ['79000401', 'mam-non', 7],
    ]);
    const [so, , thpt, thcs, th, mn] = r.units;
    expect(so?.province).toEqual(['hcm', 'binhduong', 'bariavungtau']);
    expect(thpt?.website).toBe('http://thpt-nguyenhue.hcm.edu.vn/');
    expect(thcs?.name).toBe('Trường THCS Văn Lang, Quận 1');
    expect(th?.website).toBe('http://www.th-tranhungdao.hcm.edu.vn/gioi-thieu');
    expect(mn && 'website' in mn).toBe(false);
    expect(mn?.email).toBe('mnbennghe@gmail.com');
    expect(r.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads Vietnamese display headers with a BOM and `;`, keeping row numbers across an empty line', async () => {
    const r = await readRegistry(fixture('valid-vi.csv'));
    expect(r.errors).toEqual([]);
    expect(r.units.map((u) => [u.id, u.type, u.source.row])).toEqual([
      ['31000001', 'so', 2],
      ['31000102', 'thpt', 3],
      ['31000203', 'thcs', 5],
      ['31000304', 'gdtx', 6],
    ]);
    expect(r.units[0]?.province).toEqual(['haiphong', 'haiduong']);
    expect(r.units[0]?.id).toBe('31000001'); // no BOM left on the first header or value
  });

  it('names every bad row and field', async () => {
    const r = await readRegistry(fixture('invalid.csv'));
    expect(where(r.errors)).toEqual([
      '3: id',
      '4: type',
      '6: website',
      '7: parent',
      '8: email',
      '9: province',
      '10: id',
      '11: name',
      '11: district',
      '11: website',
      '11: parent',
    ]);
    expect(r.errors.every((e) => e.file === fixture('invalid.csv'))).toBe(true);
    expect(r.errors[1]?.problem).toBe(
      "loại hình không hợp lệ: 'truong' (hợp lệ: so, phong, mam-non, tieu-hoc, thcs, thpt, lien-cap, gdtx, khac)",
    );
    expect(r.errors[6]?.problem).toContain('trùng với dòng 2');
    expect(r.errors[5]?.problem).toContain("'hcm.edu.vn'");
    // Only the first row is whole; the later duplicate does not replace it.
    expect(r.units.map((u) => [u.id, u.name])).toEqual([['79000101', 'Trường THPT Nguyễn Huệ']]);
  });

  it('reports a missing required column once, on the header row', async () => {
    const r = await readRegistry(fixture('missing-column.csv'));
    expect(r.errors).toEqual([
      {
        file: fixture('missing-column.csv'),
        row: 1,
        field: 'district',
        problem:
          'thiếu cột bắt buộc \'district\' trong dòng tiêu đề (dòng 1); tên cột được chấp nhận: district, Quận/Huyện, Quận huyện, Quận, Huyện, Huyện/Thị xã/Thành phố, Quận/Huyện/Thị xã, Địa bàn, …; hoặc --columns district="Tên cột"',
      },
    ]);
    expect(r.fatal).toBe(true);
    expect(r.units).toEqual([]);
  });

  it('counts a quoted multi-line cell as one spreadsheet row', async () => {
    const file = await tmp.write(
      'multiline.csv',
      `${HEADER}\n1,"Trường THPT\nNguyễn Huệ",thpt,Quận 1,hcm,,,\n2,Trường THCS,xyz,Quận 1,hcm,,,\n`,
    );
    const r = await readRegistry(file);
    expect(where(r.errors)).toEqual(['3: type']);
    expect(r.units[0]?.name).toBe('Trường THPT\nNguyễn Huệ');
  });

  it('skips rows of empty cells and lines of only delimiters', async () => {
    const file = await tmp.write('blank.csv', `${HEADER}\n,,,,,,,\n\n1,Trường A,thpt,,hcm,,,\n`);
    const r = await readRegistry(file);
    expect(where(r.errors)).toEqual(['4: district']);
  });

  it('normalises text to NFC', async () => {
    const file = await tmp.write(
      'nfd.csv',
      `${HEADER}\n1,${'Trường Tiểu học Hòa Bình'.normalize('NFD')},${'Tiểu học'.normalize('NFD')},Quận 1,,,,\n`,
    );
    const r = await readRegistry(file);
    expect(r.units[0]?.name).toBe('Trường Tiểu học Hòa Bình'.normalize('NFC'));
    expect(r.units[0]?.type).toBe('tieu-hoc');
  });

  it('rejects a non-UTF-8 file at the cell that is not, an empty file, a header-only file and a broken quote', async () => {
    const latin = await tmp.write('latin1.csv', Buffer.from(`${HEADER}\n1,Tr\xfa\xf4ng,thpt,Q1,,,,\n`, 'latin1'));
    expect(where((await readRegistry(latin)).errors)).toEqual(['2: name']);
    expect((await readRegistry(latin)).errors[0]?.problem).toContain('UTF-8');
    expect(where((await readRegistry(await tmp.write('empty.csv', ''))).errors)).toEqual(['1: -']);
    expect(where((await readRegistry(await tmp.write('header.csv', `${HEADER}\n`))).errors)).toEqual(['1: -']);
    const broken = await readRegistry(await tmp.write('quote.csv', `${HEADER}\n1,Trường A,thpt,Q1,,,,\n2,"Trường B,thpt,Q1,,,,\n`));
    expect(broken.errors[0]?.field).toBe('-');
    expect(broken.errors[0]?.problem).toBe('lỗi cú pháp CSV: dấu ngoặc kép (") mở mà không đóng');
  });

  it('reads by content, whatever the extension, and names a missing file', async () => {
    const upper = await tmp.write('DANHSACH.CSV', `${HEADER}\n1,Trường A,thpt,Q1,,,,\n`);
    expect((await readRegistry(upper)).units).toHaveLength(1);
    const txt = await tmp.write('danhsach.txt', `${HEADER}\n1,Trường A,thpt,Q1,,,,\n`);
    expect((await readRegistry(txt)).units).toHaveLength(1);
    const missing = await readRegistry(fixture('does-not-exist.csv'));
    expect(missing.errors).toEqual([{ file: fixture('does-not-exist.csv'), row: 1, field: '-', problem: 'không tìm thấy tệp' }]);
    expect(missing.fatal).toBe(true);
  });

  it('reads a second column of the same name where the first is empty, and says so', async () => {
    const file = await tmp.write(
      'dupcol.csv',
      'id,name,type,district,Website,website\n1,Trường A,thpt,Q1,a.hcm.edu.vn,b.hcm.edu.vn\n2,Trường B,thpt,Q1,,b2.hcm.edu.vn\n',
    );
    const r = await readRegistry(file);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([
      { file, row: 1, field: 'website', problem: "cột 'website' trùng nghĩa với cột 'Website': chỉ đọc khi ô của cột 'Website' trống" },
    ]);
    expect(r.units.map((u) => u.website)).toEqual(['http://a.hcm.edu.vn/', 'http://b2.hcm.edu.vn/']);
  });

  it('detects the delimiter from the header line, ignoring quoted ones', () => {
    expect(detectDelimiter('id,name,type\n1;2;3')).toBe(',');
    expect(detectDelimiter('\n"id,x";name;type')).toBe(';');
    expect(detectDelimiter('id\tname\ttype')).toBe('\t');
  });
});
