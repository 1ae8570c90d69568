import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readRegistry } from '../../src/registry/index.js';
import { cellOf } from '../../src/registry/read-xlsx.js';
import { fixture, tempFiles, where } from './helpers.js';

const tmp = tempFiles();

async function workbookFile(name: string, rows: ExcelJS.CellValue[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('DS');
  for (const row of rows) ws.addRow(row);
  return tmp.write(name, new Uint8Array(await wb.xlsx.writeBuffer()));
}

describe('XLSX registries', () => {
  it('reads the committed sample: numbers, hyperlinks, rich text, formulas, an empty row', async () => {
    const r = await readRegistry(fixture('sample.xlsx'));
    expect(r.errors).toEqual([]);
    expect(r.units.map((u) => [u.id, u.name, u.type, u.source.row])).toEqual([
      ['79000001', 'Sở Giáo dục và Đào tạo TP. Hồ Chí Minh', 'so', 2],
      ['79000101', 'Trường THPT Nguyễn Huệ', 'thpt', 3],
      ['79000201', 'Trường THCS Văn Lang', 'thcs', 4],
      ['79000401', 'Trường Mầm non Bến Nghé', 'mam-non', 6],
    ]);
    const [so, thpt, thcs] = r.units;
    expect(so?.website).toBe('https://hcm.edu.vn/');
    expect(so?.email).toBe('sgddt@hcm.edu.vn'); // mailto: hyperlink
    expect(thpt?.website).toBe('https://thpt-nguyenhue.hcm.edu.vn/'); // text "Trang web", target is the site
    expect(thcs?.parent).toBe('https://www.hcm.edu.vn/');
  });

  it('names every bad row and field in the committed invalid workbook', async () => {
    const r = await readRegistry(fixture('invalid.xlsx'));
    expect(where(r.errors)).toEqual(['3: type', '3: website', '4: id', '4: district', '4: email', '5: id']);
    expect(r.errors[1]?.problem).toContain("'ftp://thcs-minhduc.hcm.edu.vn'"); // the hyperlink target, not "Trang web"
    expect(r.units.map((u) => u.id)).toEqual(['79000101']);
  });

  it('uses the hyperlink text when the target is an in-workbook anchor, and the first worksheet only', async () => {
    const file = await workbookFile('anchor.xlsx', [
      ['Mã đơn vị', 'Tên đơn vị', 'Loại hình', 'Quận/Huyện', 'Website'],
      ['A1', 'Trường THPT Trần Phú', 'THPT', 'Phường Hồng Bàng', { text: 'thpt-tranphu.haiphong.edu.vn', hyperlink: '#Sheet2!A1' }],
    ]);
    const r = await readRegistry(file);
    expect(r.errors).toEqual([]);
    expect(r.units[0]?.website).toBe('http://thpt-tranphu.haiphong.edu.vn/');
  });

  it('reports a missing column on the header row and an unreadable workbook', async () => {
    const file = await workbookFile('nocol.xlsx', [
      ['id', 'name', 'district'],
      ['1', 'Trường A', 'Q1'],
    ]);
    expect(where((await readRegistry(file)).errors)).toEqual(['1: type']);
    // a zip that is not a workbook: the unzip library's words stay out of the message
    const junk = await tmp.write('junk.xlsx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(60)]));
    const r = await readRegistry(junk);
    expect(r.errors).toEqual([
      {
        file: junk,
        row: 1,
        field: '-',
        problem: 'không mở được tệp XLSX (tệp hỏng hoặc không phải XLSX): hãy lưu lại dạng .xlsx hoặc CSV UTF-8',
      },
    ]);
  });

  it('takes the text of every cell kind', () => {
    expect(cellOf(79000101)).toEqual({ text: '79000101' });
    expect(cellOf({ richText: [{ text: 'Trường ' }, { text: 'THCS' }] })).toEqual({ text: 'Trường THCS' });
    expect(cellOf({ formula: 'A1', result: 'thcs' })).toEqual({ text: 'thcs' });
    expect(cellOf({ sharedFormula: 'A1', result: 5 } as ExcelJS.CellValue)).toEqual({ text: '5' });
    expect(cellOf({ text: 'Trang web', hyperlink: 'https://a.edu.vn' })).toEqual({ text: 'Trang web', link: 'https://a.edu.vn' });
    expect(cellOf(null)).toEqual({ text: '' });
  });
});
