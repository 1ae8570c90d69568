// "Biểu đồ": the units of each district by grade, as a native stacked bar chart over the district rows of "Tổng hợp"
// (its own cells, so the chart follows an inspector's edits there). exceljs writes the sheet; the chart itself is
// added to the package after the workbook is committed (chart-package.ts). Why a native chart and not a picture:
// docs/xlsx-chart.md.
import type { SheetContext } from '../sheets/context.js';
import { GRADES, type Grade } from '../../../model/result.js';
import { gradeLabel } from '../../labels.js';
import { FIRST_DATA_ROW, FONT, columnLetter } from '../sheet-style.js';
import { MARGINS } from '../print-layout.js';
import type { SheetChart } from './chart-package.js';

const TEXT = {
  vi: {
    sheet: 'Biểu đồ',
    title: 'XẾP LOẠI CÁC ĐƠN VỊ THEO QUẬN/HUYỆN',
    axis: 'Số đơn vị',
    source: 'Số liệu lấy từ trang "Tổng hợp"; biểu đồ cập nhật theo khi sửa số liệu ở đó.',
  },
  en: {
    sheet: 'Chart',
    title: 'UNITS BY GRADE, PER DISTRICT',
    axis: 'Units',
    source: 'Figures from the "Summary" sheet; the chart follows edits made there.',
  },
} as const;

/** Green to red, and grey for "not verified" (a grade apart, not a step of the scale). */
export const GRADE_COLOURS: Record<Grade, string> = {
  Tốt: '2E7D32',
  Khá: '8BC34A',
  Đạt: 'FBC02D',
  'Chưa đạt': 'C62828',
  'Chưa xác minh': '90A4AE',
};

/** Columns of "Tổng hợp": the district name in A, then units, reachable, average, and one count per grade. */
const SUMMARY_NAME_COL = 1;
const SUMMARY_FIRST_GRADE_COL = 5;
const CHART_COLUMNS = 10;
const CHART_COLUMN_WIDTH = 13;
const TOP_ROWS = 3;

export const chartSheetName = (lang: 'vi' | 'en'): string => TEXT[lang].sheet;

const quoteSheet = (name: string): string => `'${name.replace(/'/g, "''")}'`;

/** Writes the sheet (title and source note) and returns the chart to add to it once the workbook is committed. */
export function gradeChartSheet(ctx: SheetContext): SheetChart | undefined {
  const { view, t, book } = ctx;
  const words = TEXT[view.lang];
  const districts = view.districts;
  if (!districts.length) return undefined;
  const sheet = book.addWorksheet(words.sheet, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: false, scale: 100, margins: MARGINS },
    headerFooter: { oddFooter: `&L&A&R${t.page} &P/&N` },
  });
  sheet.columns = Array.from({ length: CHART_COLUMNS }, (_, i) => ({ key: `c${i}`, width: CHART_COLUMN_WIDTH }));
  for (const [text, font] of [
    [words.title, { ...FONT, bold: true, size: 14 }],
    [`${ctx.subtitle}. ${words.source}`, { ...FONT, italic: true }],
  ] as const) {
    const row = sheet.addRow([text]);
    row.font = font;
    row.alignment = { vertical: 'middle', wrapText: true };
    row.height = font.size === 14 ? 22 : 30;
    sheet.mergeCells(row.number, 1, row.number, CHART_COLUMNS);
    row.commit();
  }
  sheet.commit();

  const summary = quoteSheet(t.sheetSummary);
  const first = FIRST_DATA_ROW;
  const last = FIRST_DATA_ROW + districts.length - 1;
  const range = (col: number): string => `${summary}!$${columnLetter(col)}$${first}:$${columnLetter(col)}$${last}`;
  // a bar per district and room for its label: about 1.1 rows of 15 pt each, never shorter than a readable chart
  const height = Math.max(26, Math.ceil(districts.length * 1.1) + 8);
  return {
    sheet: words.sheet,
    anchor: { fromCol: 0, fromRow: TOP_ROWS, toCol: CHART_COLUMNS, toRow: TOP_ROWS + height },
    chart: {
      title: words.title,
      valueAxisTitle: words.axis,
      categoriesRef: range(SUMMARY_NAME_COL),
      categories: districts.map((d) => d.district),
      series: GRADES.map((g, i) => ({
        nameRef: `${summary}!$${columnLetter(SUMMARY_FIRST_GRADE_COL + i)}$${first - 1}`,
        name: gradeLabel(g, view.lang),
        valuesRef: range(SUMMARY_FIRST_GRADE_COL + i),
        values: districts.map((d) => d.grades[g]),
        colour: GRADE_COLOURS[g],
      })),
    },
  };
}
