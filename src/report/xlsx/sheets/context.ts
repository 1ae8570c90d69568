// What every sheet writer gets: the streaming workbook, the run, and the words of the report's language.
import type ExcelJS from 'exceljs';
import type { RunView } from '../../run-view.js';
import { xlsxText } from '../xlsx-text.js';
import { displayDay } from '../../../engine/basis.js';
import { addFormSheet, type SheetColumn } from '../sheet-style.js';
import type { PrintLayout } from '../print-layout.js';
import { STATUS_LABELS } from '../../labels.js';
import type { Status } from '../../../model/rule.js';

export interface SheetContext {
  book: ExcelJS.stream.xlsx.WorkbookWriter;
  view: RunView;
  t: (typeof xlsxText)['vi'];
  subtitle: string;
}

export function sheetContext(book: SheetContext['book'], view: RunView): SheetContext {
  const t = xlsxText[view.lang];
  const subtitle = `${t.auditDate}: ${displayDay(view.run.now, view.lang)} · ${t.ruleSet} ${view.run.ruleSetVersion} · ${t.registry}: ${view.run.registry.file}`;
  return { book, view, t, subtitle };
}

export const formSheet = (
  ctx: SheetContext,
  name: string,
  title: string,
  columns: SheetColumn[],
  layout?: PrintLayout,
): ExcelJS.Worksheet =>
  addFormSheet(ctx.book, { name, title, subtitle: ctx.subtitle, columns, pageWord: ctx.t.page, ...(layout ? { layout } : {}) });

export const link = (url: string | null | undefined): ExcelJS.CellValue =>
  url && /^https?:\/\//.test(url) ? { text: url, hyperlink: url } : (url ?? '');

export const statusLabels = (lang: 'vi' | 'en'): { text: string; status: Status }[] =>
  (Object.keys(STATUS_LABELS[lang]) as Status[]).map((status) => ({ text: STATUS_LABELS[lang][status], status }));

/** A rule column's header: the criterion in words an inspector reads, with its id to find it in "Tiêu chí". */
export function ruleHeader(view: RunView, id: string): string {
  const rule = view.rules.find((r) => r.meta.id === id);
  return rule ? `${rule.meta.title[view.lang]}\n(${id})` : id;
}
