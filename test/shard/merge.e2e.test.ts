// End to end through the built CLI: demo.csv audited whole and as 3 shards against the fixture server on
// 127.0.0.1, merged, and compared with the unsharded run modulo timestamps, durations and paths. Merge refuses
// a missing shard, a duplicated shard, shards of another registry and shards with different options.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, writeFile, mkdir, cp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, runCli, ROOT } from '../e2e/cli-helpers.js';
import { startFixtureServer, type FixtureServer } from '../../src/fixture-server/server.js';
import type { RunResults } from '../../src/model/result.js';

let server: FixtureServer;
let tmp: string;
const REGISTRY = 'fixtures/registries/demo.csv';
// five audits share one fixture server and few cores: a generous timeout and a small concurrency keep a slow
// response from turning into a timeout in one run and not the other
const common = (): string[] => [
  '--now',
  '2026-11-15',
  '--format',
  'json,csv',
  '--log-level',
  'warn',
  '--max-pages',
  '10',
  '--concurrency',
  '4',
  '--timeout',
  '30000',
  ...server.connectTo.flatMap((c) => ['--connect-to', c]),
  '--ca',
  server.caFile,
];
const shardDir = (k: number): string => join(tmp, `shard-${k}`);
const load = async (dir: string): Promise<RunResults> => JSON.parse(await readFile(join(dir, 'results.json'), 'utf8')) as RunResults;

/** What must be equal between a merged and an unsharded run: everything but timestamps, durations and paths. */
// Page timings are measurements of a render, different every time like durationMs; so is what bounded a crawl (limits).
function comparable(results: RunResults): unknown {
  return JSON.parse(
    JSON.stringify(results, (key, value: unknown) =>
      ['startedAt', 'finishedAt', 'auditedAt', 'durationMs', 'out', 'shard', 'timings', 'limits'].includes(key) ? undefined : value,
    ),
  );
}

beforeAll(async () => {
  ensureBuilt();
  server = await startFixtureServer();
  tmp = await mkdtemp(join(tmpdir(), 'edu-shard-'));
  // the same rows in reverse order: another registry file (other sha256), the same units
  const lines = (await readFile(join(ROOT, REGISTRY), 'utf8')).trimEnd().split('\n');
  await writeFile(join(tmp, 'reversed.csv'), `${[lines[0], ...lines.slice(1).reverse()].join('\n')}\n`);
  const runs = await Promise.all([
    runCli(['audit', REGISTRY, '--out', join(tmp, 'whole'), ...common()]),
    ...[1, 2, 3].map((k) => runCli(['audit', REGISTRY, '--shard', `${k}/3`, '--out', shardDir(k), ...common()])),
    runCli(['audit', join(tmp, 'reversed.csv'), '--shard', '1/3', '--out', join(tmp, 'reversed-1'), ...common()]),
  ]);
  for (const r of runs) expect(r.code, r.stderr).toBe(0);
}, 90_000);
afterAll(async () => {
  await server.close();
  await rm(tmp, { recursive: true, force: true });
});

describe('sharded audit', () => {
  it('records the shard, the whole registry and the slice', async () => {
    const whole = await load(join(tmp, 'whole'));
    const shards = await Promise.all([1, 2, 3].map((k) => load(shardDir(k))));
    for (const [i, s] of shards.entries()) {
      expect(s.run.options.shard).toEqual({ k: i + 1, n: 3 });
      expect(s.run.shard).toMatchObject({ k: i + 1, n: 3 });
      expect(s.run.registry).toEqual(whole.run.registry);
      expect(Object.keys(s.run.shard!.registryIndex).sort()).toEqual(s.units.map((u) => u.id).sort());
      expect(s.districts.reduce((n, d) => n + d.units, 0)).toBe(s.units.length);
      const runJson = JSON.parse(await readFile(join(shardDir(i + 1), 'run.json'), 'utf8')) as {
        shard: unknown;
        options: { shard: unknown };
      };
      expect(runJson.options.shard).toEqual({ k: i + 1, n: 3 });
    }
    expect(shards.map((s) => s.units.length).reduce((a, b) => a + b)).toBe(whole.units.length);
    // a reordered registry puts the same units in shard 1
    const reversed = await load(join(tmp, 'reversed-1'));
    expect(reversed.units.map((u) => u.id).sort()).toEqual(shards[0]!.units.map((u) => u.id).sort());
  });

  it('merges into a run equal to the unsharded one', async () => {
    const out = join(tmp, 'merged');
    const r = await runCli(['merge', shardDir(3), shardDir(1), shardDir(2), '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const merged = await load(out);
    const whole = await load(join(tmp, 'whole'));
    expect(merged.units.map((u) => u.id)).toEqual(whole.units.map((u) => u.id));
    expect(merged.run.registryChecks.length).toBeGreaterThan(0);
    expect(comparable(merged)).toEqual(comparable(whole));
    expect(merged.run.options.format).toEqual(['json', 'csv']);
    for (const f of ['run.json', 'results.jsonl', 'report.csv', 'report-units.csv']) expect(existsSync(join(out, f)), f).toBe(true);
    const jsonl = (await readFile(join(out, 'results.jsonl'), 'utf8')).trimEnd().split('\n');
    expect(jsonl.map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(whole.units.map((u) => u.id));
    expect(await readFile(join(out, 'report.csv'), 'utf8')).toBe(await readFile(join(tmp, 'whole', 'report.csv'), 'utf8'));
    // evidence/: the same pages, indexed once each; every screenshot the shards took is there too
    const entries = async (dir: string): Promise<{ sha256: string; kind?: string; file: string }[]> =>
      existsSync(join(dir, 'evidence', 'index.jsonl'))
        ? (await readFile(join(dir, 'evidence', 'index.jsonl'), 'utf8'))
            .trimEnd()
            .split('\n')
            .map((l) => JSON.parse(l) as { sha256: string; kind?: string; file: string })
        : [];
    const pageShas = async (dir: string): Promise<string[]> =>
      (await entries(dir))
        .filter((e) => e.kind !== 'screenshot')
        .map((e) => e.sha256)
        .sort();
    expect(await pageShas(out)).toEqual(await pageShas(join(tmp, 'whole')));
    for (const sha of await pageShas(out)) expect(existsSync(join(out, 'evidence', `${sha}.html.gz`)), sha).toBe(true);
    const shots = merged.units.flatMap((u) => u.screenshots ?? []);
    for (const s of shots) expect(existsSync(join(out, s.file)), s.file).toBe(true);
  });

  it('refuses a missing shard, a duplicated shard, another registry and different options (exit 2)', async () => {
    const edited = join(tmp, 'shard-2-edited');
    await mkdir(edited);
    await cp(join(shardDir(2), 'results.json'), join(edited, 'results.json'));
    const doc = await load(edited);
    doc.run.options.maxPages = 5;
    await writeFile(join(edited, 'results.json'), JSON.stringify(doc));

    const [missing, twice, other, options, notShard] = await Promise.all(
      [
        [shardDir(1), shardDir(3)],
        [shardDir(1), shardDir(2), shardDir(2), shardDir(3)],
        [join(tmp, 'reversed-1'), shardDir(2), shardDir(3)],
        [shardDir(1), edited, shardDir(3)],
        [join(tmp, 'whole')],
      ].map((dirs, i) => runCli(['merge', ...dirs, '--out', join(tmp, `refused-${i}`)])),
    );
    for (const r of [missing, twice, other, options, notShard]) expect(r!.code, r!.stderr).toBe(2);
    expect(missing!.stderr).toMatch(/missing shard 2\/3/);
    expect(twice!.stderr).toMatch(/shard 2\/3 given 2 times/);
    expect(other!.stderr).toMatch(/different registry: .*reversed\.csv/);
    expect(options!.stderr).toMatch(/option --max-pages differs: 5/);
    expect(notShard!.stderr).toMatch(/not a --shard run/);
    // nothing half-written
    for (let i = 0; i < 5; i++) expect(existsSync(join(tmp, `refused-${i}`, 'results.json'))).toBe(false);
  }, 30_000);

  it('--shard with a bad value is a usage error before any crawl', async () => {
    // routed to a closed local port: even a regression here could not reach a real host
    const r = await runCli([
      'audit',
      REGISTRY,
      '--shard',
      '4/3',
      '--out',
      join(tmp, 'bad'),
      '--log-level',
      'silent',
      '--connect-to',
      '::127.0.0.1:9',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^--shard: /m);
    expect(existsSync(join(tmp, 'bad'))).toBe(false);
  });
});
