// Official-form styling shared by the workbook's sheets: title rows, bold frozen header, autofilter, column widths,
// and the print layout (src/report/xlsx/print-layout.ts): A4 at a readable scale, header row and identifying
// columns repeated on every page, grid lines and page numbers printed, rows as tall as their wrapped text.
import type ExcelJS from 'exceljs';
import { STATUS_FILLS } from '../labels.js';
import type { Status } from '../../model/rule.js';
import { MARGINS, printScale, type PrintLayout } from './print-layout.js';
import { LINE_HEIGHT, rowHeight } from './row-height.js';

export interface SheetColumn {
  header: string;
  width: number;
  /** Long text: wrapped, and the row made tall enough for it. */
  wrap?: boolean;
}

type Writer = ExcelJS.stream.xlsx.WorkbookWriter;
type Sheet = ExcelJS.Worksheet;

const HEADER_ROW = 4;
export const FIRST_DATA_ROW = HEADER_ROW + 1;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const THIN: Partial<ExcelJS.Border> = { style: 'thin' };
/** Every font named: a font without a name prints in LibreOffice's default serif. */
export const FONT = { name: 'Calibri', size: 11 } as const;
const BOLD = { ...FONT, bold: true };

export interface FormSheetSpec {
  name: string;
  title: string;
  subtitle: string;
  columns: SheetColumn[];
  layout?: PrintLayout;
  /** "Trang" / "Page", for the printed footer. */
  pageWord: string;
}

/** The columns of each sheet, kept with it for the row heights of its rows. */
const COLUMNS = new WeakMap<Sheet, SheetColumn[]>();

export function addFormSheet(book: Writer, spec: FormSheetSpec): Sheet {
  const { columns, layout = {} } = spec;
  const lastCol = columnLetter(columns.length);
  const { scale, pagesWide, firstPageColumns } = printScale(
    columns.map((c) => c.width),
    layout,
  );
  const repeat = layout.repeatColumns ?? 0;
  const sheet = book.addWorksheet(spec.name, {
    views: [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: pagesWide > 1 ? repeat : 0 }],
    pageSetup: {
      paperSize: 9,
      orientation: layout.orientation ?? 'landscape',
      // an explicit scale, never fit-to-width: a wide sheet goes several pages across instead of shrinking unreadably
      fitToPage: false,
      scale,
      pageOrder: pagesWide > 1 ? 'overThenDown' : 'downThenOver',
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
      ...(pagesWide > 1 && repeat ? { printTitlesColumn: `A:${columnLetter(repeat)}` } : {}),
      margins: MARGINS,
    },
    headerFooter: { oddFooter: `&L&A&R${spec.pageWord} &P/&N` },
  });
  sheet.columns = columns.map((c, i) => ({
    key: `c${i}`,
    width: c.width,
    style: { alignment: { vertical: 'top', ...(c.wrap ? { wrapText: true } : {}) } },
  }));
  COLUMNS.set(sheet, columns);
  printGridLines(sheet);
  // the title and subtitle wrap inside the columns of the first printed page instead of spilling onto others
  const titleCols = Math.min(columns.length, firstPageColumns);
  const titleWidth = columns.slice(0, titleCols).reduce((w, c) => w + c.width, 0);
  banner(sheet, spec.title, { ...BOLD, size: 14 }, titleWidth * (11 / 14), titleCols);
  banner(sheet, spec.subtitle, { ...FONT, italic: true }, titleWidth, titleCols);
  sheet.addRow([]).commit();
  addTableHeader(
    sheet,
    columns.map((c) => c.header),
  );
  sheet.autoFilter = `A${HEADER_ROW}:${lastCol}${HEADER_ROW}`;
  return sheet;
}

/**
 * Grid lines on paper, so a printed table reads as one (borders on every cell would cost a style per cell on
 * 50,000 rows). exceljs's streaming writer has no printOptions, so its page-margins step is made to write the
 * element first, where the OOXML schema wants it; test/report/print-layout.test.ts fails if exceljs changes this.
 */
function printGridLines(sheet: Sheet): void {
  const writer = sheet as unknown as { _writePageMargins?: () => void; stream: { write: (s: string) => void } };
  const margins = writer._writePageMargins;
  if (typeof margins !== 'function') return;
  writer._writePageMargins = function (this: typeof writer) {
    this.stream.write('<printOptions gridLines="1"/>');
    margins.call(this);
  };
}

function banner(sheet: Sheet, text: string, font: Partial<ExcelJS.Font>, width: number, columns: number): void {
  const row = sheet.addRow([text]);
  row.font = font;
  row.alignment = { vertical: 'middle', wrapText: true };
  const height = rowHeight([{ text, width }]);
  if (height) row.height = height * ((font.size ?? 11) / 11);
  if (columns > 1) sheet.mergeCells(row.number, 1, row.number, columns);
  row.commit();
}

/** A header row in the form's style (the sheet's own, or that of a second table further down the sheet). */
export function addTableHeader(sheet: Sheet, headers: readonly string[], options: { spanLast?: boolean } = {}): void {
  const columns = COLUMNS.get(sheet) ?? [];
  const widths = columns.map((c) => c.width);
  const span = options.spanLast && headers.length < columns.length;
  if (span) widths[headers.length - 1] = widths.slice(headers.length - 1).reduce((a, b) => a + b, 0);
  const header = sheet.addRow([...headers]);
  if (span) sheet.mergeCells(header.number, headers.length, header.number, columns.length);
  header.font = BOLD;
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.height = Math.max(2 * LINE_HEIGHT + 3, rowHeight(headers.map((text, i) => ({ text, width: (widths[i] ?? 10) - 1 }))) ?? 0);
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
  });
  header.commit();
}

const cellText = (v: ExcelJS.CellValue): string =>
  v === null || v === undefined ? '' : typeof v === 'object' && 'text' in v ? String(v.text) : String(v);

/**
 * Adds and commits a data row, as tall as its wrapped cells need; `total` rows are bold with a rule above. With
 * `spanLast`, the last value (long text in a table narrower than the sheet) is merged across to the sheet's last
 * column and wrapped there, so it never runs off the printed page.
 */
export function addDataRow(
  sheet: Sheet,
  values: readonly ExcelJS.CellValue[],
  options: { total?: boolean; spanLast?: boolean } = {},
): void {
  const columns = COLUMNS.get(sheet) ?? [];
  const row = sheet.addRow([...values]);
  const last = values.length - 1;
  const span = options.spanLast && last + 1 < columns.length;
  const height = rowHeight(
    columns.flatMap((c, i) => {
      if (span && i === last) return [{ text: cellText(values[i] ?? ''), width: columns.slice(last).reduce((w, x) => w + x.width, 0) }];
      return c.wrap && i < values.length ? [{ text: cellText(values[i] ?? ''), width: c.width }] : [];
    }),
  );
  if (span) {
    row.getCell(last + 1).alignment = { vertical: 'top', wrapText: true };
    sheet.mergeCells(row.number, last + 1, row.number, columns.length);
  }
  if (height) row.height = height;
  if (options.total) {
    row.font = BOLD;
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.border = { top: THIN, bottom: { style: 'double' } };
    });
  }
  row.commit();
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

export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}
