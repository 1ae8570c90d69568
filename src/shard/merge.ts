// `edu-audit merge`: shard runs → one run directory equal to an unsharded run of the same registry (modulo
// timestamps). Units are put back in registry order from each shard's run.shard.registryIndex (the registry file
// may be gone by the time the merge job runs); rollups and registry checks are recomputed over all units.
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { RegistryIssue, RunResults, UnitResult } from '../model/result.js';
import type { Rule } from '../model/rule.js';
import { UsageError } from '../options.js';
import { isFormat, type Format } from '../report/formats.js';
import { runResultsSchema } from '../store/results-schema.js';
import { writeResultsJson } from '../store/results-json.js';
import { DistrictAggregator } from '../aggregate/districts.js';
import { registryChecks, traceOf } from '../aggregate/registry-checks.js';
import { writeReports, type WrittenReport } from '../report/write-reports.js';
import type { Lang } from '../engine/messages.js';
import { checkCompatible, checkCoverage, checkUnits, type ShardRun } from './merge-checks.js';
import { copySideFolders } from './merge-files.js';

export interface MergeInput {
  dirs: string[];
  out: string;
  /** Every rule of the rule set, for the reports' criteria sheet. */
  rules: readonly Rule[];
  /** Report formats; defaults to every format any shard asked for. */
  formats?: Format[];
}

export interface MergeSummary {
  dir: string;
  n: number;
  units: number;
  reports: WrittenReport[];
}

export async function loadShardRun(dir: string): Promise<ShardRun> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(join(dir, 'results.json'), 'utf8'));
  } catch (error) {
    throw new UsageError(
      `merge: ${dir}: không đọc được results.json (lần chạy chưa xong?) / cannot read results.json (unfinished run?): ${(error as Error).message}`,
    );
  }
  const parsed = runResultsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(`merge: ${dir}/results.json: ${issue.path.join('.')}: ${issue.message}`);
  }
  // the raw document, not the parsed one: zod drops fields this version does not know, and merge must keep them
  return { dir, results: raw as RunResults };
}

async function prepareOut(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const file of ['results.jsonl', 'results.json']) {
    const existing = await stat(join(dir, file)).catch(() => undefined);
    if (existing && existing.size > 0)
      throw new UsageError(
        `merge: ${dir}: thư mục đã có kết quả; chọn --out khác / the directory already holds a run; choose another --out`,
      );
  }
}

export async function mergeRuns(input: MergeInput): Promise<MergeSummary> {
  if (input.dirs.length === 0) throw new UsageError('merge: cần ít nhất một thư mục / give at least one run directory');
  const runs: ShardRun[] = [];
  for (const dir of input.dirs) runs.push(await loadShardRun(dir));
  const n = checkCompatible(runs);
  checkCoverage(runs, n);
  checkUnits(runs, n);
  runs.sort((a, b) => a.results.run.shard!.k - b.results.run.shard!.k);

  const units = inRegistryOrder(runs);
  const aggregator = new DistrictAggregator();
  for (const unit of units) aggregator.add(unit);
  const districts = aggregator.summaries();
  const formats = input.formats ?? shardFormats(runs);
  const dir = resolve(input.out);
  await prepareOut(dir);

  const first = runs[0]!.results.run;
  // every shard read the same registry file, so its invalid rows are the same in each; take them once
  const invalidRows: RegistryIssue[] = first.registryChecks.filter((c) => c.kind === 'invalid-row');
  // what bounded one shard's crawl (run.limits) is that shard's measurement, not the merged run's
  const { shard: _shard, limits: _limits, ...base } = first;
  const { shard: _opt, shards: _n, ...options } = first.options;
  const run: RunResults['run'] = {
    ...base,
    startedAt: runs.map((r) => r.results.run.startedAt).sort()[0]!,
    finishedAt: new Date().toISOString(),
    options: { ...options, out: input.out, format: formats },
    registryChecks: [...invalidRows, ...registryChecks(units.map(traceOf))],
  };
  const { finishedAt: _f, registryChecks: _c, ...meta } = run;
  await writeFile(join(dir, 'run.json'), `${JSON.stringify(meta, null, 2)}\n`);
  await writeFile(join(dir, 'results.jsonl'), units.map((u) => `${JSON.stringify(u)}\n`).join(''));
  await writeResultsJson(join(dir, 'results.json'), run, iterate(units), districts);
  await copySideFolders(
    runs.map((r) => r.dir),
    dir,
  );
  const lang: Lang = options.lang === 'en' ? 'en' : 'vi';
  const reports = await writeReports({ run, districts, units: () => iterate(units), rules: input.rules, lang }, dir, formats);
  return { dir, n, units: units.length, reports };
}

function inRegistryOrder(runs: readonly ShardRun[]): UnitResult[] {
  const indexed = runs.flatMap((r) => r.results.units.map((unit) => ({ unit, at: r.results.run.shard!.registryIndex[unit.id]! })));
  return indexed.sort((a, b) => a.at - b.at).map((x) => x.unit);
}

/** The union of the shards' formats, in the order shard 1 gave them (so the merged options read as a shard's). */
function shardFormats(runs: readonly ShardRun[]): Format[] {
  const asked = runs.flatMap((r) => (Array.isArray(r.results.run.options.format) ? (r.results.run.options.format as string[]) : []));
  return [...new Set(asked)].filter(isFormat);
}

async function* iterate(units: readonly UnitResult[]): AsyncGenerator<UnitResult> {
  yield* units;
}
