// One bad site must not hurt the others (issue 12): the hostile neighbours (a page nested 100,000 deep, a page of
// 200,000 links, a connection reset, a persistent 429 with Retry-After, a robots.txt that disallows everything, a
// JavaScript shell, an empty 200) audited in one run with 20 ordinary units, in one process and in worker threads.
// The ordinary units' verdicts must be those of a run without the neighbours, and each neighbour gets its own
// named status. The three runs go at once, so each one runs on a machine kept busy by the others.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, runCli, type CliRun } from './cli-helpers.js';
import { startFixtureServer, type FixtureServer } from '../../src/fixture-server/server.js';
import type { RunResults, UnitResult } from '../../src/model/result.js';

let server: FixtureServer;
let tmp: string;
const route = (): string[] => [...server.connectTo.flatMap((c) => ['--connect-to', c]), '--ca', server.caFile];

/** The demo fleet's units and 6 more units on the same sites: at least 20 ordinary units. */
async function ordinaryRows(): Promise<string[]> {
  const demo = (await readFile('fixtures/registries/demo.csv', 'utf8')).trim().split('\n');
  const extra = demo.slice(4, 10).map((row) => row.replace(/^(\d+),/, (_, id: string) => `${id}9,`));
  return [...demo, ...extra];
}

async function audit(name: string, registry: string, workers: number): Promise<{ run: CliRun; results: RunResults }> {
  const out = join(tmp, name);
  const run = await runCli(
    [
      'audit',
      registry,
      '--out',
      out,
      '--workers',
      String(workers),
      '--timeout',
      '10000',
      '--format',
      'json',
      '--log-level',
      'error',
      '--now',
      '2026-11-15',
      ...route(),
    ],
    { timeoutMs: 280_000 },
  );
  if (run.code !== 0) throw new Error(`${name}: exit ${run.code}\n${run.stderr.slice(-2000)}`);
  return { run, results: JSON.parse(await readFile(join(out, 'results.json'), 'utf8')) as RunResults };
}

/** What a unit's verdict is made of (timings and dates aside). */
const verdict = (u: UnitResult): unknown => ({
  crawl: u.crawl.status,
  pages: u.crawl.pages,
  score: u.score,
  verified: u.verified,
  grade: u.grade,
  findings: u.findings.map((f) => [f.rule, f.status, f.messageId, f.message]),
});

let alone: RunResults;
let inProcess: RunResults;
let threaded: RunResults;
let ordinaryIds: string[];

beforeAll(async () => {
  ensureBuilt();
  server = await startFixtureServer();
  tmp = await mkdtemp(join(tmpdir(), 'edu-neighbours-'));
  const ordinary = await ordinaryRows();
  const neighbours = (await readFile('fixtures/registries/neighbours.csv', 'utf8')).trim().split('\n').slice(1);
  ordinaryIds = ordinary.slice(1).map((r) => r.split(',')[0] as string);
  await writeFile(join(tmp, 'ordinary.csv'), `${ordinary.join('\n')}\n`);
  // the neighbours first, so their heavy pages are being parsed while the ordinary units are crawled
  await writeFile(join(tmp, 'mixed.csv'), `${[ordinary[0], ...neighbours, ...ordinary.slice(1)].join('\n')}\n`);
  [alone, inProcess, threaded] = (
    await Promise.all([
      audit('alone', join(tmp, 'ordinary.csv'), 1),
      audit('in-process', join(tmp, 'mixed.csv'), 1),
      audit('threaded', join(tmp, 'mixed.csv'), 2),
    ])
  ).map((r) => r.results) as [RunResults, RunResults, RunResults];
}, 300_000);
afterAll(async () => {
  await server?.close();
});

const unitsById = (r: RunResults): Map<string, UnitResult> => new Map(r.units.map((u) => [u.id, u]));

describe('hostile neighbours in one run with 20 ordinary units', () => {
  it("leave the ordinary units' verdicts as they are without them, in one process and in worker threads", () => {
    expect(ordinaryIds.length).toBeGreaterThanOrEqual(20); // the demo fleet grows; 6 extra units on top of it
    const base = unitsById(alone);
    for (const [label, run] of [
      ['in-process', inProcess],
      ['threaded', threaded],
    ] as const) {
      const mixed = unitsById(run);
      for (const id of ordinaryIds)
        expect(verdict(mixed.get(id) as UnitResult), `${label} ${id}`).toEqual(verdict(base.get(id) as UnitResult));
    }
    expect(alone.units.filter((u) => u.crawl.status === 'ok').length).toBeGreaterThan(12);
  });

  it.each([
    ['in-process', () => inProcess],
    ['threaded', () => threaded],
  ] as const)('give each neighbour its own status (%s)', (_, get) => {
    const u = unitsById(get());
    const status = (id: string): string | undefined => u.get(id)?.crawl.status;
    const finding = (id: string, rule: string) => u.get(id)?.findings.find((f) => f.rule === rule);
    // the deep page is judged like any other page
    expect(status('HN01')).toBe('ok');
    expect(u.get('HN01')?.findings.filter((f) => f.messageId === 'ruleCrashed' || /call stack/i.test(f.message))).toEqual([]);
    expect(finding('HN01', 'site-reachable')?.status).toBe('pass');
    expect(finding('HN01', 'official-email')?.status).toBe('pass');
    // 200,000 links: past the analysis budget, so its page's findings are errors that say so
    expect(status('HN02')).toBe('ok');
    expect(u.get('HN02')?.crawl.error).toMatch(/trang quá phức tạp để phân tích/);
    expect(finding('HN02', 'emc-tag')).toMatchObject({ status: 'error' });
    expect(finding('HN02', 'emc-tag')?.message).toMatch(/trang quá phức tạp để phân tích/);
    expect(status('HN03')).toBe('refused'); // a reset is a network failure, not a timeout
    expect(status('HN04')).toBe('blocked_by_waf'); // 429 after its Retry-After retries
    expect(status('HN05')).toBe('blocked_by_robots');
    expect(u.get('HN05')?.crawl.robots).toBe('read');
    expect(status('HN06')).toBe('ok'); // a JavaScript shell answers
    expect(status('HN07')).toBe('ok'); // so does an empty page
    for (const id of ['HN01', 'HN02', 'HN03', 'HN04', 'HN05', 'HN06', 'HN07']) expect(status(id), id).not.toMatch(/timeout|internal_error/);
  });

  it('never fetched a page robots.txt disallows', () => {
    const asked = server.requests.filter((r) => r.host === 'robots-disallow.fixture.test').map((r) => r.path);
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((p) => p === '/robots.txt')).toBe(true);
  });
});
