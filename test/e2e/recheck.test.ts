// Re-checks: a site that answers 429 to its first request looks down on the first pass; fetched again later and
// more gently it answers, and only what holds is kept (--recheck-unverified) or reported as a regression
// against a baseline (--recheck-changed).
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, runCli, type CliRun } from './cli-helpers.js';
import { startFixtureServer } from '../../src/fixture-server/server.js';
import type { RunResults } from '../../src/model/result.js';

let tmp: string;
let registry: string;

beforeAll(async () => {
  ensureBuilt();
  tmp = await mkdtemp(join(tmpdir(), 'edu-recheck-'));
  registry = join(tmp, 'flaky.csv');
  await writeFile(
    registry,
    'id,name,type,district,province,website,parent,email\nHX08,Trường kiểm thử rate-limited,thcs,Kiểm thử,hcm,https://rate-limited.fixture.test/,,\n',
  );
});

/** Each audit gets a fresh fixture server, so the site's first request is the one answered 429. */
async function audit(name: string, extra: string[]): Promise<{ run: CliRun; results: RunResults }> {
  const server = await startFixtureServer();
  try {
    const out = join(tmp, name);
    const run = await runCli([
      'audit',
      registry,
      '--out',
      out,
      '--now',
      '2026-11-15',
      '--format',
      'json',
      '--log-level',
      'warn',
      '--no-progress',
      '--rules',
      'site-reachable,emc-tag',
      ...server.connectTo.flatMap((c) => ['--connect-to', c]),
      '--ca',
      server.caFile,
      ...extra,
    ]);
    return { run, results: JSON.parse(await readFile(join(out, 'results.json'), 'utf8')) as RunResults };
  } finally {
    await server.close();
  }
}

const crawl = (r: RunResults): string | undefined => r.units[0]?.crawl.status;

describe('re-checks', () => {
  it('without re-checks a first 429 leaves the unit unverified', async () => {
    const { results } = await audit('plain', ['--retries', '0']);
    expect(crawl(results)).toBe('blocked_by_waf');
    expect(results.units[0]?.findings.find((f) => f.rule === 'emc-tag')?.status).toBe('error');
  }, 60_000);

  it('--recheck-unverified fetches the unit again and keeps what holds', async () => {
    const { run, results } = await audit('unverified', ['--retries', '0', '--recheck-unverified', '--recheck-delay', '50']);
    expect(run.code).toBe(0);
    expect(crawl(results)).toBe('ok');
    expect((results.run as unknown as { rechecked: { unverified: string[] } }).rechecked.unverified).toEqual(['HX08']);
    expect(results.units).toHaveLength(1);
  }, 60_000);

  it('--recheck-changed reports a regression against the baseline only if it holds', async () => {
    const base = await audit('baseline', []);
    expect(crawl(base.results)).toBe('ok');
    const noisy = await audit('noisy', ['--retries', '0', '--baseline', join(tmp, 'baseline')]);
    expect(crawl(noisy.results)).toBe('blocked_by_waf');
    expect(noisy.run.code).toBe(1); // the site looked down: a regression
    const checked = await audit('checked', [
      '--retries',
      '0',
      '--baseline',
      join(tmp, 'baseline'),
      '--recheck-changed',
      '--recheck-delay',
      '50',
    ]);
    expect(checked.run.code).toBe(0);
    expect(crawl(checked.results)).toBe('ok');
    expect((checked.results.run as unknown as { rechecked: { changed: string[] } }).rechecked.changed).toEqual(['HX08']);
  }, 90_000);

  it('--recheck-changed without --baseline is bad usage', async () => {
    const r = await runCli(['audit', registry, '--out', join(tmp, 'usage'), '--recheck-changed', '--connect-to', '::127.0.0.1:9']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--baseline/);
  });
});
