// The first worksheet of an .xlsx; cells may be numbers, hyperlinks, rich text or formulas: we take their text.
// exceljs is loaded for an .xlsx registry only: importing it costs ~0.5 s of start-up that a CSV or JSON registry never needs
import type ExcelJS from 'exceljs';
import { msg } from './messages.js';
import { problemAt, type ReadContext } from './context.js';
import { gridToRows, type GridRow } from './table.js';
import type { Cell, ReadOutcome } from './types.js';

function valueText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return valueText(value.text as ExcelJS.CellValue);
  if ('formula' in value || 'sharedFormula' in value) return valueText(value.result);
  if ('error' in value) return value.error;
  return '';
}

export function cellOf(value: ExcelJS.CellValue): Cell {
  const text = valueText(value);
  if (value && typeof value === 'object' && 'hyperlink' in value && typeof value.hyperlink === 'string') {
    return { text, link: value.hyperlink };
  }
  return { text };
}

export async function readXlsx(ctx: ReadContext, bytes: Uint8Array): Promise<ReadOutcome> {
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    // the unzip library's own words ("End of data reached…") tell an inspector nothing
    return { rows: [], errors: [problemAt(ctx, 1, '-', msg.xlsxUnreadable())], fatal: true };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { rows: [], errors: [problemAt(ctx, 1, '-', msg.noWorksheet())], fatal: true };

  const grid: GridRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      cells[col - 1] = cellOf(cell.value);
    });
    grid.push({ row: rowNumber, cells: Array.from(cells, (c) => c ?? { text: '' }) });
  });
  return gridToRows(ctx, grid);
}
