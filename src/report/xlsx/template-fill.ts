// Fills a department's own workbook (`--template`) at the cells and columns its map names, keeping the
// template's styles, so an office submits in exactly the form it was sent. Uses exceljs's in-memory workbook
// (templates are one office's forms, hundreds of rows, not the national 50,000).
// exceljs is loaded when a template is filled: importing it costs ~0.5 s of start-up that a run without one never needs
import type ExcelJS from 'exceljs';
import type { RunView } from '../run-view.js';
import type { UnitResult } from '../../model/result.js';
import { UNIT_TYPE_LABELS } from '../../model/unit.js';
import { crawlLabel, STATUS_LABELS, gradeLabel } from '../labels.js';
import { UsageError } from '../../options.js';
import type { TemplateMap } from './template-map.js';
import { blockingNote } from '../blocking-note.js';
import { displayDay } from '../../engine/basis.js';

export async function fillTemplate(view: RunView, templateFile: string, map: TemplateMap, outFile: string): Promise<void> {
  const { default: Excel } = await import('exceljs');
  const book = new Excel.Workbook();
  try {
    await book.xlsx.readFile(templateFile);
  } catch (error) {
    throw new UsageError(`${templateFile}: không đọc được mẫu Excel / cannot read the template: ${(error as Error).message}`);
  }
  const sheet = map.sheet ? book.getWorksheet(map.sheet) : book.worksheets[0];
  if (!sheet) throw new UsageError(`${templateFile}: không có trang tính / no worksheet ${map.sheet ?? ''}`);
  for (const [ref, key] of Object.entries(map.cells)) sheet.getCell(ref).value = runValue(view, key);
  if (map.table) {
    const { startRow, columns } = map.table;
    const styles = Object.fromEntries(Object.keys(columns).map((col) => [col, structuredClone(sheet.getCell(`${col}${startRow}`).style)]));
    const height = sheet.getRow(startRow).height;
    let n = 0;
    for await (const u of view.units()) {
      const row = sheet.getRow(startRow + n);
      n += 1;
      for (const [col, key] of Object.entries(columns)) {
        const cell = row.getCell(col);
        cell.value = unitValue(view, u, n, key);
        cell.style = structuredClone(styles[col]!);
      }
      if (height) row.height = height;
      row.commit();
    }
  }
  await book.xlsx.writeFile(outFile);
}

function runValue(view: RunView, key: string): ExcelJS.CellValue {
  const total = view.districts.reduce((acc, d) => ({ units: acc.units + d.units, reachable: acc.reachable + d.reachable }), {
    units: 0,
    reachable: 0,
  });
  if (key.startsWith('grade:')) return view.districts.reduce((s, d) => s + (d.grades[key.slice(6) as keyof typeof d.grades] ?? 0), 0);
  switch (key) {
    case 'auditDate':
      return displayDay(view.run.now, view.lang);
    case 'ruleSetVersion':
      return view.run.ruleSetVersion;
    case 'registry':
      return view.run.registry.file;
    case 'units':
      return total.units;
    case 'reachable':
      return total.reachable;
    case 'averageScore': {
      const scored = view.districts.filter((d) => d.averageScore !== null);
      const weight = scored.reduce((s, d) => s + d.units, 0);
      return weight ? Math.round((scored.reduce((s, d) => s + (d.averageScore ?? 0) * d.units, 0) / weight) * 10) / 10 : '';
    }
    case 'tool':
      return `${view.run.tool.name} ${view.run.tool.version}`;
    default:
      throw new UsageError(`template map: khóa không hợp lệ / unknown key: ${key}`);
  }
}

function unitValue(view: RunView, u: UnitResult, n: number, key: string): ExcelJS.CellValue {
  const lang = view.lang;
  if (key.startsWith('rule:') || key.startsWith('yesno:')) {
    const f = u.findings.find((x) => x.rule === key.slice(key.indexOf(':') + 1));
    if (!f) return '';
    if (key.startsWith('rule:')) return STATUS_LABELS[lang][f.status];
    if (f.status === 'pass') return lang === 'vi' ? 'Có' : 'Yes';
    return f.status === 'fail' || f.status === 'warn' ? (lang === 'vi' ? 'Không' : 'No') : STATUS_LABELS[lang][f.status];
  }
  switch (key) {
    case 'stt':
      return n;
    case 'id':
      return u.id;
    case 'name':
      return u.name;
    case 'type':
      return UNIT_TYPE_LABELS[u.type]?.[lang] ?? u.type;
    case 'district':
      return u.district;
    case 'website':
      return u.website ?? '';
    case 'finalUrl':
      return u.finalUrl ?? '';
    case 'title':
      return u.title ?? '';
    case 'crawl':
      return crawlLabel(u, lang);
    case 'score':
      return u.score ?? '';
    case 'verified':
      return Math.round(u.verified * 1000) / 10;
    case 'grade':
      return gradeLabel(u.grade, lang);
    case 'notes':
      return [blockingNote(u, view.rules, lang), u.crawl.error].filter(Boolean).join(' · ');
    case 'emcSiteId':
      return String(u.facts.emcSiteId ?? '');
    default:
      throw new UsageError(`template map: khóa không hợp lệ / unknown key: ${key}`);
  }
}
