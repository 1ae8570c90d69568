// Writes the formats asked for into the run directory (results.json is the store's own output).
import { join } from 'node:path';
import type { Format } from '../options.js';
import type { RunView } from './run-view.js';
import { writeXlsxReport } from './xlsx/xlsx-report.js';
import { writeCsvReports } from './csv-report.js';
import { writeHtmlReport } from './html/html-report.js';
import { fillTemplate } from './xlsx/template-fill.js';
import type { TemplateMap } from './xlsx/template-map.js';

export interface WrittenReport {
  format: Format;
  files: string[];
}

export const RENDERED_FORMATS: readonly Format[] = ['json', 'xlsx', 'csv', 'html'];

export interface TemplateRequest {
  file: string;
  map: TemplateMap;
}

export async function writeReports(view: RunView, dir: string, formats: readonly Format[], template?: TemplateRequest): Promise<WrittenReport[]> {
  const written: WrittenReport[] = [];
  if (template) {
    const file = join(dir, template.map.output);
    await fillTemplate(view, template.file, template.map, file);
    written.push({ format: 'xlsx', files: [file] });
  }
  for (const format of formats) {
    if (format === 'xlsx') {
      const file = join(dir, 'report.xlsx');
      await writeXlsxReport(view, file);
      written.push({ format, files: [file] });
    } else if (format === 'csv') {
      const files = [join(dir, 'report.csv'), join(dir, 'report-units.csv')];
      await writeCsvReports(view, files[0]!, files[1]!);
      written.push({ format, files });
    } else if (format === 'html') {
      const file = join(dir, 'report.html');
      await writeHtmlReport(view, file);
      written.push({ format, files: [file] });
    } else if (format === 'json') {
      written.push({ format, files: [join(dir, 'results.json')] });
    }
  }
  return written;
}
