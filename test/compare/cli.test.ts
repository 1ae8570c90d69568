// `edu-audit diff` on run directories written to a temp dir, and `audit --baseline/--fail-on/--fail-under` through
// the built CLI against the fixture fleet (127.0.0.1 only); the baseline is the first run's results.json edited so
// that one unit had its EMC tag and another had no malicious content.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, runCli, type CliRun } from '../e2e/cli-helpers.js';
import { startFixtureServer, type FixtureServer } from '../../src/fixture-server/server.js';
import type { RunResults } from '../../src/model/result.js';
import type { RunDiff } from '../../src/compare/types.js';
import { run, unit } from './synthetic.js';

let tmp: string;
beforeAll(async () => {
  ensureBuilt();
  tmp = await mkdtemp(join(tmpdir(), 'edu-compare-'));
});

async function writeRun(name: string, results: RunResults): Promise<string> {
  const dir = join(tmp, name);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'results.json'), JSON.stringify(results));
  return dir;
}

describe('edu-audit diff', () => {
  it('exits 1 on regressions and prints the RunDiff with --json', async () => {
    const old = await writeRun(
      'd-old',
      run([unit('79760101', { 'emc-tag': 'pass' }), unit('79769101', { 'no-malicious-content': 'pass' })]),
    );
    const now = await writeRun(
      'd-new',
      run([
        unit('79760101', { 'emc-tag': 'fail' }, { score: 0, grade: 'Chưa đạt' }),
        unit('79769101', { 'no-malicious-content': 'fail' }, { score: 0, grade: 'Chưa đạt' }),
      ]),
    );
    const json = await runCli(['diff', old, now, '--json']);
    expect(json.code).toBe(1);
    const diff = JSON.parse(json.stdout) as RunDiff;
    expect(diff.summary).toEqual({ regressedUnits: 2, maliciousUnits: 1, improvedUnits: 0 });
    expect(diff.newFailures.map((c) => `${c.unit}/${c.rule}`)).toEqual(['79760101/emc-tag', '79769101/no-malicious-content']);

    const text = await runCli(['diff', old, now]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('Xấu đi: 2 đơn vị');
    const en = await runCli(['diff', old, now, '--lang', 'en', '--fail-on', 'none']);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('NEW MALICIOUS CONTENT');
  });

  it('exits 0 when nothing got worse', async () => {
    const a = await writeRun('same-a', run([unit('x', { 'emc-tag': 'fail' })]));
    const b = await writeRun('same-b', run([unit('x', { 'emc-tag': 'pass' })]));
    const r = await runCli(['diff', a, b]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Không có thay đổi xấu đi.');
  });

  it('refuses a directory without a valid results.json with exit 2', async () => {
    const good = await writeRun('good', run([unit('x', { 'emc-tag': 'pass' })]));
    const missing = await runCli(['diff', join(tmp, 'nope'), good]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('results.json');
    const bad = join(tmp, 'bad');
    await mkdir(bad);
    await writeFile(join(bad, 'results.json'), JSON.stringify({ schemaVersion: 1, units: 'no' }));
    const invalid = await runCli(['diff', good, bad]);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toMatch(/NEW_RUN: .*results\.json: /);
  });
});

describe('audit --baseline / --fail-on / --fail-under (built CLI, fixture fleet)', () => {
  let server: FixtureServer;
  let first: RunResults;
  const audit = (out: string, ...extra: string[]): Promise<CliRun> =>
    runCli([
      'audit',
      'fixtures/registries/demo.csv',
      '--out',
      join(tmp, out),
      '--format',
      'json',
      '--now',
      '2026-11-15',
      '--log-level',
      'warn',
      ...server.connectTo.flatMap((c) => ['--connect-to', c]),
      '--ca',
      server.caFile,
      ...extra,
    ]);

  beforeAll(async () => {
    server = await startFixtureServer();
    const r = await audit('first');
    expect(r.code, r.stderr).toBe(0);
    first = JSON.parse(await readFile(join(tmp, 'first', 'results.json'), 'utf8')) as RunResults;
  }, 120_000);
  afterAll(async () => {
    await server.close();
  });

  /** The first run, as if `edits` (unit → rule → status) had been true then. */
  const baseline = async (name: string, edits: Record<string, Record<string, 'pass'>>): Promise<string> => {
    const copy = structuredClone(first);
    for (const u of copy.units)
      for (const f of u.findings) {
        const s = edits[u.id]?.[f.rule];
        if (s) f.status = s;
      }
    return writeRun(name, copy);
  };

  it('the fixture fleet fails the rules the baseline will have passed', () => {
    const status = (id: string, rule: string): string | undefined =>
      first.units.find((u) => u.id === id)?.findings.find((f) => f.rule === rule)?.status;
    expect(status('79760101', 'emc-tag')).toBe('fail');
    expect(status('79769101', 'no-malicious-content')).toBe('fail');
  });

  it('exits 1 on regressions, writes diff.json, honours --fail-on and --fail-under', async () => {
    const both = await baseline('base-both', { '79760101': { 'emc-tag': 'pass' }, '79769101': { 'no-malicious-content': 'pass' } });
    const emcOnly = await baseline('base-emc', { '79760101': { 'emc-tag': 'pass' } });
    const [regressions, maliciousOnly, underScore] = await Promise.all([
      audit('r-regressions', '--baseline', both),
      audit('r-malicious', '--baseline', emcOnly, '--fail-on', 'malicious', '--fail-under', '50'),
      audit('r-under', '--baseline', both, '--fail-on', 'none', '--fail-under', '80'),
    ]);

    expect(regressions.code, regressions.stderr).toBe(1);
    expect(regressions.stdout).toContain('Xấu đi: 2 đơn vị');
    const diff = JSON.parse(await readFile(join(tmp, 'r-regressions', 'diff.json'), 'utf8')) as RunDiff;
    expect(
      diff.units
        .filter((u) => u.worse.length)
        .map((u) => u.id)
        .sort(),
    ).toEqual(['79760101', '79769101']);
    expect(diff.units.find((u) => u.id === '79760101')!.worse).toContainEqual({
      kind: 'rule',
      rule: 'emc-tag',
      before: 'pass',
      after: 'fail',
    });
    expect(diff.units.find((u) => u.id === '79769101')!.worse).toContainEqual({ kind: 'malicious', rule: 'no-malicious-content' });
    expect(diff.summary.maliciousUnits).toBe(1);

    // only a lost EMC tag: not malicious, and the average (72.2) is above 50
    expect(maliciousOnly.code, maliciousOnly.stdout).toBe(0);
    const emcDiff = JSON.parse(await readFile(join(tmp, 'r-malicious', 'diff.json'), 'utf8')) as RunDiff;
    expect(emcDiff.summary).toMatchObject({ regressedUnits: 1, maliciousUnits: 0 });

    expect(underScore.code).toBe(1);
    expect(underScore.stdout).toMatch(/Điểm trung bình [\d.]+ thấp hơn ngưỡng --fail-under 80/);
  }, 120_000);

  it('refuses a bad baseline with exit 2 before crawling', async () => {
    const r = await audit('r-bad', '--baseline', join(tmp, 'no-such-run'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--baseline');
    expect(existsSync(join(tmp, 'r-bad'))).toBe(false);
  });
});
