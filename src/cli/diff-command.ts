// `edu-audit diff OLD_RUN NEW_RUN`: what got worse and better per unit and rule between two finished runs.
// Exit 0 when nothing got worse, 1 when something did (per --fail-on), so a CI job can gate on it.
import { loadRunResults } from '../compare/load-run.js';
import { diffRuns } from '../compare/diff.js';
import { formatDiff } from '../compare/format-diff.js';
import { diffFails, type FailOn } from '../compare/thresholds.js';

export interface DiffCommandOptions {
  json?: boolean;
  lang?: string;
  failOn?: FailOn;
}

export async function diffCommand(
  oldDir: string,
  newDir: string,
  opts: DiffCommandOptions,
  print: (line: string) => void,
): Promise<number> {
  const [oldRun, newRun] = await Promise.all([loadRunResults(oldDir, 'OLD_RUN'), loadRunResults(newDir, 'NEW_RUN')]);
  const diff = diffRuns(oldRun, newRun);
  print(
    opts.json
      ? JSON.stringify(diff, null, 2)
      : formatDiff(diff, { lang: opts.lang === 'en' ? 'en' : 'vi', oldName: oldDir, newName: newDir }),
  );
  return diffFails(diff, opts.failOn ?? 'regressions') ? 1 : 0;
}
