// Evidence store and offline re-judging: an audit with --save-artifacts keeps the deciding pages (compressed,
// hashed, indexed) and every fetched page; `rejudge` with the fixture server stopped gives the same results.
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, runCli } from './cli-helpers.js';
import { startFixtureServer } from '../../src/fixture-server/server.js';
import type { RunResults } from '../../src/model/result.js';
import { runResultsSchema } from '../../src/store/results-schema.js';
import { RULE_SET_VERSION } from '../../rules/index.js';

let tmp: string;
let original: RunResults;
const dirA = (): string => join(tmp, 'a');

beforeAll(async () => {
  ensureBuilt();
  tmp = await mkdtemp(join(tmpdir(), 'edu-rejudge-'));
  const server = await startFixtureServer();
  try {
    const route = [...server.connectTo.flatMap((c) => ['--connect-to', c]), '--ca', server.caFile];
    const a = await runCli([
      'audit',
      'fixtures/registries/demo.csv',
      '--out',
      dirA(),
      '--save-artifacts',
      '--now',
      '2026-11-15',
      '--format',
      'json',
      '--log-level',
      'warn',
      ...route,
    ]);
    expect(a.code).toBe(0);
    const b = await runCli([
      'audit',
      'fixtures/registries/demo.csv',
      '--out',
      join(tmp, 'no-evidence'),
      '--no-evidence',
      '--rules',
      'emc-tag',
      '--now',
      '2026-11-15',
      '--format',
      'json',
      '--log-level',
      'warn',
      ...route,
    ]);
    expect(b.code).toBe(0);
  } finally {
    await server.close(); // from here on nothing answers: rejudge must not need it
  }
  original = JSON.parse(await readFile(join(dirA(), 'results.json'), 'utf8')) as RunResults;
}, 120_000);

describe('evidence store', () => {
  it('keeps the deciding pages, compressed and indexed with URL, time and SHA-256, referenced from findings', async () => {
    const snapshots = original.units.flatMap((u) => u.findings.flatMap((f) => f.evidence.filter((e) => e.snapshot).map((e) => ({ f, e }))));
    expect(snapshots.length).toBeGreaterThan(5);
    expect(snapshots.every(({ f }) => f.status === 'fail' || f.status === 'warn')).toBe(true);
    const index = (await readFile(join(dirA(), 'evidence', 'index.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { sha256: string; file: string; url: string; fetchedAt: string });
    for (const { e } of snapshots.slice(0, 10)) {
      const html = gunzipSync(await readFile(join(dirA(), e.snapshot!))).toString('utf8');
      const sha = createHash('sha256').update(html, 'utf8').digest('hex');
      expect(e.snapshot).toBe(`evidence/${sha}.html.gz`);
      const entry = index.find((x) => x.sha256 === sha);
      expect(entry?.fetchedAt).toMatch(/^2\d{3}-/);
      expect(html.length).toBeGreaterThan(100);
    }
    // only deciding pages: fewer files than pages fetched
    const files = (await readdir(join(dirA(), 'evidence'))).filter((f) => f.endsWith('.gz'));
    expect(files.length).toBeLessThan(original.units.reduce((n, u) => n + u.crawl.pages, 0));
  });

  it('is off with --no-evidence', () => {
    expect(existsSync(join(tmp, 'no-evidence', 'evidence'))).toBe(false);
  });
});

describe('rejudge', () => {
  it('re-runs the rules over the saved artifacts offline and gives the same results', async () => {
    const out = join(tmp, 'rejudged');
    const r = await runCli(['rejudge', dirA(), '--out', out, '--format', 'json,xlsx']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const again = JSON.parse(await readFile(join(out, 'results.json'), 'utf8')) as RunResults & { run: { rejudgedFrom?: { dir: string } } };
    expect(runResultsSchema.safeParse(again).success).toBe(true);
    expect(again.run.rejudgedFrom?.dir).toBe(dirA());
    expect(again.run.ruleSetVersion).toMatch(/^\d{4}\./);
    expect(again.run.now).toBe(original.run.now);
    const strip = (x: RunResults): unknown =>
      x.units.map((u) => ({
        id: u.id,
        score: u.score,
        grade: u.grade,
        crawl: u.crawl.status,
        verified: u.verified,
        facts: u.facts,
        rendered: u.crawl.rendered,
        timings: u.timings,
        findings: u.findings.map((f) => ({ rule: f.rule, status: f.status, message: f.message })),
      }));
    expect(strip(again)).toEqual(strip(original));
    expect(again.districts).toEqual(original.districts);
    expect(existsSync(join(out, 'report.xlsx'))).toBe(true);
  }, 60_000);

  it('says which rule-set version judged an older run and which one re-judged it', async () => {
    const metaFile = join(dirA(), 'run.json');
    const meta = JSON.parse(await readFile(metaFile, 'utf8')) as { ruleSetVersion: string };
    await writeFile(metaFile, JSON.stringify({ ...meta, ruleSetVersion: '2025.01.0' }));
    try {
      const out = join(tmp, 'rejudged-old');
      const r = await runCli(['rejudge', dirA(), '--out', out, '--format', 'json']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`đã chấm với bộ quy tắc 2025.01.0, chấm lại với bộ quy tắc ${RULE_SET_VERSION}`);
      const again = JSON.parse(await readFile(join(out, 'results.json'), 'utf8')) as RunResults & {
        run: { rejudgedFrom?: { ruleSetVersion: string } };
      };
      expect([again.run.rejudgedFrom?.ruleSetVersion, again.run.ruleSetVersion]).toEqual(['2025.01.0', RULE_SET_VERSION]);
    } finally {
      await writeFile(metaFile, JSON.stringify(meta));
    }
  }, 60_000);

  it('refuses a run without saved artifacts', async () => {
    const r = await runCli(['rejudge', join(tmp, 'no-evidence')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--save-artifacts/);
  });
});
