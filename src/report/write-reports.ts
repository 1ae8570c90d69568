// Writes the formats asked for into the run directory, each by its reporter (src/report/formats.ts), and the
// department's own template when one is given.
import { join } from 'node:path';
import { loadReporter, type Format } from './formats.js';
import type { RunView } from './run-view.js';
import { fillTemplate } from './xlsx/template-fill.js';
import type { TemplateMap } from './xlsx/template-map.js';

export interface WrittenReport {
  format: Format;
  files: string[];
}

export interface TemplateRequest {
  file: string;
  map: TemplateMap;
}

export async function writeReports(
  view: RunView,
  dir: string,
  formats: readonly Format[],
  template?: TemplateRequest,
): Promise<WrittenReport[]> {
  const written: WrittenReport[] = [];
  if (template) {
    const file = join(dir, template.map.output);
    await fillTemplate(view, template.file, template.map, file);
    written.push({ format: 'xlsx', files: [file] });
  }
  for (const format of new Set(formats)) {
    const reporter = await loadReporter(format);
    written.push({ format, files: await reporter.write(view, dir) });
  }
  return written;
}
