// "Tiêu chí" (each criterion with its legal basis) and "Rà soát danh sách" (what the registry owner must fix).
import { describeBasis } from '../../../engine/basis.js';
import type { SheetContext } from './context.js';
import { formSheet } from './context.js';
import { UNIT_TYPE_LABELS } from '../../../model/unit.js';
import { addDataRow } from '../sheet-style.js';

export function criteriaSheet(ctx: SheetContext): void {
  const { view, t } = ctx;
  const cols = [t.ruleId, t.ruleTitle, t.weight, t.appliesTo, t.basis].map((header, i) => ({
    header,
    width: [22, 34, 8, 22, 60][i]!,
    wrap: i !== 2,
  }));
  const sheet = formSheet(ctx, t.sheetCriteria, t.titleCriteria, cols);
  for (const r of view.rules.filter((x) => view.run.rules.includes(x.meta.id))) {
    const applies = r.meta.appliesTo === 'all' ? t.all : r.meta.appliesTo.map((a) => UNIT_TYPE_LABELS[a][view.lang]).join(', ');
    // each provision said in force or not on the audit date
    const basis = r.meta.basis.map((b) => describeBasis(b, view.run.now, view.lang)).join('\n');
    addDataRow(sheet, [r.meta.id, r.meta.title[view.lang], r.meta.weight, applies, basis]);
  }
  sheet.commit();
}

export function registrySheet(ctx: SheetContext): void {
  const { view, t } = ctx;
  const cols = [t.issue, t.unitIds, t.detail].map((header, i) => ({ header, width: [28, 30, 70][i]!, wrap: true }));
  const sheet = formSheet(ctx, t.sheetRegistry, t.titleRegistry, cols);
  for (const issue of view.run.registryChecks) addDataRow(sheet, [t.issues[issue.kind], issue.units.join(', '), issue.detail]);
  sheet.commit();
}
