// "Bằng chứng": every finding that is not a pass, with the page, place and excerpt an inspector can check by hand, and
// a link to each screenshot of the unit's home page kept in evidence/.
import type ExcelJS from 'exceljs';
import type { SheetContext } from './context.js';
import { formSheet, link, statusLabels } from './context.js';
import { STATUS_LABELS } from '../../labels.js';
import { FIRST_DATA_ROW, addDataRow, colourStatuses, type SheetColumn } from '../sheet-style.js';
import { breathe } from '../backpressure.js';
import { rulesById } from '../../localize.js';
import { findingText } from '../../exemption-note.js';
import { plainWords } from '../../plain-words.js';
import type { Finding, UnitResult } from '../../../model/result.js';
import { linkableShots, shotWords } from '../../screenshot-links.js';

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
    for (const row of evidenceRows(u, ctx, byId)) {
      if (rows === rowsPerSheet) {
        close();
        part += 1;
        rows = 0;
        sheet = formSheet(ctx, `${t.sheetEvidence} (${part})`, t.titleEvidence, cols);
      }
      addDataRow(sheet, [u.id, u.name, ...row]);
      rows += 1;
      await breathe(sheet);
    }
  }
  close();
}

type Row = [rule: string, status: string, message: string, url: ExcelJS.CellValue, selector: string, excerpt: string];

/**
 * A row per screenshot, first of the unit's rows: in the address column a hyperlink to the JPEG relative to the
 * workbook (both live in the run directory, so the link survives a copy of it), text with a link, never a formula;
 * the page it shows and the picture's SHA-256 beside it. No column of its own: the sheet stays one page wide.
 */
function screenshotRows(u: UnitResult, lang: 'vi' | 'en'): Row[] {
  const w = shotWords(lang);
  return linkableShots(u).map((s): Row => [
    '',
    '',
    w.desktop,
    { text: s.file, hyperlink: s.file },
    '',
    `${w.page}: ${s.url} · SHA-256: ${s.sha256}`,
  ]);
}

/**
 * A unit's rows: each piece of evidence of each finding that is not a pass. A unit that could not be reached gives
 * one row for all the criteria it left unverified, not one identical row per criterion.
 */
function evidenceRows(u: UnitResult, ctx: SheetContext, byId: ReturnType<typeof rulesById>): Row[] {
  const { lang } = ctx.view;
  const shown = u.findings.filter((f) => f.status !== 'pass' && f.status !== 'na');
  const unreachable = u.crawl.status !== 'ok';
  const unverified = unreachable ? shown.filter((f) => f.status === 'error' && !f.exemption) : [];
  const rows: Row[] = [
    ...screenshotRows(u, lang),
    ...shown
      .filter((f) => !unverified.includes(f))
      .flatMap((f: Finding) =>
        (f.evidence.length ? f.evidence : [{ url: '' }]).map((e): Row => [
          f.rule,
          STATUS_LABELS[lang][f.status],
          findingText(f, byId, lang),
          link(e.url),
          e.selector ?? '',
          plainWords(e.excerpt ?? '', lang),
        ]),
      ),
  ];
  if (unverified.length) {
    rows.push([
      '',
      STATUS_LABELS[lang].error,
      ctx.t.unreachableRow(unverified.length),
      link(u.website),
      '',
      unverified.map((f) => f.rule).join(', '),
    ]);
  }
  return rows;
}
