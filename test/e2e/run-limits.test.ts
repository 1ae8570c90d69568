// What bounded the run (issue 13 point 6), said at the end of the console summary and in results.json / run.json:
// every unit on one address with --per-ip 1 names the per-IP limit, the address and its unit count; one unit at a
// time (--concurrency 1) over sites on separate addresses (127.0.0.2…7, each its own server) names --concurrency,
// with the waits measured in two worker threads and added up.
// Every answer takes 300 ms, so the CPU is idle and the limits, not the machine, decide.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type http from 'node:http';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, runCli } from './cli-helpers.js';
import { startServer, type TestServer } from '../collect/servers.js';
import type { RunResults } from '../../src/model/result.js';

const servers: TestServer[] = [];
let tmp: string;
const SITES = 6;

const handler: http.RequestListener = (req, res) => {
  setTimeout(() => {
    if (req.url === '/robots.txt') {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return res.end('not found');
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Trường</title></head><body><nav><a href="/gioi-thieu">Giới thiệu</a> <a href="/tin-tuc">Tin tức</a></nav><p>Trang của trường.</p></body></html>',
    );
  }, 300);
};

beforeAll(async () => {
  ensureBuilt();
  for (let i = 0; i < SITES; i++) servers.push(await startServer(handler, undefined, `127.0.0.${i + 2}`));
  tmp = await mkdtemp(join(tmpdir(), 'edu-limits-'));
  const rows = Array.from(
    { length: SITES },
    (_, i) => `L${i + 1},Trường Tiểu học Số ${i + 1},tieu-hoc,Quận 1,hcm,http://s${i + 1}.gioihan.test/`,
  );
  await writeFile(join(tmp, 'ds.csv'), `id,name,type,district,province,website\n${rows.join('\n')}\n`);
}, 60_000);
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

const common = [
  '--now',
  '2026-11-15',
  '--format',
  'json',
  '--log-level',
  'silent',
  '--no-progress',
  '--render',
  'never',
  '--no-evidence',
  '--workers',
  '1',
];

async function audit(name: string, args: string[]): Promise<{ stdout: string; results: RunResults; runJson: RunResults['run'] }> {
  const out = join(tmp, name);
  const r = await runCli(['audit', join(tmp, 'ds.csv'), '--out', out, ...common, ...args]);
  expect(r.code, r.stderr).toBe(0);
  return {
    stdout: r.stdout,
    results: JSON.parse(await readFile(join(out, 'results.json'), 'utf8')) as RunResults,
    runJson: JSON.parse(await readFile(join(out, 'run.json'), 'utf8')) as RunResults['run'],
  };
}

describe('the end of a run says what bounded it', () => {
  it('all units on one address with --per-ip 1: the per-IP limit, naming the address and its units', async () => {
    // every site routed to the first server: one address for all
    const { stdout, results, runJson } = await audit('one-ip', [
      '--per-ip',
      '1',
      '--concurrency',
      '6',
      '--connect-to',
      `::127.0.0.2:${servers[0]!.port}`,
    ]);
    const address = `127.0.0.2:${servers[0]!.port}`;
    expect(results.units.every((u) => u.crawl.status === 'ok')).toBe(true);
    const limits = results.run.limits!;
    expect(limits.bound).toBe('per-ip');
    expect(limits.busiest[0]).toMatchObject({ address, units: SITES });
    expect(limits.waitMs.perIp).toBeGreaterThan(0);
    expect(runJson.limits).toEqual(limits);
    expect(stdout).toMatch(
      new RegExp(
        `Giới hạn tốc độ chính: số kết nối mỗi địa chỉ IP \\(--per-ip 1\\): các yêu cầu chờ \\d+ % thời gian, tổng .+; 6 đơn vị trên ${address.replace(/\./g, '\\.')} \\(chờ .+\\)\\. Nếu máy chủ đó do đơn vị mình quản lý, có thể tăng --per-ip\\.`,
      ),
    );
    expect(stdout).toMatch(/Thời gian chờ: mỗi IP .+ · mỗi website .+ · khoảng nghỉ .+ · bộ nhớ trang .+ · \d+ yêu cầu/);
  }, 180_000);

  it('one unit at a time over sites on their own addresses: --concurrency (worker threads, in English)', async () => {
    const routes = servers.flatMap((s, i) => ['--connect-to', `s${i + 1}.gioihan.test::127.0.0.${i + 2}:${s.port}`]);
    // --per-host 4: a unit's own fetches (up to 4 at once) do not queue behind each other, so only the slots count
    const { stdout, results } = await audit('one-at-a-time', [
      '--concurrency',
      '1',
      '--per-host',
      '4',
      '--lang',
      'en',
      '--workers',
      '2',
      ...routes,
    ]);
    expect(results.units.every((u) => u.crawl.status === 'ok')).toBe(true);
    const limits = results.run.limits!;
    expect(limits.bound).toBe('concurrency');
    expect(limits.busiest.map((b) => b.units)).toEqual([1, 1, 1]); // counted in both workers, added up
    expect(limits.requests).toBeGreaterThanOrEqual(SITES * 3);
    expect(limits.shares.concurrency).toBeGreaterThan(0.9);
    expect(stdout).toMatch(
      /What set the pace: units audited at once \(--concurrency 1\): every slot was taken \d+ % of the time; raise --concurrency to go faster\./,
    );
  }, 180_000);
});
