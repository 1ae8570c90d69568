// Official-form styling shared by the workbook's sheets: title rows, bold frozen header, autofilter,
// fitted column widths, A4 landscape fit-to-width with the header row repeated on every printed page.
import type ExcelJS from 'exceljs';
import { STATUS_FILLS } from '../labels.js';
import type { Status } from '../../model/rule.js';

export interface SheetColumn {
  header: string;
  width: number;
}

type Writer = ExcelJS.stream.xlsx.WorkbookWriter;
type Sheet = ExcelJS.Worksheet;

const HEADER_ROW = 4;

export function addFormSheet(book: Writer, name: string, title: string, subtitle: string, columns: SheetColumn[]): Sheet {
  const lastCol = columnLetter(columns.length);
  const sheet = book.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: 0 }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
  });
  sheet.columns = columns.map((c, i) => ({ key: `c${i}`, width: c.width }));
  const titleRow = sheet.addRow([title]);
  titleRow.font = { bold: true, size: 14 };
  sheet.mergeCells(`A1:${lastCol}1`);
  titleRow.commit();
  const sub = sheet.addRow([subtitle]);
  sub.font = { italic: true };
  sheet.mergeCells(`A2:${lastCol}2`);
  sub.commit();
  sheet.addRow([]).commit();
  const header = sheet.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  // criterion names wrap over several lines
  header.height = 60;
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
  });
  header.commit();
  sheet.autoFilter = `A${HEADER_ROW}:${lastCol}${HEADER_ROW}`;
  return sheet;
}

/**
 * Colours status cells by their text with one conditional-formatting rule per label, written once per sheet:
 * styling each of 50,000 × 27 cells one by one made exceljs spend most of the workbook's time rendering styles,
 * and the colours now follow an inspector's own edits.
 */
export function colourStatuses(sheet: Sheet, ref: string, labels: { text: string; status: Status }[]): void {
  sheet.addConditionalFormatting({
    ref,
    rules: labels.map(({ text, status }, i) => ({
      type: 'cellIs',
      operator: 'equal',
      priority: i + 1,
      formulae: [`"${text.replace(/"/g, '""')}"`],
      style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: STATUS_FILLS[status] } } },
    })),
  });
}

export const FIRST_DATA_ROW = HEADER_ROW + 1;

export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}
