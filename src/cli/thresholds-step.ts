// The end of `audit`: compare with `--baseline` (writing diff.json) and check `--fail-under`; returns the exit
// code (0, or 1 when a threshold was not met) and prints why.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AuditOptions } from '../options.js';
import type { RunResults } from '../model/result.js';
import type { AuditSummary } from '../run/audit.js';
import { diffRuns } from '../compare/diff.js';
import { formatDiff } from '../compare/format-diff.js';
import { diffFails, scoreFails } from '../compare/thresholds.js';

/** Units per table in the printed comparison; diff.json has them all. */
const PRINTED_UNITS = 30;

export async function thresholdsStep(
  summary: AuditSummary,
  options: AuditOptions,
  baseline: RunResults | undefined,
  print: (text: string) => void,
): Promise<number> {
  let code = 0;
  if (baseline && options.baseline) {
    const current = JSON.parse(await readFile(summary.resultsFile, 'utf8')) as RunResults;
    const diff = diffRuns(baseline, current);
    const file = join(summary.dir, 'diff.json');
    await writeFile(file, `${JSON.stringify(diff, null, 2)}\n`);
    print(
      [
        '',
        formatDiff(diff, { lang: options.lang, oldName: options.baseline, newName: summary.dir, limit: PRINTED_UNITS }),
        `  ${file}`,
      ].join('\n'),
    );
    if (diffFails(diff, options.failOn)) {
      code = 1;
      print(
        options.lang === 'vi'
          ? `Có đơn vị xấu đi so với lần chạy gốc (--fail-on ${options.failOn}): mã thoát 1`
          : `Units got worse than the baseline (--fail-on ${options.failOn}): exit code 1`,
      );
    }
  }
  const average = summary.total.averageScore;
  if (scoreFails(average, options.failUnder)) {
    code = 1;
    print(
      options.lang === 'vi'
        ? `Điểm trung bình ${average ?? '—'} thấp hơn ngưỡng --fail-under ${options.failUnder}: mã thoát 1`
        : `Average score ${average ?? '—'} is below --fail-under ${options.failUnder}: exit code 1`,
    );
  }
  return code;
}
