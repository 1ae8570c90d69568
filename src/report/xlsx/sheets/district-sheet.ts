// "Theo quận huyện": each district's pass rate per criterion (warn counts half), closed by the run's own row.
// Wide (one column per criterion): printed several A4 pages across with the district column repeated.
import type { SheetContext } from './context.js';
import { formSheet, ruleHeader } from './context.js';
import type { DistrictSummary } from '../../../model/result.js';
import { addDataRow } from '../sheet-style.js';

export function passRate(d: DistrictSummary, id: string): number | '' {
  const c = d.rules[id];
  const judged = c ? c.pass + c.warn + c.fail : 0;
  return judged ? Math.round(((c!.pass + c!.warn * 0.5) / judged) * 1000) / 10 : '';
}

export function districtSheet(ctx: SheetContext, total: DistrictSummary): void {
  const { view, t } = ctx;
  const ruleIds = view.run.rules;
  const cols = [
    { header: t.district, width: 24 },
    { header: t.units, width: 8 },
    { header: t.reachable, width: 10 },
    { header: t.average, width: 8 },
    ...ruleIds.map((id) => ({ header: `${ruleHeader(view, id)}\n${t.passRate}`, width: 12 })),
  ];
  const sheet = formSheet(ctx, t.sheetDistricts, t.titleDistricts, cols, { repeatColumns: 1 });
  const row = (label: string, d: DistrictSummary): (string | number)[] => [
    label,
    d.units,
    d.reachable,
    d.averageScore ?? '',
    ...ruleIds.map((id) => passRate(d, id)),
  ];
  for (const d of view.districts) addDataRow(sheet, row(d.district, d));
  addDataRow(sheet, row(t.total, total), { total: true });
  sheet.commit();
}
