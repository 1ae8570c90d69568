// report.xlsx in the layout of the ministry's review forms, written with exceljs's streaming WorkbookWriter so
// memory stays bounded on 50,000 units: each sheet reads the units stream once and commits rows as it goes.
// Each sheet is its own module in sheets/; the print layout is sheet-style.ts and print-layout.ts.
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import type { RunView } from '../run-view.js';
import type { Reporter } from '../reporter.js';
import { sheetContext } from './sheets/context.js';
import { summarySheet } from './sheets/summary-sheet.js';
import { alertSheet } from './sheets/alert-sheet.js';
import { districtSheet } from './sheets/district-sheet.js';
import { unitSheet } from './sheets/unit-sheet.js';
import { emcSheet } from './sheets/emc-sheet.js';
import { criteriaSheet, registrySheet } from './sheets/reference-sheets.js';
import { EVIDENCE_ROWS_PER_SHEET, evidenceSheet } from './sheets/evidence-sheet.js';
import { gradeChartSheet } from './chart/grade-chart-sheet.js';
import { addCharts } from './chart/chart-package.js';

export { EVIDENCE_ROWS_PER_SHEET };

export const xlsxReporter: Reporter = {
  async write(view, dir) {
    const file = join(dir, 'report.xlsx');
    await writeXlsxReport(view, file);
    return [file];
  },
};

export async function writeXlsxReport(view: RunView, file: string, options: { evidenceRowsPerSheet?: number } = {}): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  book.creator = `${view.run.tool.name} ${view.run.tool.version}`;
  book.created = new Date(view.run.finishedAt);
  const ctx = sheetContext(book, view);
  const total = await summarySheet(ctx);
  await alertSheet(ctx);
  const chart = gradeChartSheet(ctx);
  districtSheet(ctx, total);
  await unitSheet(ctx);
  await emcSheet(ctx);
  criteriaSheet(ctx);
  await evidenceSheet(ctx, options.evidenceRowsPerSheet ?? EVIDENCE_ROWS_PER_SHEET);
  registrySheet(ctx);
  await book.commit();
  // exceljs writes no charts: the chart's parts are added to the committed package
  if (chart) await addCharts(file, [chart]);
}
