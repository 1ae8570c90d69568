// "Chi tiết đơn vị": one row per unit, one column per criterion (statuses coloured by conditional formats), the
// registered website next to where it really led, and the unscored page timings of a rendered home page. Wide:
// several A4 pages across with STT, id and name repeated.
import type { SheetContext } from './context.js';
import { formSheet, link, ruleHeader, statusLabels } from './context.js';
import { STATUS_LABELS, crawlLabel, gradeLabel } from '../../labels.js';
import { UNIT_TYPE_LABELS } from '../../../model/unit.js';
import { FIRST_DATA_ROW, addDataRow, colourStatuses, columnLetter, type SheetColumn } from '../sheet-style.js';
import { breathe } from '../backpressure.js';
import { gradeReasons } from '../../grade-reason.js';
import { rulesById } from '../../localize.js';
import { pageLoadCells, pageLoadHeaders } from '../../page-load.js';

export async function unitSheet(ctx: SheetContext): Promise<void> {
  const { view, t } = ctx;
  const ruleIds = view.run.rules;
  const fixed: SheetColumn[] = [
    { header: t.no, width: 5 },
    { header: t.id, width: 11 },
    { header: t.name, width: 28, wrap: true },
    { header: t.type, width: 11 },
    { header: t.district, width: 14, wrap: true },
    { header: t.website, width: 30 },
    { header: t.finalUrl, width: 30 },
    { header: t.pageTitle, width: 26, wrap: true },
    { header: t.crawl, width: 15, wrap: true },
  ];
  const tail: SheetColumn[] = [
    { header: t.score, width: 7 },
    { header: t.verified, width: 10 },
    { header: t.grade, width: 10 },
    { header: t.notes, width: 40, wrap: true },
  ];
  // unscored page timings last, so the rule and score columns keep their places
  const load: SheetColumn[] = pageLoadHeaders(view.lang).map((header) => ({ header, width: 12, wrap: true }));
  const cols = [...fixed, ...ruleIds.map((id) => ({ header: ruleHeader(view, id), width: 13 })), ...tail, ...load];
  const sheet = formSheet(ctx, t.sheetUnits, t.titleUnits, cols, { repeatColumns: 3 });
  const byId = rulesById(view.rules);
  let n = 0;
  for await (const u of view.units()) {
    n += 1;
    const statuses = ruleIds.map((id) => u.findings.find((f) => f.rule === id)?.status);
    addDataRow(sheet, [
      n,
      u.id,
      u.name,
      UNIT_TYPE_LABELS[u.type]?.[view.lang] ?? u.type,
      u.district,
      link(u.website),
      link(u.finalUrl ?? ''),
      u.title ?? '',
      crawlLabel(u, view.lang),
      ...statuses.map((s) => (s ? STATUS_LABELS[view.lang][s] : '')),
      u.score ?? '',
      Math.round(u.verified * 1000) / 10,
      gradeLabel(u.grade, view.lang),
      gradeReasons(u, byId, view.lang).join(' · '),
      ...pageLoadCells(u.timings, view.lang),
    ]);
    await breathe(sheet);
  }
  if (n && ruleIds.length) {
    const range = `${columnLetter(fixed.length + 1)}${FIRST_DATA_ROW}:${columnLetter(fixed.length + ruleIds.length)}${FIRST_DATA_ROW + n - 1}`;
    colourStatuses(sheet, range, statusLabels(view.lang));
  }
  sheet.commit();
}
