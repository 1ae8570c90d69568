// "Tổng hợp": per district, then per unit type as a table of its own, each closed by a total row; per platform; and
// the page-load line of the units whose home page was measured.
import type { SheetContext } from './context.js';
import { formSheet } from './context.js';
import { GRADES, type DistrictSummary, type Grade } from '../../../model/result.js';
import { gradeLabel } from '../../labels.js';
import { UNIT_TYPE_LABELS } from '../../../model/unit.js';
import { TypeAggregator } from '../../../aggregate/by-type.js';
import { DistrictAggregator } from '../../../aggregate/districts.js';
import { FONT, addDataRow, addTableHeader } from '../sheet-style.js';
import type ExcelJS from 'exceljs';
import { PLATFORM_HEADERS, PlatformAggregator, platformRows } from '../../../aggregate/by-platform.js';
import { PageLoadTally, pageLoadWords } from '../../page-load.js';

interface Rollup {
  units: number;
  reachable: number;
  averageScore: number | null;
  grades: Record<Grade, number>;
}

const cells = (label: string, r: Rollup): ExcelJS.CellValue[] => [
  label,
  r.units,
  r.reachable,
  r.averageScore ?? '',
  ...GRADES.map((g) => r.grades[g]),
];

/** Writes the sheet and returns the whole run's rollup (for the district sheet's total row). */
export async function summarySheet(ctx: SheetContext): Promise<DistrictSummary> {
  const { view, t } = ctx;
  const grades = GRADES.map((g) => gradeLabel(g, view.lang));
  const cols = [t.group, t.units, t.reachable, t.average, ...grades].map((header, i) => ({ header, width: i === 0 ? 34 : 11 }));
  // one pass over the units for the per-type table and the run total
  const byType = new TypeAggregator();
  const all = new DistrictAggregator();
  const byPlatform = new PlatformAggregator();
  const pageLoad = new PageLoadTally();
  for await (const u of view.units()) {
    byType.add(u);
    all.add(u);
    byPlatform.add(u);
    pageLoad.add(u);
  }
  const total = all.total();
  const sheet = formSheet(ctx, t.sheetSummary, t.titleSummary, cols, { orientation: 'portrait' });
  for (const d of view.districts) addDataRow(sheet, cells(d.district, d));
  addDataRow(sheet, cells(t.total, total), { total: true });
  sheet.addRow([]).commit();
  const heading = sheet.addRow([t.byType]);
  heading.font = { ...FONT, bold: true };
  heading.commit();
  addTableHeader(sheet, [t.type, t.units, t.reachable, t.average, ...grades]);
  for (const s of byType.summaries()) addDataRow(sheet, cells(UNIT_TYPE_LABELS[s.type][view.lang], s));
  addDataRow(sheet, cells(t.total, total), { total: true });
  // per platform: which vendor to call about how many units (src/aggregate/by-platform.ts)
  const ph = PLATFORM_HEADERS[view.lang];
  sheet.addRow([]).commit();
  addTableHeader(sheet, [ph.title, ph.units, ph.reachable, ph.average, ph.failing, ph.unverified, ph.topFails], { spanLast: true });
  for (const row of platformRows(byPlatform.summaries(), view.lang)) addDataRow(sheet, row, { spanLast: true });
  // the province's page timings (unscored), when any home page was rendered and measured
  const load = pageLoad.line(view.lang);
  if (load) {
    sheet.addRow([]).commit();
    const line = sheet.addRow([`${load}. ${pageLoadWords(view.lang).note}`]);
    line.font = { ...FONT, bold: true };
    line.commit();
  }
  sheet.commit();
  return total;
}
