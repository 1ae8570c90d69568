// `edu-audit report RUN_DIR --format …`: re-renders reports from a finished run's results.json, no crawling.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../options.js';
import type { Format } from '../report/formats.js';
import { RULES } from '../../rules/index.js';
import { loadRunView } from '../report/run-view.js';
import { writeReports } from '../report/write-reports.js';
import { templateRequest } from './execute.js';

export async function reportCommand(
  dir: string,
  opts: { format?: Format[]; lang?: string; template?: string; templateMap?: string },
): Promise<number> {
  if (!existsSync(join(dir, 'results.json'))) {
    throw new UsageError(
      `${dir}: không có results.json; đây không phải thư mục kết quả đã hoàn tất / no results.json: not a finished run directory`,
    );
  }
  const formats = opts.format ?? ['xlsx', 'html'];
  const lang = opts.lang === 'en' ? 'en' : 'vi';
  const template = await templateRequest(opts);
  const view = await loadRunView(dir, RULES, lang);
  const written = await writeReports(view, dir, formats, template);
  for (const w of written) for (const f of w.files) console.log(f);
  return 0;
}
