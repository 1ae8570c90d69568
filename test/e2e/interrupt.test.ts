// Ctrl-C and SIGTERM during an audit (issue 12): the built CLI audits slow local sites, gets a signal once some units
// are saved, and must say how many are saved and the exact `--resume` command, leave results.jsonl valid line by line
// (the units in progress finished and saved, none half written), remove the run lock and exit 130 (SIGINT) or 143
// (SIGTERM). The printed command, run through a shell as a user would paste it, must finish the run with every unit
// once. A second signal while a stalled site holds the first stop exits at once. No wall-clock assertion: files
// are polled with generous limits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, ensureBuilt } from './cli-helpers.js';
import { startServer, type TestServer } from '../collect/servers.js';
import type { RunResults, UnitResult } from '../../src/model/result.js';

const BIN = join(ROOT, 'bin', 'edu-audit.js');
const UNITS = 12;
let server: TestServer;
let tmp: string;
let registry: string;
/** Hosts asked for their home page, in order (the stalled one never answers). */
const homesAsked: string[] = [];

const page = (title: string, body: string): string =>
  `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;

beforeAll(async () => {
  ensureBuilt();
  // every answer takes 150 ms, so a unit (robots.txt, home, two pages) takes about half a second
  server = await startServer((req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    if (req.url === '/') homesAsked.push(host);
    if (host === 'treo.cham.test' && req.url === '/') return; // its home page never answers (the socket is destroyed on close)
    setTimeout(() => {
      if (req.url === '/robots.txt') {
        res.writeHead(404, { 'content-type': 'text/plain' });
        return res.end('not found');
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        page(`Trường ${host}`, '<nav><a href="/gioi-thieu">Giới thiệu</a> <a href="/tin-tuc">Tin tức</a></nav><p>Trang của trường.</p>'),
      );
    }, 150);
  });
  tmp = await mkdtemp(join(tmpdir(), 'edu-interrupt-'));
  const rows = Array.from(
    { length: UNITS },
    (_, i) => `T${String(i + 1).padStart(2, '0')},Trường Tiểu học Số ${i + 1},tieu-hoc,Quận ${(i % 3) + 1},hcm,http://s${i + 1}.cham.test/`,
  );
  registry = join(tmp, 'chậm.csv'); // a name the shell must quote
  await writeFile(registry, `id,name,type,district,province,website\n${rows.join('\n')}\n`);
}, 60_000);
afterAll(async () => {
  await server?.close();
});

const common = (): string[] => [
  '--now',
  '2026-11-15',
  '--format',
  'json',
  '--log-level',
  'silent',
  '--no-progress',
  '--render',
  'never',
  '--connect-to',
  `::127.0.0.1:${server.port}`,
];

interface Child {
  proc: ChildProcess;
  stderr: () => string;
  exit: Promise<number | null>;
}

function start(args: string[]): Child {
  const proc = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  proc.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString('utf8');
  });
  const exit = new Promise<number | null>((done) => proc.on('exit', (code) => done(code)));
  return { proc, stderr: () => stderr, exit };
}

const lines = async (file: string): Promise<string[]> =>
  existsSync(file) ? (await readFile(file, 'utf8')).split('\n').filter(Boolean) : [];

async function until(what: string, ok: () => boolean | Promise<boolean>, tries = 1200): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (await ok()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`gave up waiting for ${what}`);
}

/** Resolves with the exit code, or undefined if the process is still running after the polls. */
async function exited(child: Child, tries = 1200): Promise<number | null | undefined> {
  let code: number | null | undefined;
  void child.exit.then((c) => {
    code = c;
  });
  for (let i = 0; i < tries && code === undefined; i++) await new Promise((r) => setTimeout(r, 50));
  return code;
}

/** Every line of the file is a whole unit; returns their ids. */
async function validIds(file: string): Promise<string[]> {
  const all = await readFile(file, 'utf8');
  expect(all.endsWith('\n')).toBe(true);
  return all
    .trim()
    .split('\n')
    .map((line) => (JSON.parse(line) as UnitResult).id);
}

function runShell(command: string): Promise<{ code: number; stderr: string }> {
  // the printed command starts with `edu-audit`; here that is the built CLI under this Node
  const line = command.replace(/^edu-audit /, `'${process.execPath}' '${BIN}' `);
  return new Promise((done) => {
    execFile('sh', ['-c', line], { cwd: ROOT, timeout: 240_000 }, (error, _stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : 99) : 0, stderr });
    });
  });
}

describe.each([
  { signal: 'SIGINT' as const, code: 130, lang: 'vi', workers: '1' },
  { signal: 'SIGTERM' as const, code: 143, lang: 'en', workers: '2' },
])('$signal during an audit (--lang $lang, --workers $workers)', ({ signal, code, lang, workers }) => {
  it('stops cleanly, says what is saved and how to resume, and the printed command finishes the run', async () => {
    const out = join(tmp, `run-${signal}`);
    const jsonl = join(out, 'results.jsonl');
    const child = start(['audit', registry, '--out', out, '--concurrency', '2', '--workers', workers, '--lang', lang, ...common()]);
    await until('3 units saved', async () => (await lines(jsonl)).length >= 3);
    child.proc.kill(signal);
    expect(await exited(child)).toBe(code);
    const err = child.stderr();

    const said =
      lang === 'en'
        ? /stopped by (SIG\w+)\. (\d+)\/(\d+) units are saved in (.*results\.jsonl)\. To audit the rest, run:\n {2}(.+)\n/.exec(err)
        : /đã dừng theo (SIG\w+)\. Đã lưu (\d+)\/(\d+) đơn vị vào (.*results\.jsonl)\. Để kiểm tra tiếp các đơn vị còn lại, chạy:\n {2}(.+)\n/.exec(
            err,
          );
    expect(said, err).not.toBeNull();
    const [, name, saved, total, file, command] = said as unknown as [string, string, string, string, string, string];
    expect(name).toBe(signal);
    expect(Number(total)).toBe(UNITS);
    expect(file).toBe(jsonl);
    // nothing collected is lost: what the message counts is what the file holds, each line a whole unit, once
    const ids = await validIds(jsonl);
    expect(ids).toHaveLength(Number(saved));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(3);
    expect(ids.length).toBeLessThan(UNITS);
    expect(existsSync(join(out, '.edu-audit.lock'))).toBe(false);
    expect(existsSync(join(out, 'results.json'))).toBe(false); // the run is not finished
    expect(command).toContain('--resume');
    expect(command).toContain(`--out ${out}`);
    expect(command).toContain(`'${registry}'`);

    const resumed = await runShell(command);
    expect(resumed.code, resumed.stderr).toBe(0);
    const results = JSON.parse(await readFile(join(out, 'results.json'), 'utf8')) as RunResults;
    const finalIds = results.units.map((u) => u.id);
    expect(finalIds).toEqual(Array.from({ length: UNITS }, (_, i) => `T${String(i + 1).padStart(2, '0')}`));
    expect(results.units.every((u) => u.crawl.status === 'ok')).toBe(true);
    expect((await validIds(jsonl)).sort()).toEqual(finalIds); // every unit once
  }, 300_000);
});

describe('a second Ctrl-C', () => {
  it('exits at once while the first stop waits for a stalled site, and still removes the lock', async () => {
    const out = join(tmp, 'run-twice');
    const jsonl = join(out, 'results.jsonl');
    await writeFile(
      join(tmp, 'stall.csv'),
      `id,name,type,district,website\nS01,Trường Tiểu học Treo,tieu-hoc,Quận 1,http://treo.cham.test/\n${Array.from(
        { length: 6 },
        (_, i) => `S${i + 2},Trường Tiểu học Số ${i + 2},tieu-hoc,Quận 2,http://s${i + 1}.cham.test/`,
      ).join('\n')}\n`,
    );
    // the stalled home page would hold the first stop for its timeout, far longer than this test polls
    const child = start([
      'audit',
      join(tmp, 'stall.csv'),
      '--out',
      out,
      '--concurrency',
      '2',
      '--timeout',
      '600000',
      '--unit-deadline',
      '1200000',
      '--workers',
      '1',
      ...common(),
    ]);
    await until(
      'the stalled home asked and 2 units saved',
      async () => homesAsked.includes('treo.cham.test') && (await lines(jsonl)).length >= 2,
    );
    child.proc.kill('SIGINT');
    await until('the first stop announced', () => /đang dừng/.test(child.stderr()));
    expect(await exited(child, 20)).toBeUndefined(); // still waiting for the stalled unit
    child.proc.kill('SIGINT');
    expect(await exited(child)).toBe(130);
    expect(child.stderr()).toMatch(/nhận SIGINT lần nữa: thoát ngay/);
    expect(existsSync(join(out, '.edu-audit.lock'))).toBe(false);
    const ids = await validIds(jsonl);
    expect(ids.length).toBeGreaterThanOrEqual(2);
    expect(ids).not.toContain('S01');
  }, 300_000);
});
