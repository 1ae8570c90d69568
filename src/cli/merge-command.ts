// `edu-audit merge RUN_DIR… --out DIR`: shard runs → one run; any mismatch between shards is bad input (exit 2).
import { RULES } from '../../rules/index.js';
import type { Format } from '../report/formats.js';
import { mergeRuns } from '../shard/merge.js';

export interface MergeFlags {
  out: string;
  format?: Format[];
}

export async function mergeCommand(dirs: string[], flags: MergeFlags, print: (line: string) => void): Promise<number> {
  const formats = flags.format;
  const summary = await mergeRuns({ dirs, out: flags.out, rules: RULES, ...(formats ? { formats } : {}) });
  print(`Đã gộp ${summary.n} phần, ${summary.units} đơn vị → ${summary.dir} / merged ${summary.n} shards, ${summary.units} units`);
  for (const r of summary.reports) for (const f of r.files) print(`  ${f}`);
  return 0;
}
