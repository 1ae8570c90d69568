// What `merge` refuses: shards of different registries, rule sets or options, an incomplete or repeated set of
// shard numbers, and a unit found twice or in the wrong shard. Each problem names the run directory at fault.
import type { RunResults } from '../model/result.js';
import { UsageError } from '../options.js';
import { shardOf } from './shard.js';

export interface ShardRun {
  dir: string;
  results: RunResults;
}

/** Options free to differ between shards: where and how a shard writes and logs, never what is judged. `resume`
 * only says a shard was continued after an interruption; the thresholds only decide a shard's exit code. */
export const FREE_OPTIONS: ReadonlySet<string> = new Set([
  'out',
  'shard',
  'shards',
  'format',
  'logLevel',
  'progress',
  'resume',
  'baseline',
  'failOn',
  'failUnder',
]);

/** Run-level facts that decide verdicts (rulesConfigSha256 is written by runs that record it). */
const SAME_RUN_FIELDS = ['ruleSetVersion', 'rules', 'rulesConfigSha256'] as const;

const flag = (key: string): string => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** JSON with sorted keys, so options compare by value whatever order they were written in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

const fail = (problems: string[]): never => {
  throw new UsageError(`merge: ${problems.join('\nmerge: ')}`);
};

/** Same registry, rule set and options as the first run; returns the shard count N. */
export function checkCompatible(runs: readonly ShardRun[]): number {
  const problems: string[] = [];
  for (const r of runs) if (!r.results.run.shard) problems.push(`${r.dir}: không phải lần chạy có --shard / not a --shard run`);
  if (problems.length) fail(problems);
  const [first, ...rest] = runs as [ShardRun, ...ShardRun[]];
  const a = first.results.run;
  for (const r of rest) {
    const b = r.results.run;
    if (b.registry.sha256 !== a.registry.sha256) {
      problems.push(
        `danh sách khác / different registry: ${r.dir} (${b.registry.file} sha256 ${b.registry.sha256.slice(0, 12)}…) ≠ ${first.dir} (${a.registry.file} sha256 ${a.registry.sha256.slice(0, 12)}…)`,
      );
    }
    for (const field of SAME_RUN_FIELDS) {
      const x = (a as Record<string, unknown>)[field];
      const y = (b as Record<string, unknown>)[field];
      if (canonical(x) !== canonical(y))
        problems.push(`${field} khác / differs: ${canonical(y)} (${r.dir}) ≠ ${canonical(x)} (${first.dir})`);
    }
    for (const key of new Set([...Object.keys(a.options), ...Object.keys(b.options)])) {
      if (FREE_OPTIONS.has(key)) continue;
      if (canonical(a.options[key]) !== canonical(b.options[key])) {
        problems.push(
          `tùy chọn ${flag(key)} khác / option ${flag(key)} differs: ${canonical(b.options[key])} (${r.dir}) ≠ ${canonical(a.options[key])} (${first.dir})`,
        );
      }
    }
    if (b.shard!.n !== a.shard!.n)
      problems.push(
        `số phần khác / different shard count: ${b.shard!.k}/${b.shard!.n} (${r.dir}) ≠ ${a.shard!.k}/${a.shard!.n} (${first.dir})`,
      );
  }
  if (problems.length) fail(problems);
  return a.shard!.n;
}

/** Shards 1..N, each exactly once. */
export function checkCoverage(runs: readonly ShardRun[], n: number): void {
  const byK = new Map<number, string[]>();
  for (const r of runs) byK.set(r.results.run.shard!.k, [...(byK.get(r.results.run.shard!.k) ?? []), r.dir]);
  const problems: string[] = [];
  for (let k = 1; k <= n; k++) {
    const dirs = byK.get(k) ?? [];
    if (dirs.length === 0) problems.push(`thiếu phần / missing shard ${k}/${n}`);
    if (dirs.length > 1)
      problems.push(`phần ${k}/${n} xuất hiện ${dirs.length} lần / shard ${k}/${n} given ${dirs.length} times: ${dirs.join(', ')}`);
  }
  if (problems.length) fail(problems);
}

/** Every unit once, in the shard its id hashes to, with a registry index; together exactly the registry's units. */
export function checkUnits(runs: readonly ShardRun[], n: number): void {
  const seen = new Map<string, string>();
  const problems: string[] = [];
  for (const r of runs) {
    const { k, registryIndex } = r.results.run.shard!;
    for (const unit of r.results.units) {
      const other = seen.get(unit.id);
      if (other !== undefined) problems.push(`đơn vị ${unit.id} có trong cả / unit ${unit.id} appears in both ${other} and ${r.dir}`);
      seen.set(unit.id, r.dir);
      if (shardOf(unit.id, n) !== k)
        problems.push(`${r.dir}: đơn vị ${unit.id} không thuộc phần / unit ${unit.id} does not belong to shard ${k}/${n}`);
      if (!Object.hasOwn(registryIndex, unit.id))
        problems.push(`${r.dir}: đơn vị ${unit.id} thiếu vị trí trong danh sách / unit ${unit.id} has no registry index`);
    }
  }
  const expected = runs[0]!.results.run.registry.units;
  if (!problems.length && seen.size !== expected) {
    problems.push(
      `các phần có ${seen.size} đơn vị, danh sách có ${expected} / the shards hold ${seen.size} units, the registry ${expected} (an unfinished shard?)`,
    );
  }
  if (problems.length) fail(problems.slice(0, 20));
}
