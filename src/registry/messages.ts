// Problem texts in Vietnamese and English, so every reader and check says the same thing the same way;
// the reader picks one language (`--lang`, Vietnamese by default) when it records an error.
import type { Lang } from './types.js';

export interface Text {
  vi: string;
  en: string;
}

/** Quotes untrusted cell text for a one-line message: control characters blanked, long values cut. */
export function quote(value: string): string {
  // eslint-disable-next-line no-control-regex
  const flat = value.replace(/[\u0000-\u001f\u007f]+/g, ' ');
  return `'${flat.length > 80 ? `${flat.slice(0, 79)}…` : flat}'`;
}

/** 29755 → "29.755" in Vietnamese, "29,755" in English. */
export const count = (n: number, lang: Lang): string => n.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-US');

/** English singular or plural; Vietnamese nouns do not change. */
const en = (n: number, one: string, many: string): string => `${count(n, 'en')} ${n === 1 ? one : many}`;

const SAVE_AS = { vi: 'hãy lưu lại dạng .xlsx hoặc CSV UTF-8', en: 'save it as .xlsx or CSV UTF-8' };

export const msg = {
  notFound: (): Text => ({ vi: 'không tìm thấy tệp', en: 'file not found' }),
  isDirectory: (): Text => ({ vi: 'đây là thư mục, không phải tệp', en: 'this is a directory, not a file' }),
  noPermission: (): Text => ({ vi: 'không có quyền đọc tệp', en: 'no permission to read the file' }),
  unreadable: (detail: string): Text => ({ vi: `không đọc được tệp (${detail})`, en: `cannot read the file (${detail})` }),
  legacyFormat: (what: 'xls' | 'ods' | 'html'): Text => {
    const name = {
      xls: ['tệp Excel 97–2003 (.xls)', 'an Excel 97–2003 (.xls) workbook'],
      ods: ['tệp OpenDocument (.ods)', 'an OpenDocument (.ods) spreadsheet'],
      html: ['trang HTML (tệp "Excel" xuất từ phần mềm)', 'an HTML page (an "Excel" export)'],
    }[what];
    return { vi: `${name[0]} không được hỗ trợ: ${SAVE_AS.vi}`, en: `${name[1]} is not supported: ${SAVE_AS.en}` };
  },
  unknownFormat: (): Text => ({
    vi: `không nhận ra định dạng tệp (hỗ trợ CSV, XLSX, JSON): ${SAVE_AS.vi}`,
    en: `unrecognised file format (CSV, XLSX, JSON are supported): ${SAVE_AS.en}`,
  }),
  extensionMismatch: (ext: string, actual: string): Text => ({
    vi: `tệp có đuôi ${quote(ext || '(không có)')} nhưng nội dung là ${actual}; đọc như ${actual}`,
    en: `the file is named ${quote(ext || '(none)')} but holds ${actual}; read as ${actual}`,
  }),
  emptyFile: (): Text => ({ vi: 'tệp rỗng, không có đơn vị nào', en: 'empty file, no units' }),
  noDataRows: (headerRow: number): Text => ({
    vi: `không có đơn vị nào dưới dòng tiêu đề (dòng ${headerRow})`,
    en: `no units below the header row (row ${headerRow})`,
  }),
  notUtf8: (asWindows1258: string): Text => ({
    vi: `ô này không phải UTF-8 (đọc theo bảng mã windows-1258 là ${quote(asWindows1258)}); hãy lưu lại tệp dạng "CSV UTF-8"`,
    en: `this cell is not UTF-8 (as windows-1258 it reads ${quote(asWindows1258)}); save the file as "CSV UTF-8"`,
  }),
  csvSyntax: (code: string | undefined): Text => {
    if (code === 'CSV_QUOTE_NOT_CLOSED')
      return { vi: 'lỗi cú pháp CSV: dấu ngoặc kép (") mở mà không đóng', en: 'CSV syntax error: a quote (") is never closed' };
    if (code === 'CSV_INVALID_CLOSING_QUOTE')
      return {
        vi: 'lỗi cú pháp CSV: ký tự lạ ngay sau dấu ngoặc kép đóng',
        en: 'CSV syntax error: unexpected character after a closing quote',
      };
    return { vi: `lỗi cú pháp CSV${code ? ` (${code})` : ''}`, en: `CSV syntax error${code ? ` (${code})` : ''}` };
  },
  xlsxUnreadable: (): Text => ({
    vi: `không mở được tệp XLSX (tệp hỏng hoặc không phải XLSX): ${SAVE_AS.vi}`,
    en: `cannot open the XLSX workbook (damaged or not XLSX): ${SAVE_AS.en}`,
  }),
  noWorksheet: (): Text => ({ vi: 'sổ tính không có trang tính nào', en: 'workbook has no worksheet' }),
  jsonSyntax: (where: string): Text => ({
    vi: `JSON không hợp lệ${where ? ` (${where})` : ''}`,
    en: `invalid JSON${where ? ` (${where})` : ''}`,
  }),
  jsonShape: (): Text => ({
    vi: 'JSON phải là một mảng đơn vị hoặc { "units": [...] }',
    en: 'JSON must be an array of units or { "units": [...] }',
  }),
  jsonNotObject: (): Text => ({ vi: 'phần tử không phải là đối tượng', en: 'element is not an object' }),
  jsonNotText: (): Text => ({ vi: 'giá trị phải là chuỗi hoặc số', en: 'value must be a string or a number' }),
  noHeaderRow: (scanned: number, accepted: string): Text => ({
    vi: `không tìm thấy dòng tiêu đề trong ${scanned} dòng đầu; cần các cột ${accepted}; hoặc chỉ rõ bằng --columns trường="Tên cột"`,
    en: `no header row in the first ${scanned} rows; expected the columns ${accepted}; or name them with --columns field="Header"`,
  }),
  headerRowUsed: (row: number): Text => ({
    vi: `dùng dòng ${row} làm dòng tiêu đề (bỏ qua ${row - 1} dòng phía trên)`,
    en: `row ${row} used as the header row (${en(row - 1, 'row', 'rows')} above it skipped)`,
  }),
  missingColumn: (field: string, headerRow: number, accepted: string): Text => ({
    vi: `thiếu cột bắt buộc '${field}' trong dòng tiêu đề (dòng ${headerRow}); tên cột được chấp nhận: ${accepted}; hoặc --columns ${field}="Tên cột"`,
    en: `required column '${field}' missing from the header row (row ${headerRow}); accepted headers: ${accepted}; or --columns ${field}="Header"`,
  }),
  overrideNotFound: (field: string, header: string, headerRow: number): Text => ({
    vi: `--columns ${field}=${quote(header)}: không có cột này trong dòng tiêu đề (dòng ${headerRow})`,
    en: `--columns ${field}=${quote(header)}: no such column in the header row (row ${headerRow})`,
  }),
  duplicateColumn: (header: string, first: string): Text => ({
    vi: `cột ${quote(header)} trùng nghĩa với cột ${quote(first)}: chỉ đọc khi ô của cột ${quote(first)} trống`,
    en: `column ${quote(header)} means the same as ${quote(first)}: read only where ${quote(first)} is empty`,
  }),
  noWebsiteColumn: (accepted: string): Text => ({
    vi: `không có cột website (tên cột được chấp nhận: ${accepted}): mọi đơn vị sẽ được ghi "Chưa có website"; nếu có cột website, dùng --columns website="Tên cột"`,
    en: `no website column (accepted headers: ${accepted}): every unit will be recorded as having no website; if there is one, use --columns website="Header"`,
  }),
  alternativeColumn: (header: string, field: string, used: string): Text => ({
    vi: `cột ${quote(header)} không dùng: trường '${field}' lấy từ cột ${quote(used)}`,
    en: `column ${quote(header)} not used: '${field}' is read from ${quote(used)}`,
  }),
  unknownColumn: (): Text => ({
    vi: 'cột không nhận ra, bỏ qua (nếu là một trường, dùng --columns)',
    en: 'unknown column, ignored (map it with --columns if it is a field)',
  }),
  required: (): Text => ({ vi: 'thiếu giá trị bắt buộc', en: 'required value missing' }),
  badType: (value: string, valid: readonly string[]): Text => ({
    vi: `loại hình không hợp lệ: ${quote(value)} (hợp lệ: ${valid.join(', ')})`,
    en: `invalid unit type: ${quote(value)} (valid: ${valid.join(', ')})`,
  }),
  badUrl: (value: string, why: Text): Text => ({ vi: `${quote(value)}: ${why.vi}`, en: `${quote(value)}: ${why.en}` }),
  alternates: (urls: readonly string[]): Text => ({
    vi: `ô có thêm ${urls.length} địa chỉ, giữ làm địa chỉ phụ: ${urls.join(', ')}`,
    en: `the cell holds ${en(urls.length, 'more address', 'more addresses')}, kept as alternates: ${urls.join(', ')}`,
  }),
  badAlternate: (value: string, why: Text): Text => ({
    vi: `địa chỉ phụ ${quote(value)} bỏ qua: ${why.vi}`,
    en: `alternate ${quote(value)} ignored: ${why.en}`,
  }),
  badEmail: (value: string): Text => ({ vi: `email không hợp lệ: ${quote(value)}`, en: `invalid e-mail address: ${quote(value)}` }),
  badProvince: (value: string): Text => ({
    vi: `mã tỉnh không hợp lệ: ${quote(value)} (mã trong tên miền, vd. hcm, haiphong, hoặc tên tỉnh như Hải Phòng; ngăn cách bằng '|')`,
    en: `invalid province code: ${quote(value)} (the code in domains, e.g. hcm, haiphong, or the province's name such as Hải Phòng; separated by '|')`,
  }),
  provinceFromName: (value: string, code: string): Text => ({
    vi: `tên tỉnh ${quote(value)} được hiểu là mã tên miền ${quote(code)} (nếu tên miền của tỉnh khác, ghi mã vào ô này)`,
    en: `province name ${quote(value)} read as the domain code ${quote(code)} (if the province's domains use another code, write it here)`,
  }),
  duplicateId: (id: string, firstRow: number): Text => ({
    vi: `mã đơn vị ${quote(id)} trùng với dòng ${firstRow}`,
    en: `duplicate id ${quote(id)}, first at row ${firstRow}`,
  }),
  summary: (valid: number, badRows: number, warnings: number): Text => ({
    vi: `${count(valid, 'vi')} đơn vị hợp lệ, ${count(badRows, 'vi')} dòng lỗi${warnings ? `, ${count(warnings, 'vi')} cảnh báo` : ''}`,
    en: `${en(valid, 'valid unit', 'valid units')}, ${en(badRows, 'row with errors', 'rows with errors')}${warnings ? `, ${en(warnings, 'warning', 'warnings')}` : ''}`,
  }),
  /** The tail of a collapsed line: how many rows share the problem, and which. */
  sameInRows: (n: number, ranges: string, lang: Lang): string =>
    lang === 'vi' ? `${count(n, 'vi')} dòng: ${ranges}` : `${en(n, 'row', 'rows')}: ${ranges}`,
  warningPrefix: { vi: 'cảnh báo', en: 'warning' } as Text,
  refused: (n: number): Text => ({
    vi: `danh sách có ${count(n, 'vi')} lỗi, chưa kiểm tra được`,
    en: `the registry has ${en(n, 'error', 'errors')}; nothing audited`,
  }),
  refusedSkippable: (n: number): Text => ({
    vi: `danh sách có ${count(n, 'vi')} lỗi; sửa lại, hoặc dùng --skip-invalid để kiểm tra các dòng hợp lệ`,
    en: `the registry has ${en(n, 'error', 'errors')}; fix them, or use --skip-invalid to audit the valid rows`,
  }),
};

export const pick = (text: Text, lang: Lang = 'vi'): string => text[lang];
