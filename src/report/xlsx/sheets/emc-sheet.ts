// "Rà soát EMC": the 2024 review's criteria 2.1 and 2.2a–c per unit, answered Có / Không.
import type { SheetContext } from './context.js';
import { formSheet, link, statusLabels } from './context.js';
import { STATUS_LABELS } from '../../labels.js';
import { FIRST_DATA_ROW, addDataRow, colourStatuses } from '../sheet-style.js';
import { breathe } from '../backpressure.js';
import { EMC_CRITERIA, emcAnswer } from '../../../aggregate/emc-review.js';

export async function emcSheet(ctx: SheetContext): Promise<void> {
  const { view, t } = ctx;
  const cols = [t.no, t.id, t.name, t.website, t.c21, t.c22a, t.c22b, t.c22c, t.emcSiteId].map((header, i) => ({
    header,
    width: [5, 11, 30, 30, 12, 12, 16, 16, 12][i]!,
    wrap: i === 2 || i === 3,
  }));
  const sheet = formSheet(ctx, t.sheetEmc, t.titleEmc, cols);
  const words = { yes: view.lang === 'vi' ? 'Có' : 'Yes', no: view.lang === 'vi' ? 'Không' : 'No' };
  let n = 0;
  for await (const u of view.units()) {
    n += 1;
    const cells = EMC_CRITERIA.map(({ rule }) => emcAnswer(u, rule));
    const text = cells.map((c) =>
      c.answer === 'yes' || c.answer === 'no' ? words[c.answer] : c.status ? STATUS_LABELS[view.lang][c.status] : '',
    );
    addDataRow(sheet, [n, u.id, u.name, link(u.website), ...text, String(u.facts.emcSiteId ?? '')]);
    await breathe(sheet);
  }
  if (n)
    colourStatuses(sheet, `E${FIRST_DATA_ROW}:H${FIRST_DATA_ROW + n - 1}`, [
      { text: words.yes, status: 'pass' },
      { text: words.no, status: 'fail' },
      ...statusLabels(view.lang),
    ]);
  sheet.commit();
}
