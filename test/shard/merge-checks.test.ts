// merge's refusals on synthetic shard runs (no crawl): options that may and may not differ, coverage of 1..N,
// a unit in two shards, a unit in the wrong shard, and shards that together miss units of the registry.
import { describe, expect, it } from 'vitest';
import { checkCompatible, checkCoverage, checkUnits, type ShardRun } from '../../src/shard/merge-checks.js';
import { shardOf } from '../../src/shard/shard.js';
import type { RunResults, UnitResult } from '../../src/model/result.js';

const IDS = ['79000', '79760', '79769', '79000701', '79000702', '79000703', '79760201', '79760202'];

function shardRun(k: number, n: number, ids = IDS.filter((id) => shardOf(id, n) === k), patch: Partial<RunResults['run']> = {}): ShardRun {
  const units = ids.map((id) => ({ id }) as UnitResult);
  return {
    dir: `run-${k}`,
    results: {
      schemaVersion: 1,
      run: {
        startedAt: '',
        finishedAt: '',
        now: '2026-11-15T00:00:00.000Z',
        tool: { name: 'edu-site-audit', version: '0' },
        ruleSetVersion: '1',
        registry: { file: 'r.csv', sha256: 'abc', units: IDS.length, invalidRows: 0 },
        options: { out: `run-${k}`, shard: { k, n }, format: ['json'], logLevel: 'info', progress: true, maxPages: 30 },
        rules: ['https'],
        registryChecks: [],
        shard: { k, n, registryIndex: Object.fromEntries(ids.map((id) => [id, IDS.indexOf(id)])) },
        ...patch,
      },
      units,
      districts: [],
    },
  };
}

const all = (n: number): ShardRun[] => Array.from({ length: n }, (_, i) => shardRun(i + 1, n));

describe('merge checks', () => {
  it('accepts a complete set whose options differ only in out, shard, format, log level and progress', () => {
    const runs = all(3);
    runs[1]!.results.run.options = { ...runs[1]!.results.run.options, format: ['csv'], logLevel: 'warn', progress: false };
    expect(checkCompatible(runs)).toBe(3);
    expect(() => checkCoverage(runs, 3)).not.toThrow();
    expect(() => checkUnits(runs, 3)).not.toThrow();
  });

  it('names the option, the rule set or the registry that differs', () => {
    const runs = all(3);
    runs[2]!.results.run.options.maxPages = 10;
    expect(() => checkCompatible(runs)).toThrow(/option --max-pages differs: 10 \(run-3\) ≠ 30 \(run-1\)/);
    expect(() => checkCompatible([shardRun(1, 2), shardRun(2, 2, undefined, { ruleSetVersion: '2' })])).toThrow(/ruleSetVersion .*differs/);
    expect(() =>
      checkCompatible([
        shardRun(1, 2),
        shardRun(2, 2, undefined, { registry: { file: 'r.csv', sha256: 'def', units: 8, invalidRows: 0 } }),
      ]),
    ).toThrow(/different registry/);
    expect(() => checkCompatible([shardRun(1, 2), shardRun(2, 3)])).toThrow(/different shard count: 2\/3 \(run-2\) ≠ 1\/2 \(run-1\)/);
  });

  it('names a missing or repeated shard', () => {
    expect(() => checkCoverage([shardRun(1, 3), shardRun(3, 3)], 3)).toThrow(/missing shard 2\/3/);
    expect(() => checkCoverage([...all(3), shardRun(2, 3)], 3)).toThrow(/shard 2\/3 given 2 times: run-2, run-2/);
  });

  it('refuses a unit twice, a unit in the wrong shard, and shards that miss units', () => {
    const runs = all(2);
    const stray = IDS.find((id) => shardOf(id, 2) === 1)!;
    const doubled = [runs[0]!, shardRun(2, 2, [...IDS.filter((id) => shardOf(id, 2) === 2), stray])];
    expect(() => checkUnits(doubled, 2)).toThrow(new RegExp(`unit ${stray} appears in both run-1 and run-2`));
    expect(() => checkUnits(doubled, 2)).toThrow(new RegExp(`unit ${stray} does not belong to shard 2/2`));
    const short = [runs[0]!, shardRun(2, 2, IDS.filter((id) => shardOf(id, 2) === 2).slice(1))];
    expect(() => checkUnits(short, 2)).toThrow(/the shards hold 7 units, the registry 8/);
  });

  it('refuses a run that is not a shard', () => {
    const plain = shardRun(1, 1);
    delete plain.results.run.shard;
    expect(() => checkCompatible([plain])).toThrow(/run-1: .*not a --shard run/);
  });
});
