// Registries as district and department offices really send them (fixtures/registries/, README "Registry"): each
// case pins the exact message (file, row, field) and what `audit` does with the file (refuse, hint, or audit).
import { describe, expect, it } from 'vitest';
import { readRegistry, formatRegistryReport, type ReadOptions } from '../../src/registry/index.js';
import { registryUsable } from '../../src/cli/audit-command.js';
import { fixture, tempFiles } from './helpers.js';

const tmp = tempFiles();

/** What `registry check` prints (without the summary), with the fixture directory cut off for readability. */
async function check(
  name: string,
  options: ReadOptions = {},
): Promise<{ lines: string[]; summary: string; audit: { starts: boolean; withSkip: boolean; said: string[] } }> {
  const file = name.startsWith('/') ? name : fixture(name);
  const r = await readRegistry(file, options);
  const report = formatRegistryReport(r, options.lang ?? 'vi');
  const strip = (l: string): string => l.replace(`${file}:`, `${name}:`);
  const said: string[] = [];
  const starts = registryUsable(r, { lang: options.lang ?? 'vi', skipInvalid: false }, (l) => said.push(strip(l)));
  const withSkip = registryUsable(r, { lang: options.lang ?? 'vi', skipInvalid: true }, () => undefined);
  return { lines: report.lines.map(strip), summary: report.summary, audit: { starts, withSkip, said } };
}

describe('office headers', () => {
  it('reads Mã trường / Tên trường / Cấp học / Địa chỉ website / Cổng cấp trên, ignores STT, warns about other columns', async () => {
    const c = await check('office-headers.csv');
    expect(c.lines).toEqual([
      'office-headers.csv:1: Số điện thoại: cảnh báo: cột không nhận ra, bỏ qua (nếu là một trường, dùng --columns)',
      'office-headers.csv:1: Hiệu trưởng: cảnh báo: cột không nhận ra, bỏ qua (nếu là một trường, dùng --columns)',
    ]);
    const r = await readRegistry(fixture('office-headers.csv'));
    expect(r.units.map((u) => [u.id, u.type, u.website, u.parent])).toEqual([
      ['79000201', 'thcs', 'https://thcs-vanlang.hcm.edu.vn/', 'https://pgdquan1.hcm.edu.vn/'],
      ['79000301', 'tieu-hoc', 'http://th-tranhungdao.hcm.edu.vn/', 'https://pgdquan1.hcm.edu.vn/'],
      ['79000401', 'mam-non', 'https://mn-bennghe.hcm.edu.vn/', 'https://pgdquan1.hcm.edu.vn/'],
      ['79000101', 'thpt', 'https://thpt-nguyenhue.hcm.edu.vn/', 'https://hcm.edu.vn/'],
    ]);
    expect(r.units[0]?.email).toBe('thcs.vanlang@hcm.edu.vn');
    expect(c.audit).toEqual({ starts: true, withSkip: true, said: c.lines });
  });

  it('matches headers without diacritics, in any case, with extra spaces; a second website column fills the gaps', async () => {
    const c = await check('office-headers-plain.csv');
    expect(c.lines).toEqual([
      "office-headers-plain.csv:1: Trang thong tin dien tu: cảnh báo: cột 'Trang thong tin dien tu' trùng nghĩa với cột 'Website truong': chỉ đọc khi ô của cột 'Website truong' trống",
    ]);
    const r = await readRegistry(fixture('office-headers-plain.csv'));
    expect(r.units.map((u) => [u.id, u.name, u.type, u.district, u.website])).toEqual([
      ['31000102', 'Trường THPT Trần Phú', 'thpt', 'Phường Hồng Bàng', 'http://thpt-tranphu.haiphong.edu.vn/'],
    ]);
  });

  it('answers a missing required column with the accepted names, refuses to audit and does not suggest --skip-invalid', async () => {
    const c = await check('custom-headers.csv');
    expect(c.lines).toEqual([
      'custom-headers.csv:1: id: thiếu cột bắt buộc \'id\' trong dòng tiêu đề (dòng 1); tên cột được chấp nhận: id, Mã đơn vị, Mã trường, Mã, Mã ĐV, Mã số, Mã định danh, Mã CSGD, …; hoặc --columns id="Tên cột"',
      'custom-headers.csv:1: Số hiệu: cảnh báo: cột không nhận ra, bỏ qua (nếu là một trường, dùng --columns)',
      'custom-headers.csv:1: Link trang: cảnh báo: cột không nhận ra, bỏ qua (nếu là một trường, dùng --columns)',
      'custom-headers.csv:1: website: cảnh báo: không có cột website (tên cột được chấp nhận: website, Trang web, Địa chỉ website, Website trường, Website đơn vị, Trang thông tin điện tử, Địa chỉ trang thông tin điện tử, Cổng thông tin, …): mọi đơn vị sẽ được ghi "Chưa có website"; nếu có cột website, dùng --columns website="Tên cột"',
    ]);
    expect(c.audit).toMatchObject({ starts: false, withSkip: false });
    expect(c.audit.said.at(-1)).toBe('custom-headers.csv: danh sách có 1 lỗi, chưa kiểm tra được');
    const missing = await check('no-website-column.csv');
    expect(missing.lines).toEqual([
      'no-website-column.csv:2: -: cảnh báo: dùng dòng 2 làm dòng tiêu đề (bỏ qua 1 dòng phía trên)',
      'no-website-column.csv:2: Trang chủ: cảnh báo: cột không nhận ra, bỏ qua (nếu là một trường, dùng --columns)',
      'no-website-column.csv:2: Ngày thành lập: cảnh báo: cột không nhận ra, bỏ qua (nếu là một trường, dùng --columns)',
      'no-website-column.csv:2: website: cảnh báo: không có cột website (tên cột được chấp nhận: website, Trang web, Địa chỉ website, Website trường, Website đơn vị, Trang thông tin điện tử, Địa chỉ trang thông tin điện tử, Cổng thông tin, …): mọi đơn vị sẽ được ghi "Chưa có website"; nếu có cột website, dùng --columns website="Tên cột"',
    ]);
  });

  it('--columns maps any other header, and names a header it cannot find', async () => {
    const mapped = await check('custom-headers.csv', { columns: { id: 'Số hiệu', website: 'Link trang' } });
    expect(mapped.lines).toEqual([]);
    const r = await readRegistry(fixture('custom-headers.csv'), { columns: { id: 'so hieu', website: 'LINK TRANG' } });
    expect(r.units.map((u) => [u.id, u.website])).toEqual([
      ['79000201', 'https://thcs-vanlang.hcm.edu.vn/'],
      ['79000301', 'https://th-tranhungdao.hcm.edu.vn/'],
    ]);
    const wrong = await check('custom-headers.csv', { columns: { id: 'Số hiệu', website: 'Trang chủ' } });
    expect(wrong.lines[0]).toBe(
      "custom-headers.csv:1: website: --columns website='Trang chủ': không có cột này trong dòng tiêu đề (dòng 1)",
    );
    expect(wrong.audit.starts).toBe(false);
  });
});

describe('title blocks above the header', () => {
  it('CSV: finds the header in row 5 under a title, a date line and a blank row; skips the (1) (2) numbering row', async () => {
    const c = await check('title-block.csv');
    expect(c.lines).toEqual([
      'title-block.csv:5: -: cảnh báo: dùng dòng 5 làm dòng tiêu đề (bỏ qua 4 dòng phía trên)',
      "title-block.csv:9: type: loại hình không hợp lệ: 'trường tiểu học' (hợp lệ: so, phong, mam-non, tieu-hoc, thcs, thpt, lien-cap, gdtx, khac)",
    ]);
    expect(c.summary).toBe('2 đơn vị hợp lệ, 1 dòng lỗi, 1 cảnh báo');
    // a row error: --skip-invalid helps, and audit says so
    expect(c.audit.starts).toBe(false);
    expect(c.audit.said.at(-1)).toBe('title-block.csv: danh sách có 1 lỗi; sửa lại, hoặc dùng --skip-invalid để kiểm tra các dòng hợp lệ');
    expect(c.audit.withSkip).toBe(true);
    expect((await readRegistry(fixture('title-block.csv'))).units.map((u) => u.source.row)).toEqual([7, 8]);
  });

  it('XLSX: merged title rows, the header in row 5, rows numbered as Excel shows them', async () => {
    const c = await check('title-block.xlsx');
    expect(c.lines).toEqual([
      'title-block.xlsx:5: -: cảnh báo: dùng dòng 5 làm dòng tiêu đề (bỏ qua 4 dòng phía trên)',
      "title-block.xlsx:8: type: loại hình không hợp lệ: 'Mẫu giáo lớn' (hợp lệ: so, phong, mam-non, tieu-hoc, thcs, thpt, lien-cap, gdtx, khac)",
    ]);
    const r = await readRegistry(fixture('title-block.xlsx'));
    expect(r.units.map((u) => [u.id, u.source.row, u.website ?? null])).toEqual([
      ['79000201', 6, 'https://thcs-vanlang.hcm.edu.vn/'],
      ['79000301', 7, null],
    ]);
  });

  it('no header in the first 10 rows: says so with the columns it needs, and the audit has nothing to skip to', async () => {
    const file = await tmp.write('no-header.csv', 'Danh sách\nNăm học 2026\n1,2,3\n');
    const c = await check(file);
    expect(c.lines).toEqual([
      `${file}:1: -: không tìm thấy dòng tiêu đề trong 3 dòng đầu; cần các cột 'id' (id, Mã đơn vị, Mã trường, Mã, Mã ĐV, …), 'name' (name, Tên đơn vị, Tên trường, Tên, Tên cơ sở giáo dục, …), 'type' (type, Loại hình, Loại, Loại đơn vị, Loại hình đơn vị, …), 'district' (district, Quận/Huyện, Quận huyện, Quận, Huyện, …); hoặc chỉ rõ bằng --columns trường="Tên cột"`,
    ]);
    expect(c.audit).toMatchObject({ starts: false, withSkip: false });
  });
});

describe('website cells', () => {
  it('several URLs: the first is the website, the others alternates; "Chưa có", "-", "N/A"… are units without a website', async () => {
    const c = await check('messy-websites.csv');
    expect(c.lines).toEqual([
      'messy-websites.csv:2: website: cảnh báo: ô có thêm 1 địa chỉ, giữ làm địa chỉ phụ: https://thcs-vanlang.violet.vn/',
      'messy-websites.csv:3: website: cảnh báo: ô có thêm 1 địa chỉ, giữ làm địa chỉ phụ: https://thcs-minhduc.edu.vn/',
      'messy-websites.csv:4: website: cảnh báo: ô có thêm 1 địa chỉ, giữ làm địa chỉ phụ: http://thcs-dongkhoi.violet.vn/',
      'messy-websites.csv:5: website: cảnh báo: ô có thêm 1 địa chỉ, giữ làm địa chỉ phụ: https://tranvanon.edu.vn/',
      "messy-websites.csv:13: website: cảnh báo: địa chỉ phụ 'không có trang cũ' bỏ qua: tên miền chứa khoảng trắng",
    ]);
    expect(c.summary).toBe('12 đơn vị hợp lệ, 0 dòng lỗi, 5 cảnh báo');
    const r = await readRegistry(fixture('messy-websites.csv'));
    expect(r.units.map((u) => [u.id, u.website ?? null, u.alternates ?? []])).toEqual([
      ['79000201', 'https://thcs-vanlang.hcm.edu.vn/', ['https://thcs-vanlang.violet.vn/']],
      ['79000202', 'http://thcs-minhduc.hcm.edu.vn/', ['https://thcs-minhduc.edu.vn/']],
      ['79000203', 'http://thcs-dongkhoi.hcm.edu.vn/', ['http://thcs-dongkhoi.violet.vn/']],
      ['79000204', 'https://thcs-tranvanon.hcm.edu.vn/', ['https://tranvanon.edu.vn/']],
      ['79000301', null, []],
      ['79000302', null, []],
      ['79000303', null, []],
      ['79000401', null, []],
      ['79000402', null, []],
      ['79000403', null, []],
      ['79000404', null, []],
      ['79000405', 'https://mn-hoami.hcm.edu.vn/', []],
    ]);
    expect(c.audit).toMatchObject({ starts: true });
  });

  it('a spaced host is still one bad address, named as such', async () => {
    const file = await tmp.write('spaced.csv', 'id,name,type,district,website\n1,Trường A,THCS,Q1,thcs van lang.hcm.edu.vn\n');
    expect((await check(file)).lines).toEqual([`${file}:2: website: 'thcs van lang.hcm.edu.vn': tên miền chứa khoảng trắng`]);
  });
});

describe('encodings and formats', () => {
  it('decodes Excel "Unicode Text" (UTF-16LE, tabs, .txt) and UTF-16BE', async () => {
    for (const name of ['unicode-text-utf16le.txt', 'utf16be.csv']) {
      const r = await readRegistry(fixture(name));
      expect(r.errors, name).toEqual([]);
      expect(
        r.units.map((u) => [u.name, u.type, u.website]),
        name,
      ).toEqual([
        ['Trường THCS Văn Lang', 'thcs', 'https://thcs-vanlang.hcm.edu.vn/'],
        ['Trường Tiểu học Trần Hưng Đạo', 'tieu-hoc', 'http://th-tranhungdao.hcm.edu.vn/'],
      ]);
    }
  });

  it('windows-1258: named at the row and column that holds it, with its reading, and refused as a whole', async () => {
    const c = await check('windows-1258.csv');
    expect(c.lines).toEqual([
      `windows-1258.csv:4: name: ô này không phải UTF-8 (đọc theo bảng mã windows-1258 là 'Trường Tiểu học Hòa Bình'); hãy lưu lại tệp dạng "CSV UTF-8"`,
    ]);
    expect(c.audit).toMatchObject({ starts: false, withSkip: false });
  });

  it('sniffs content: a CSV named .xlsx is read as CSV; .xls, .ods and HTML exports are refused with what to do', async () => {
    const renamed = await check('csv-renamed.xlsx');
    expect(renamed.lines).toEqual(["csv-renamed.xlsx:1: -: cảnh báo: tệp có đuôi '.xlsx' nhưng nội dung là CSV; đọc như CSV"]);
    expect(renamed.summary).toBe('1 đơn vị hợp lệ, 0 dòng lỗi, 1 cảnh báo');
    expect((await check('excel-97.xls')).lines).toEqual([
      'excel-97.xls:1: -: tệp Excel 97–2003 (.xls) không được hỗ trợ: hãy lưu lại dạng .xlsx hoặc CSV UTF-8',
    ]);
    expect((await check('libreoffice.ods')).lines).toEqual([
      'libreoffice.ods:1: -: tệp OpenDocument (.ods) không được hỗ trợ: hãy lưu lại dạng .xlsx hoặc CSV UTF-8',
    ]);
    const html = await check('html-export.xls');
    expect(html.lines).toEqual([
      'html-export.xls:1: -: trang HTML (tệp "Excel" xuất từ phần mềm) không được hỗ trợ: hãy lưu lại dạng .xlsx hoặc CSV UTF-8',
    ]);
    expect(html.audit).toMatchObject({ starts: false, withSkip: false });
    expect(html.audit.said.at(-1)).toBe('html-export.xls: danh sách có 1 lỗi, chưa kiểm tra được');
  });

  it('a missing file: a clear message, no --skip-invalid hint', async () => {
    const c = await check('khong-co.csv');
    expect(c.lines).toEqual(['khong-co.csv:1: -: không tìm thấy tệp']);
    expect(c.audit.said).toEqual(['khong-co.csv:1: -: không tìm thấy tệp', 'khong-co.csv: danh sách có 1 lỗi, chưa kiểm tra được']);
  });
});

describe('messages', () => {
  it('collapses identical errors into one line with the count and the rows (thousands written the Vietnamese way)', async () => {
    const rows = Array.from({ length: 1_234 }, (_, i) => `${i + 1},Trường ${i + 1},truong-bay,Quận 1,`);
    const file = await tmp.write('same.csv', `id,name,type,district,website\n${rows.join('\n')}\n`);
    const vi = await check(file);
    expect(vi.lines).toEqual([
      `${file}:2: type: loại hình không hợp lệ: 'truong-bay' (hợp lệ: so, phong, mam-non, tieu-hoc, thcs, thpt, lien-cap, gdtx, khac) (1.234 dòng: 2–1.235)`,
    ]);
    expect(vi.summary).toBe('0 đơn vị hợp lệ, 1.234 dòng lỗi');
    const en = await check(file, { lang: 'en' });
    expect(en.lines).toEqual([
      `${file}:2: type: invalid unit type: 'truong-bay' (valid: so, phong, mam-non, tieu-hoc, thcs, thpt, lien-cap, gdtx, khac) (1,234 rows: 2–1,235)`,
    ]);
    expect(en.summary).toBe('0 valid units, 1,234 rows with errors');
  }, 30_000);

  it('lists separate runs of rows, and keeps two identical errors on their own lines', async () => {
    const file = await tmp.write(
      'runs.csv',
      'id,name,type,district,website\n1,A,x,Q1,\n2,B,x,Q1,\n3,C,thcs,Q1,\n4,D,x,Q1,\n5,E,y,Q1,\n6,F,y,Q1,\n',
    );
    const lines = (await check(file)).lines;
    expect(lines[0]).toMatch(/^.*:2: type: loại hình không hợp lệ: 'x' .* \(3 dòng: 2–3, 5\)$/);
    expect(lines.slice(1).map((l) => l.split(': ')[0]!.split(':').at(-1))).toEqual(['6', '7']);
  });

  it('English with --lang en, singular and plural right', async () => {
    const one = await check('title-block.csv', { lang: 'en' });
    expect(one.lines).toEqual([
      'title-block.csv:5: -: warning: row 5 used as the header row (4 rows above it skipped)',
      "title-block.csv:9: type: invalid unit type: 'trường tiểu học' (valid: so, phong, mam-non, tieu-hoc, thcs, thpt, lien-cap, gdtx, khac)",
    ]);
    expect(one.summary).toBe('2 valid units, 1 row with errors, 1 warning');
    expect(one.audit.said.at(-1)).toBe(
      'title-block.csv: the registry has 1 error; fix them, or use --skip-invalid to audit the valid rows',
    );
    const single = await check('csv-renamed.xlsx', { lang: 'en' });
    expect(single.summary).toBe('1 valid unit, 0 rows with errors, 1 warning');
    expect((await check('khong-co.csv', { lang: 'en' })).lines).toEqual(['khong-co.csv:1: -: file not found']);
  });

  it('JSON: an unknown key is named once, at the first element that has it', async () => {
    const file = await tmp.write(
      'extra.json',
      JSON.stringify([
        { id: 'a', name: 'Trường A', type: 'thcs', district: 'Q1', hieu_truong: 'X' },
        { id: 'b', name: 'Trường B', type: 'thcs', district: 'Q1', hieu_truong: 'Y' },
      ]),
    );
    expect((await check(file)).lines).toEqual([
      `${file}:1: hieu_truong: cảnh báo: cột không nhận ra, bỏ qua (nếu là một trường, dùng --columns)`,
    ]);
  });
});
