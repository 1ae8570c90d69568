// Crash safety: a real audit of the fixture fleet is killed with SIGKILL after some units finished, a torn
// line is appended as a power loss mid-write would leave it, and `--resume` finishes the run with the same
// results as an uninterrupted one: same units, no duplicates, same statuses. Also the run-directory lock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { appendFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, ensureBuilt, runCli } from './cli-helpers.js';
import { startFixtureServer, type FixtureServer } from '../../src/fixture-server/server.js';
import type { RunResults } from '../../src/model/result.js';

let server: FixtureServer;
let tmp: string;
const common = (): string[] => [
  '--now',
  '2026-11-15',
  '--format',
  'json',
  '--log-level',
  'warn',
  '--no-progress',
  ...server.connectTo.flatMap((c) => ['--connect-to', c]),
  '--ca',
  server.caFile,
];

beforeAll(async () => {
  ensureBuilt();
  server = await startFixtureServer();
  tmp = await mkdtemp(join(tmpdir(), 'edu-resume-'));
});
afterAll(async () => {
  await server.close();
});

const lineCount = async (file: string): Promise<number> =>
  existsSync(file) ? (await readFile(file, 'utf8')).split('\n').filter(Boolean).length : 0;

/** Starts an audit and SIGKILLs it once `atLeast` units are in results.jsonl. */
async function killAfter(out: string, atLeast: number): Promise<number> {
  const child = spawn(
    process.execPath,
    [join(ROOT, 'bin', 'edu-audit.js'), 'audit', 'fixtures/registries/demo.csv', '--out', out, '--concurrency', '1', ...common()],
    { cwd: ROOT, stdio: 'ignore' },
  );
  const exited = new Promise<void>((done) => child.on('exit', () => done()));
  const jsonl = join(out, 'results.jsonl');
  for (let i = 0; i < 600; i++) {
    if ((await lineCount(jsonl)) >= atLeast) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGKILL');
  await exited;
  return lineCount(jsonl);
}

const statuses = (r: RunResults): Record<string, Record<string, string>> =>
  Object.fromEntries(
    r.units.map((u) => [
      u.id,
      { crawl: u.crawl.status, grade: u.grade, score: String(u.score), ...Object.fromEntries(u.findings.map((f) => [f.rule, f.status])) },
    ]),
  );

describe('resume after a crash', () => {
  let reference: RunResults;
  beforeAll(async () => {
    const out = join(tmp, 'reference');
    const r = await runCli(['audit', 'fixtures/registries/demo.csv', '--out', out, ...common()]);
    expect(r.code).toBe(0);
    reference = JSON.parse(await readFile(join(out, 'results.json'), 'utf8')) as RunResults;
  }, 60_000);

  it('finishes a killed run with the same results as an uninterrupted one, even after a torn write', async () => {
    const out = join(tmp, 'killed');
    const done = await killAfter(out, 3);
    expect(done).toBeGreaterThanOrEqual(3);
    expect(done).toBeLessThan(21);
    expect(existsSync(join(out, 'results.json'))).toBe(false);
    await appendFile(join(out, 'results.jsonl'), '{"id":"79769101","name":"Trường Tiểu học Kim Đ'); // torn tail

    const again = await runCli(['audit', 'fixtures/registries/demo.csv', '--out', out, '--resume', ...common()]);
    expect(again.stderr).not.toMatch(/"level":50/);
    expect(again.code).toBe(0);
    const resumed = JSON.parse(await readFile(join(out, 'results.json'), 'utf8')) as RunResults;
    const ids = resumed.units.map((u) => u.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(reference.units.map((u) => u.id));
    expect(statuses(resumed)).toEqual(statuses(reference));
    expect(resumed.districts).toEqual(reference.districts);
    const lines = (await readFile(join(out, 'results.jsonl'), 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(21); // the units of fixtures/registries/demo.csv
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();

    // nothing left to do: the summary still counts the pages of the whole run, not only of this part
    const idle = await runCli(['audit', 'fixtures/registries/demo.csv', '--out', out, '--resume', ...common()]);
    expect(idle.code).toBe(0);
    const pages = resumed.units.reduce((n, u) => n + u.crawl.pages, 0);
    expect(pages).toBeGreaterThan(14);
    expect(idle.stdout).toContain(` · ${pages} trang · `);
  }, 120_000);

  it('refuses to resume with another --now (one run, one audit date)', async () => {
    const out = join(tmp, 'reference');
    const r = await runCli([
      'audit',
      'fixtures/registries/demo.csv',
      '--out',
      out,
      '--resume',
      ...common().map((a) => (a === '2026-11-15' ? '2026-11-16' : a)),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--now khác \/ cannot resume with a different --now: the run audits 2026-11-15, --now says 2026-11-16/);
    const same = await runCli(['audit', 'fixtures/registries/demo.csv', '--out', out, '--resume', ...common()]);
    expect(same.code).toBe(0);
  }, 90_000);

  it('refuses to resume with another registry or judgement-changing options, and a fresh run over results', async () => {
    const out = join(tmp, 'reference');
    const other = join(tmp, 'other.csv');
    await writeFile(other, (await readFile(join(ROOT, 'fixtures/registries/demo.csv'), 'utf8')).split('\n').slice(0, 5).join('\n'));
    const differentRegistry = await runCli(['audit', other, '--out', out, '--resume', ...common()]);
    expect(differentRegistry.code).toBe(2);
    expect(differentRegistry.stderr).toMatch(/registry changed/);
    const differentPages = await runCli([
      'audit',
      'fixtures/registries/demo.csv',
      '--out',
      out,
      '--resume',
      '--max-pages',
      '3',
      ...common(),
    ]);
    expect(differentPages.code).toBe(2);
    expect(differentPages.stderr).toMatch(/--max-pages/);
    const fresh = await runCli(['audit', 'fixtures/registries/demo.csv', '--out', out, ...common()]);
    expect(fresh.code).toBe(2);
    expect(fresh.stderr).toMatch(/--resume/);
  }, 60_000);

  it('refuses a second audit writing the same directory while the first runs', async () => {
    const out = join(tmp, 'locked');
    const first = spawn(
      process.execPath,
      [join(ROOT, 'bin', 'edu-audit.js'), 'audit', 'fixtures/registries/demo.csv', '--out', out, '--concurrency', '1', ...common()],
      { cwd: ROOT, stdio: 'ignore' },
    );
    const firstDone = new Promise<number>((done) => first.on('exit', (code) => done(code ?? -1)));
    for (let i = 0; i < 200 && !existsSync(join(out, '.edu-audit.lock')); i++) await new Promise((r) => setTimeout(r, 25));
    const second = await runCli(['audit', 'fixtures/registries/demo.csv', '--out', out, '--resume', ...common()]);
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(/another edu-audit process \(pid \d+\)/);
    expect(await firstDone).toBe(0);
    expect(existsSync(join(out, '.edu-audit.lock'))).toBe(false);
  }, 90_000);
});
