// Problem texts, Vietnamese first then English, so every reader and check says the same thing the same way.

/** Quotes untrusted cell text for a one-line message: control characters blanked, long values cut. */
export function quote(value: string): string {
  // eslint-disable-next-line no-control-regex
  const flat = value.replace(/[\u0000-\u001f\u007f]+/g, ' ');
  return `'${flat.length > 80 ? `${flat.slice(0, 79)}…` : flat}'`;
}

const both = (vi: string, en: string): string => `${vi} / ${en}`;

export const msg = {
  unreadable: (detail: string) => both(`không đọc được tệp (${detail})`, 'cannot read the file'),
  unknownExtension: (ext: string) =>
    both(`định dạng tệp không hỗ trợ: ${quote(ext || '(không có)')} (hỗ trợ: .csv, .xlsx, .json)`, 'unsupported file type'),
  emptyFile: () => both('tệp rỗng, không có đơn vị nào', 'empty file, no units'),
  notUtf8: () => both('tệp CSV không phải UTF-8 (hãy lưu lại dạng "CSV UTF-8")', 'CSV file is not UTF-8'),
  csvSyntax: (detail: string) => both(`lỗi cú pháp CSV (${detail})`, 'CSV syntax error'),
  xlsxUnreadable: (detail: string) => both(`không mở được tệp XLSX (${detail})`, 'cannot open the XLSX workbook'),
  noWorksheet: () => both('sổ tính không có trang tính nào', 'workbook has no worksheet'),
  jsonSyntax: (detail: string) => both(`JSON không hợp lệ (${detail})`, 'invalid JSON'),
  jsonShape: () => both('JSON phải là một mảng đơn vị hoặc { "units": [...] }', 'JSON must be an array of units or { "units": [...] }'),
  jsonNotObject: () => both('phần tử không phải là đối tượng', 'element is not an object'),
  jsonNotText: () => both('giá trị phải là chuỗi hoặc số', 'value must be a string or a number'),
  missingColumn: (field: string) => both(`thiếu cột bắt buộc '${field}'`, `required column '${field}' missing`),
  duplicateColumn: (header: string) => both(`cột trùng lặp ${quote(header)}, dùng cột đầu tiên`, 'duplicate column, the first one is used'),
  required: () => both('thiếu giá trị bắt buộc', 'required value missing'),
  badType: (value: string, valid: readonly string[]) =>
    both(`loại hình không hợp lệ: ${quote(value)} (hợp lệ: ${valid.join(', ')})`, 'invalid unit type'),
  badUrl: (value: string, why: string) => `${quote(value)}: ${why}`,
  badEmail: (value: string) => both(`email không hợp lệ: ${quote(value)}`, 'invalid e-mail address'),
  badProvince: (value: string) =>
    both(`mã tỉnh không hợp lệ: ${quote(value)} (chữ thường không dấu, số, '-', ngăn cách bằng '|')`, 'invalid province code'),
  duplicateId: (id: string, firstRow: number) =>
    both(`mã đơn vị ${quote(id)} trùng với dòng ${firstRow}`, `duplicate id, first at row ${firstRow}`),
  summary: (valid: number, badRows: number) =>
    both(`${valid} đơn vị hợp lệ, ${badRows} dòng lỗi`, `${valid} valid units, ${badRows} rows with errors`),
};
