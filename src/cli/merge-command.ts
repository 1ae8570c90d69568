// `edu-audit merge RUN_DIR… --out DIR`: shard runs → one run; any mismatch between shards is bad input (exit 2).
import { RULES } from '../../rules/index.js';
import { FORMATS, UsageError, type Format } from '../options.js';
import { mergeRuns } from '../shard/merge.js';

export interface MergeFlags {
  out: string;
  format?: string[];
}

export async function mergeCommand(dirs: string[], flags: MergeFlags, print: (line: string) => void): Promise<number> {
  const formats = flags.format?.map((f) => {
    if (!FORMATS.includes(f as Format)) throw new UsageError(`--format: không biết / unknown format "${f}" (${FORMATS.join(', ')})`);
    return f as Format;
  });
  const summary = await mergeRuns({ dirs, out: flags.out, rules: RULES, ...(formats ? { formats } : {}) });
  print(`Đã gộp ${summary.n} phần, ${summary.units} đơn vị → ${summary.dir} / merged ${summary.n} shards, ${summary.units} units`);
  for (const r of summary.reports) for (const f of r.files) print(`  ${f}`);
  return 0;
}
