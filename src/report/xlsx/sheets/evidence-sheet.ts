// "Bằng chứng": every finding that is not a pass, with the page, place and excerpt an inspector can check by hand.
import type { SheetContext } from './context.js';
import { formSheet, link, statusLabels } from './context.js';
import { STATUS_LABELS } from '../../labels.js';
import { FIRST_DATA_ROW, addDataRow, colourStatuses, type SheetColumn } from '../sheet-style.js';
import { breathe } from '../backpressure.js';
import { rulesById } from '../../localize.js';
import { findingText } from '../../exemption-note.js';

/**
 * Rows per evidence sheet: exceljs keeps a sheet's hyperlinks in memory until the sheet is committed, so a national
 * run's evidence is split over "Bằng chứng", "Bằng chứng (2)"… to keep memory bounded.
 */
export const EVIDENCE_ROWS_PER_SHEET = 100_000;

export async function evidenceSheet(ctx: SheetContext, rowsPerSheet: number): Promise<void> {
  const { view, t } = ctx;
  const cols: SheetColumn[] = [t.id, t.name, t.ruleId, t.status, t.message, t.url, t.selector, t.excerpt]
    // URLs are hyperlinks, which spreadsheets never wrap: their column is wide instead
    .map((header, i) => ({ header, width: [11, 20, 16, 11, 40, 34, 18, 40][i]!, wrap: i !== 0 && i !== 3 && i !== 5 }));
  const byId = rulesById(view.rules);
  let part = 1;
  let rows = 0;
  let sheet = formSheet(ctx, t.sheetEvidence, t.titleEvidence, cols);
  const close = (): void => {
    if (rows) colourStatuses(sheet, `D${FIRST_DATA_ROW}:D${FIRST_DATA_ROW + rows - 1}`, statusLabels(view.lang));
    sheet.commit();
  };
  for await (const u of view.units()) {
    for (const f of u.findings) {
      if (f.status === 'pass' || f.status === 'na') continue;
      const evidence = f.evidence.length ? f.evidence : [{ url: '' }];
      for (const e of evidence) {
        if (rows === rowsPerSheet) {
          close();
          part += 1;
          rows = 0;
          sheet = formSheet(ctx, `${t.sheetEvidence} (${part})`, t.titleEvidence, cols);
        }
        addDataRow(sheet, [u.id, u.name, f.rule, STATUS_LABELS[view.lang][f.status], findingText(f, byId, view.lang), link(e.url), e.selector ?? '', e.excerpt ?? '']);
        rows += 1;
        await breathe(sheet);
      }
    }
  }
  close();
}
