// End-to-end against hostile sites: the built CLI audits fixtures/registries/hostile.csv served by the fixture
// server on 127.0.0.1; every unit gets a result with a clear reason and the run completes. Also bad registries,
// --skip-invalid, and the one-site `check` command.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, runCli, type CliRun } from './cli-helpers.js';
import { startFixtureServer, type FixtureServer } from '../../src/fixture-server/server.js';
import type { RunResults } from '../../src/model/result.js';

let server: FixtureServer;
let tmp: string;
const route = (): string[] => [...server.connectTo.flatMap((c) => ['--connect-to', c]), '--ca', server.caFile];

beforeAll(async () => {
  ensureBuilt();
  server = await startFixtureServer();
  tmp = await mkdtemp(join(tmpdir(), 'edu-hostile-'));
});
afterAll(async () => {
  await server.close();
});

describe('hostile fleet', () => {
  let run: CliRun;
  let results: RunResults;
  beforeAll(async () => {
    const out = join(tmp, 'hostile');
    run = await runCli([
      'audit',
      'fixtures/registries/hostile.csv',
      '--out',
      out,
      '--timeout',
      '1500',
      '--max-bytes',
      '1000000',
      '--format',
      'json',
      '--log-level',
      'warn',
      '--now',
      '2026-11-15',
      ...route(),
    ]);
    results = JSON.parse(await readFile(join(out, 'results.json'), 'utf8')) as RunResults;
  }, 90_000);

  it('completes with exit 0 and one result per unit', () => {
    expect(run.code).toBe(0);
    expect(results.units).toHaveLength(15);
  });

  it('gives each hostile site a crawl status and a reason', () => {
    const crawl = Object.fromEntries(results.units.map((u) => [u.id, u.crawl.status]));
    expect(crawl).toMatchObject({
      HX01: 'too_many_redirects', // redirect loop
      HX02: 'too_many_redirects', // 7 hops
      HX03: 'timeout', // a body that never ends
      HX04: 'timeout', // headers never sent
      HX05: 'ok', // ~30 MB of HTML: judged on its first --max-bytes
      HX07: 'http_error', // 500
      HX08: 'ok', // 429 with Retry-After, then 200
      HX09: 'blocked_by_waf', // 403 wall
      HX10: 'private_address', // redirect to 127.0.0.1 refused without --allow-private
      HX11: 'not_html',
      HX13: 'ok', // expired certificate: content still judged
      HX14: 'ok', // certificate for another host
      HX15: 'ok', // self-signed
    });
    for (const u of results.units.filter((x) => x.crawl.status !== 'ok')) expect(u.crawl.error, u.id).toBeTruthy();
    const byId = new Map(results.units.map((u) => [u.id, u]));
    expect(byId.get('HX01')?.crawl.error).toMatch(/loop/);
    expect(byId.get('HX01')?.crawl.redirects?.length).toBeGreaterThan(1);
    expect(byId.get('HX05')?.crawl.truncated).toBe(true); // huge body cut at --max-bytes, not a failure
    // gzip bomb: cut at the decoded cap, or (while the server is still building its bomb) timed out
    const bomb = byId.get('HX06')!;
    if (bomb.crawl.status === 'ok') expect(bomb.crawl.truncated).toBe(true);
    else expect(bomb.crawl.error).toMatch(/timed out/);
  });

  it('judges unreachable sites as fail or error, never pass, and bad certificates as an https fail', () => {
    const status = (id: string, rule: string): string | undefined =>
      results.units.find((u) => u.id === id)?.findings.find((f) => f.rule === rule)?.status;
    for (const id of ['HX01', 'HX03', 'HX07', 'HX10', 'HX11']) {
      expect(status(id, 'site-reachable'), id).toBe('fail');
      expect(status(id, 'emc-tag'), id).toBe('error');
    }
    // a bot wall answers the crawler, not a visitor: unverified, never a fail
    expect([status('HX09', 'site-reachable'), status('HX09', 'emc-tag')]).toEqual(['error', 'error']);
    expect(results.units.find((u) => u.id === 'HX09')?.grade).toBe('Chưa xác minh');
    // a page past --max-bytes is a working site judged on its beginning; the bomb's prefix (spaces) is a blank page
    const huge = results.units.find((u) => u.id === 'HX05')!.findings.find((f) => f.rule === 'site-reachable')!;
    expect([huge.status, huge.messageId]).toEqual(['pass', 'reachableTruncated']);
    expect(huge.evidence.map((e) => e.selector)).toContain('truncated');
    expect(status('HX05', 'mobile-friendly')).toBe('fail'); // judged (no viewport in the prefix), not error
    const bomb = results.units.find((u) => u.id === 'HX06')!;
    if (bomb.crawl.status === 'ok') expect(bomb.findings.find((f) => f.rule === 'site-reachable')?.messageId).toBe('blankPage');
    for (const id of ['HX13', 'HX14', 'HX15']) {
      expect(status(id, 'https'), id).toBe('fail');
      expect(status(id, 'site-reachable'), id).toBe('pass');
      expect(status(id, 'mobile-friendly'), id).not.toBe('error');
    }
    const expired = results.units.find((u) => u.id === 'HX13')!.findings.find((f) => f.rule === 'https')!;
    expect(expired.message).toMatch(/CERT_HAS_EXPIRED/);
  });

  it('never fetched the private target', () => {
    expect(server.requests.some((r) => r.path === '/private')).toBe(false);
  });
});

describe('bad registries', () => {
  it('registry check names file, row and field, and exits 2', async () => {
    const r = await runCli(['registry', 'check', 'fixtures/registries/invalid.csv']);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^fixtures\/registries\/invalid\.csv:3: id: /m);
    expect(r.stdout).toMatch(/^fixtures\/registries\/invalid\.csv:4: type: /m);
  });

  it('audit refuses a registry with errors, and --skip-invalid audits the good rows and records the bad ones', async () => {
    // every connection goes to a closed local port: nothing leaves loopback
    const closed = ['--connect-to', '::127.0.0.1:9', '--timeout', '1000', '--log-level', 'error', '--format', 'json'];
    const refused = await runCli(['audit', 'fixtures/registries/invalid.csv', '--out', join(tmp, 'refused'), ...closed]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/invalid\.csv:4: type: /);
    const out = join(tmp, 'skip');
    const skipped = await runCli(['audit', 'fixtures/registries/invalid.csv', '--skip-invalid', '--out', out, ...closed]);
    expect(skipped.code).toBe(0);
    const results = JSON.parse(await readFile(join(out, 'results.json'), 'utf8')) as RunResults;
    expect(results.units.map((u) => u.id)).toContain('79000101');
    expect(results.units.find((u) => u.id === '79000101')?.crawl.status).toBe('refused');
    expect(results.run.registryChecks.filter((c) => c.kind === 'invalid-row').map((c) => c.detail)).toEqual(
      expect.arrayContaining([expect.stringMatching(/invalid\.csv:4: type: /)]),
    );
  }, 60_000);

  it('a bad --connect-to is a usage error (exit 2)', async () => {
    const r = await runCli([
      'audit',
      'fixtures/registries/demo.csv',
      '--connect-to',
      'nonsense',
      '--out',
      join(tmp, 'bad-flag'),
      '--log-level',
      'silent',
    ]);
    expect(r.code).toBe(2);
  });
});

describe('edu-audit check', () => {
  it("prints one site's scorecard with a fix list", async () => {
    const r = await runCli([
      'check',
      'https://thcs-binhan.hcm.edu.vn/',
      '--type',
      'thcs',
      '--parent',
      'https://pgdthuduc.hcm.edu.vn/',
      '--province',
      'hcm',
      '--now',
      '2026-11-15',
      ...route(),
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Điểm: [\d.]+ · Xếp loại: /);
    expect(r.stdout).toMatch(/Cần khắc phục/);
    expect(r.stdout).toMatch(/redirect-offsite/);
  }, 60_000);
});
