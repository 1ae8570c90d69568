// report.xlsx in the layout of the ministry's review forms, written with exceljs's streaming WorkbookWriter so
// memory stays bounded on 50,000 units: each sheet reads the units stream once and commits rows as it goes.
import ExcelJS from 'exceljs';
import type { RunView } from '../run-view.js';
import { GRADES } from '../../model/result.js';
import { blockingNote } from '../blocking-note.js';
import { describeBasis } from '../../engine/basis.js';
import { CRAWL_LABELS, STATUS_LABELS, gradeLabel } from '../labels.js';
import { UNIT_TYPE_LABELS } from '../../model/unit.js';
import { FIRST_DATA_ROW, addFormSheet, colourStatuses, columnLetter } from './sheet-style.js';
import type { Status } from '../../model/rule.js';
import { xlsxText as X } from './xlsx-text.js';
import { TypeAggregator } from '../../aggregate/by-type.js';
import { PLATFORM_HEADERS, PlatformAggregator, platformRows } from '../../aggregate/by-platform.js';
import { EMC_CRITERIA, emcAnswer } from '../../aggregate/emc-review.js';
import { rulesById } from '../localize.js';
import { exemptionNote, findingText } from '../exemption-note.js';
import type { Reporter } from '../reporter.js';
import { join } from 'node:path';

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
  const t = X[view.lang];
  const subtitle = `${t.auditDate}: ${view.run.now.slice(0, 10)} · ${t.ruleSet} ${view.run.ruleSetVersion} · ${t.registry}: ${view.run.registry.file}`;

  await summarySheet(book, view, subtitle);
  districtSheet(book, view, subtitle);
  await unitSheet(book, view, subtitle);
  await emcSheet(book, view, subtitle);
  criteriaSheet(book, view, subtitle);
  await evidenceSheet(book, view, subtitle, options.evidenceRowsPerSheet ?? EVIDENCE_ROWS_PER_SHEET);
  registrySheet(book, view, subtitle);
  await book.commit();
}

type Book = ExcelJS.stream.xlsx.WorkbookWriter;

/**
 * exceljs pipes committed rows into the zip without waiting for it (no backpressure): a sheet's XML went into the
 * archiver's buffer for that entry much faster than it is deflated, so the whole sheet piled up in memory (392 MB
 * of buffers for 50,000 units). Every few rows, wait while more than a few MB are queued for the zip.
 */
const CHECK_EVERY = 64;
const MAX_QUEUED = 4 * 1024 * 1024;
type Sheet = ExcelJS.Worksheet;
let sinceCheck = 0;
async function breathe(sheet: Sheet): Promise<void> {
  if (++sinceCheck < CHECK_EVERY) return;
  sinceCheck = 0;
  while (queuedForZip(sheet) > MAX_QUEUED) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** Bytes the sheet's stream has handed to the zip that the zip has not taken yet (exceljs 4 internals: the entry is a
 * readable-stream 2 PassThrough, whose buffered lengths are only in its states). */
function queuedForZip(sheet: Sheet): number {
  type State = { length?: number };
  type Pipe = { _readableState?: State; _writableState?: State };
  const pipes = (sheet as unknown as { stream?: { pipes?: Pipe[] } }).stream?.pipes ?? [];
  return pipes.reduce((n, p) => n + (p._readableState?.length ?? 0) + (p._writableState?.length ?? 0), 0);
}

async function summarySheet(book: Book, view: RunView, subtitle: string): Promise<void> {
  const t = X[view.lang];
  const cols = [t.group, t.units, t.reachable, t.average, ...GRADES.map((g) => gradeLabel(g, view.lang))].map((h, i) => ({ header: h, width: i === 0 ? 34 : 12 }));
  const sheet = addFormSheet(book, t.sheetSummary, t.titleSummary, subtitle, cols);
  for (const d of view.districts) {
    sheet.addRow([d.district, d.units, d.reachable, d.averageScore ?? '', ...GRADES.map((g) => d.grades[g])]).commit();
  }
  // Per unit type, computed in one pass over the units.
  const byType = new TypeAggregator();
  const byPlatform = new PlatformAggregator();
  for await (const u of view.units()) {
    byType.add(u);
    byPlatform.add(u);
  }
  sheet.addRow([]).commit();
  const head = sheet.addRow([t.byType]);
  head.font = { bold: true };
  head.commit();
  for (const s of byType.summaries()) {
    sheet.addRow([UNIT_TYPE_LABELS[s.type][view.lang], s.units, s.reachable, s.averageScore ?? '', ...GRADES.map((g) => s.grades[g])]).commit();
  }
  // Per platform: which vendor to call about how many units (src/aggregate/by-platform.ts).
  const ph = PLATFORM_HEADERS[view.lang];
  sheet.addRow([]).commit();
  const platformHead = sheet.addRow([ph.title, ph.units, ph.reachable, ph.average, ph.failing, ph.unverified, ph.topFails]);
  platformHead.font = { bold: true };
  platformHead.commit();
  for (const row of platformRows(byPlatform.summaries(), view.lang)) sheet.addRow(row).commit();
  sheet.commit();
}

function districtSheet(book: Book, view: RunView, subtitle: string): void {
  const t = X[view.lang];
  const ruleIds = view.run.rules;
  const cols = [
    { header: t.district, width: 28 }, { header: t.units, width: 10 }, { header: t.reachable, width: 12 }, { header: t.average, width: 12 },
    ...ruleIds.map((id) => ({ header: `${ruleHeader(view, id)}\n${t.passRate}`, width: 20 })),
  ];
  const sheet = addFormSheet(book, t.sheetDistricts, t.titleDistricts, subtitle, cols);
  for (const d of view.districts) {
    const rates = ruleIds.map((id) => {
      const c = d.rules[id];
      const judged = c ? c.pass + c.warn + c.fail : 0;
      return judged ? Math.round(((c!.pass + c!.warn * 0.5) / judged) * 1000) / 10 : '';
    });
    sheet.addRow([d.district, d.units, d.reachable, d.averageScore ?? '', ...rates]).commit();
  }
  sheet.commit();
}

const link = (url: string | null): ExcelJS.CellValue => (url && /^https?:\/\//.test(url) ? { text: url, hyperlink: url } : url ?? '');

async function unitSheet(book: Book, view: RunView, subtitle: string): Promise<void> {
  const t = X[view.lang];
  const ruleIds = view.run.rules;
  const fixed = [t.no, t.id, t.name, t.type, t.district, t.website, t.pageTitle, t.crawl];
  const tail = [t.score, t.verified, t.grade, t.notes];
  const cols = [...fixed, ...ruleIds.map((id) => ruleHeader(view, id)), ...tail].map((header, i) => ({ header, width: [6, 12, 36, 16, 20, 34, 34, 18][i] ?? (i >= fixed.length + ruleIds.length ? [10, 12, 12, 40][i - fixed.length - ruleIds.length]! : 20) }));
  const sheet = addFormSheet(book, t.sheetUnits, t.titleUnits, subtitle, cols);
  let n = 0;
  for await (const u of view.units()) {
    n += 1;
    const statuses = ruleIds.map((id) => u.findings.find((f) => f.rule === id)?.status);
    const exempt = u.findings.filter((f) => f.exemption).map((f) => `${f.rule}: ${exemptionNote(f, view.lang)}`);
    const notes = [blockingNote(u, view.rules, view.lang), u.crawl.error, u.verified < 1 && u.score !== null ? t.incomplete : undefined, ...exempt].filter(Boolean).join(' · ');
    const row = sheet.addRow([
      n, u.id, u.name, UNIT_TYPE_LABELS[u.type]?.[view.lang] ?? u.type, u.district, link(u.finalUrl ?? u.website), u.title ?? '',
      CRAWL_LABELS[view.lang][u.crawl.status] ?? u.crawl.status,
      ...statuses.map((s) => (s ? STATUS_LABELS[view.lang][s] : '')),
      u.score ?? '', Math.round(u.verified * 1000) / 10, gradeLabel(u.grade, view.lang), notes,
    ]);
    row.commit();
    await breathe(sheet);
  }
  if (n && ruleIds.length) {
    const range = `${columnLetter(fixed.length + 1)}${FIRST_DATA_ROW}:${columnLetter(fixed.length + ruleIds.length)}${FIRST_DATA_ROW + n - 1}`;
    colourStatuses(sheet, range, statusLabels(view.lang));
  }
  sheet.commit();
}

/** A rule column's header: the criterion in words an inspector reads, with its id to find it in "Tiêu chí". */
function ruleHeader(view: RunView, id: string): string {
  const rule = view.rules.find((r) => r.meta.id === id);
  return rule ? `${rule.meta.title[view.lang]}\n(${id})` : id;
}

const statusLabels = (lang: 'vi' | 'en'): { text: string; status: Status }[] =>
  (Object.keys(STATUS_LABELS[lang]) as Status[]).map((status) => ({ text: STATUS_LABELS[lang][status], status }));

async function emcSheet(book: Book, view: RunView, subtitle: string): Promise<void> {
  const t = X[view.lang];
  const cols = [t.no, t.id, t.name, t.website, t.c21, t.c22a, t.c22b, t.c22c, t.emcSiteId].map((header, i) => ({ header, width: [6, 12, 36, 34, 16, 16, 22, 22, 14][i]! }));
  const sheet = addFormSheet(book, t.sheetEmc, t.titleEmc, subtitle, cols);
  const words = { yes: view.lang === 'vi' ? 'Có' : 'Yes', no: view.lang === 'vi' ? 'Không' : 'No' };
  let n = 0;
  for await (const u of view.units()) {
    n += 1;
    const cells = EMC_CRITERIA.map(({ rule }) => emcAnswer(u, rule));
    const text = cells.map((c) => (c.answer === 'yes' || c.answer === 'no' ? words[c.answer] : c.status ? STATUS_LABELS[view.lang][c.status] : ''));
    sheet.addRow([n, u.id, u.name, link(u.finalUrl ?? u.website), ...text, String(u.facts.emcSiteId ?? '')]).commit();
    await breathe(sheet);
  }
  if (n) colourStatuses(sheet, `E${FIRST_DATA_ROW}:H${FIRST_DATA_ROW + n - 1}`, [{ text: words.yes, status: 'pass' }, { text: words.no, status: 'fail' }, ...statusLabels(view.lang)]);
  sheet.commit();
}

function criteriaSheet(book: Book, view: RunView, subtitle: string): void {
  const t = X[view.lang];
  const cols = [t.ruleId, t.ruleTitle, t.weight, t.appliesTo, t.basis].map((header, i) => ({ header, width: [24, 48, 10, 30, 80][i]! }));
  const sheet = addFormSheet(book, t.sheetCriteria, t.titleCriteria, subtitle, cols);
  for (const r of view.rules.filter((x) => view.run.rules.includes(x.meta.id))) {
    const applies = r.meta.appliesTo === 'all' ? t.all : r.meta.appliesTo.map((a) => UNIT_TYPE_LABELS[a][view.lang]).join(', ');
    // each provision said in force or not on the audit date
    const basis = r.meta.basis.map((b) => describeBasis(b, view.run.now, view.lang)).join('\n');
    const row = sheet.addRow([r.meta.id, r.meta.title[view.lang], r.meta.weight, applies, basis]);
    row.alignment = { wrapText: true, vertical: 'top' };
    row.commit();
  }
  sheet.commit();
}

/**
 * Rows per evidence sheet: exceljs keeps a sheet's hyperlinks in memory until the sheet is committed, so a national
 * run's evidence is split over "Bằng chứng", "Bằng chứng (2)"… to keep memory bounded.
 */
export const EVIDENCE_ROWS_PER_SHEET = 100_000;

async function evidenceSheet(book: Book, view: RunView, subtitle: string, rowsPerSheet: number): Promise<void> {
  const t = X[view.lang];
  const cols = [t.id, t.name, t.ruleId, t.status, t.message, t.url, t.selector, t.excerpt].map((header, i) => ({ header, width: [12, 30, 22, 14, 60, 40, 30, 60][i]! }));
  const byId = rulesById(view.rules);
  let part = 1;
  let rows = 0;
  let sheet = addFormSheet(book, t.sheetEvidence, t.titleEvidence, subtitle, cols);
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
          sheet = addFormSheet(book, `${t.sheetEvidence} (${part})`, t.titleEvidence, subtitle, cols);
        }
        sheet.addRow([u.id, u.name, f.rule, STATUS_LABELS[view.lang][f.status], findingText(f, byId, view.lang), link(e.url), e.selector ?? '', e.excerpt ?? '']).commit();
        rows += 1;
        await breathe(sheet);
      }
    }
  }
  close();
}

function registrySheet(book: Book, view: RunView, subtitle: string): void {
  const t = X[view.lang];
  const cols = [t.issue, t.units, t.detail].map((header, i) => ({ header, width: [30, 30, 90][i]! }));
  const sheet = addFormSheet(book, t.sheetRegistry, t.titleRegistry, subtitle, cols);
  for (const issue of view.run.registryChecks) {
    sheet.addRow([t.issues[issue.kind], issue.units.join(', '), issue.detail]).commit();
  }
  sheet.commit();
}
