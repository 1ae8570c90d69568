// `--format pdf`: a scorecard per unit (scorecards/units/<unit id>.pdf) and one file per district with its units'
// scorecards in registry order (scorecards/districts/<district>.pdf), printed by the browser from HTML written
// here (scorecard-html.ts). File names come from registry data and are made safe and unique (safe-file-name.ts).
// Without a browser the format is skipped with one message; the run's exit code does not change (docs/pdf.md).
import { appendFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Reporter } from '../reporter.js';
import type { RunView } from '../run-view.js';
import type { UnitResult } from '../../model/result.js';
import { DOCUMENT_TAIL, documentHead, footerTemplate, scorecardCard, type ScorecardRun } from './scorecard-html.js';
import { FileNamer } from './safe-file-name.js';
import { openPdfPrinter, type PdfPrinter } from './pdf-printer.js';
import { scorecardText } from './scorecard-text.js';
import { displayDay } from '../../engine/basis.js';

export const SCORECARD_DIR = 'scorecards';

export const pdfReporter: Reporter = {
  write: (view, dir) => writePdfScorecards(view, dir),
};

async function printer(view: ScorecardRun): Promise<PdfPrinter | undefined> {
  const browser = typeof view.run.options.browser === 'string' ? view.run.options.browser : undefined;
  const opened = await openPdfPrinter(browser);
  if ('error' in opened) {
    console.error(scorecardText[view.lang].noBrowser(opened.error));
    return undefined;
  }
  return opened;
}

const unitFooter = (u: UnitResult, view: ScorecardRun): string =>
  footerTemplate(`${u.name} (${u.id}) · ${displayDay(view.run.now, view.lang)}`, view.lang);

export async function writePdfScorecards(view: RunView, dir: string): Promise<string[]> {
  // the browser starts with the first unit: a run with no unit writes no scorecard and starts nothing
  const units = view.units()[Symbol.asyncIterator]();
  let next = await units.next();
  if (next.done) return [];
  const print = await printer(view);
  if (!print) return [];
  const work = await mkdtemp(join(tmpdir(), 'edu-audit-pdf-'));
  const written: string[] = [];
  try {
    const unitsDir = join(dir, SCORECARD_DIR, 'units');
    const districtsDir = join(dir, SCORECARD_DIR, 'districts');
    await mkdir(unitsDir, { recursive: true });
    await mkdir(districtsDir, { recursive: true });
    const unitNames = new FileNamer('.pdf');
    // each district's cards are appended to an HTML file of its own as the units stream by: memory stays flat
    const districtHtml = new Map<string, string>();
    const unitHtml = join(work, 'unit.html');
    for (; !next.done; next = await units.next()) {
      const u = next.value;
      const card = scorecardCard(u, view, dir);
      await writeFile(unitHtml, `${documentHead(view.lang, u.name)}${card}${DOCUMENT_TAIL}`);
      const file = join(unitsDir, unitNames.name(u.id));
      await print.print(unitHtml, file, unitFooter(u, view));
      written.push(file);
      let html = districtHtml.get(u.district);
      if (!html) {
        html = join(work, `district-${districtHtml.size}.html`);
        districtHtml.set(u.district, html);
        await writeFile(html, documentHead(view.lang, scorecardText[view.lang].district_title(u.district)));
      }
      await appendFile(html, card);
    }
    // named in the order of the district summary, so the same registry always gives the same files
    const districtNames = new FileNamer('.pdf');
    const order = [...view.districts.map((d) => d.district), ...districtHtml.keys()];
    for (const district of new Set(order)) {
      const html = districtHtml.get(district);
      if (!html) continue;
      await appendFile(html, DOCUMENT_TAIL);
      const file = join(districtsDir, districtNames.name(district));
      await print.print(
        html,
        file,
        footerTemplate(`${scorecardText[view.lang].district_title(district)} · ${displayDay(view.run.now, view.lang)}`, view.lang),
      );
      written.push(file);
    }
  } finally {
    await print.close();
    await rm(work, { recursive: true, force: true });
  }
  return written;
}

/** `check URL --pdf FILE`: the one unit's scorecard, to the file the user named; undefined when no browser starts. */
export async function writeUnitPdf(u: UnitResult, view: ScorecardRun, runDir: string, file: string): Promise<string | undefined> {
  const print = await printer(view);
  if (!print) return undefined;
  const work = await mkdtemp(join(tmpdir(), 'edu-audit-pdf-'));
  try {
    const html = join(work, 'unit.html');
    await writeFile(html, `${documentHead(view.lang, u.name)}${scorecardCard(u, view, runDir)}${DOCUMENT_TAIL}`);
    await print.print(html, file, unitFooter(u, view));
    return file;
  } finally {
    await print.close();
    await rm(work, { recursive: true, force: true });
  }
}
