// "Cảnh báo", right after "Tổng hợp": the units failing a blocking rule, one row per unit and rule, for the
// inspector to report and act on before reading any score.
import type { SheetContext } from './context.js';
import { formSheet, link } from './context.js';
import { addDataRow, type SheetColumn } from '../sheet-style.js';
import { breathe } from '../backpressure.js';
import { unitAlerts } from '../../alerts.js';
import { rulesById } from '../../localize.js';

export async function alertSheet(ctx: SheetContext): Promise<void> {
  const { view, t } = ctx;
  const cols: SheetColumn[] = [
    { header: t.no, width: 5 },
    { header: t.id, width: 11 },
    { header: t.name, width: 24, wrap: true },
    { header: t.district, width: 14, wrap: true },
    { header: t.problem, width: 24, wrap: true },
    { header: t.website, width: 30 },
    { header: t.finalUrl, width: 30 },
    { header: t.found, width: 40, wrap: true },
    { header: t.basis, width: 34, wrap: true },
  ];
  const sheet = formSheet(ctx, t.sheetAlerts, t.titleAlerts, cols, { repeatColumns: 3 });
  const rules = rulesById(view.rules);
  let n = 0;
  for await (const u of view.units()) {
    for (const a of unitAlerts(u, rules, view.lang)) {
      n += 1;
      addDataRow(sheet, [n, a.unitId, a.name, a.district, a.problem, link(a.website), link(a.finalUrl), a.found, a.basis]);
      await breathe(sheet);
    }
  }
  if (!n) addDataRow(sheet, ['', '', t.noAlerts]);
  sheet.commit();
}
