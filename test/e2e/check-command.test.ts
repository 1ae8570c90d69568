// `edu-audit check`: the unit type inferred (host, then the home page title) and printed as inferred, --type wins;
// --help lists only what check accepts; a private address is refused with exit 2; demo --help names its folder.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, runCli } from './cli-helpers.js';
import { readPdfText } from '../report/pdf-text.js';
import { startFixtureServer, type FixtureServer } from '../../src/fixture-server/server.js';

let server: FixtureServer;
const route = (): string[] => [...server.connectTo.flatMap((c) => ['--connect-to', c]), '--ca', server.caFile];

beforeAll(async () => {
  ensureBuilt();
  server = await startFixtureServer();
});
afterAll(async () => {
  await server.close();
});

describe('edu-audit check: the unit type', () => {
  it('is inferred from the host and printed as inferred', async () => {
    const r = await runCli(['check', 'https://thcs-binhan.hcm.edu.vn/', '--now', '15/11/2026', ...route()]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe("Loại hình: THCS — suy ra từ tên miền 'thcs-binhan.hcm.edu.vn'; nếu sai, chỉ rõ bằng --type");
    expect(r.stdout).toMatch(/Điểm: [\d.]+ · Xếp loại: /);
  }, 90_000);

  it('comes from the home page title when the host does not tell, judged from the one fetch', async () => {
    const fetched = async (args: string[]): Promise<{ stdout: string; requests: number }> => {
      const before = server.requests.length;
      const r = await runCli(['check', 'https://hcm.edu.vn/', '--now', '2026-11-15', ...args, ...route()]);
      expect(r.code, r.stderr).toBe(0);
      return { stdout: r.stdout, requests: server.requests.length - before };
    };
    const inferred = await fetched([]);
    expect(inferred.stdout.split('\n')[0]).toMatch(
      /^Loại hình: Sở GDĐT — suy ra từ tiêu đề trang chủ '.*Sở Giáo dục.*'; nếu sai, chỉ rõ bằng --type$/,
    );
    // re-judged offline: no more requests than a run told the type up front, and the same scorecard
    const told = await fetched(['--type', 'so']);
    expect(inferred.requests).toBe(told.requests);
    const card = (out: string): string[] =>
      out
        .replace(/\d+ ms/g, 'N ms')
        .split('\n')
        .slice(1);
    expect(card(inferred.stdout)).toEqual(card(told.stdout));
  }, 90_000);

  it('--type overrides the inference', async () => {
    const r = await runCli([
      'check',
      'https://thcs-binhan.hcm.edu.vn/',
      '--type',
      'thpt',
      '--lang',
      'en',
      '--now',
      '2026-11-15',
      ...route(),
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('Unit type: Upper secondary school (--type)');
  }, 90_000);
});

describe('edu-audit check --pdf', () => {
  it('writes the scorecard as a PDF with the score, the grade and the home page screenshot', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'edu-check-pdf-')), 'phiếu kết quả.pdf');
    const r = await runCli(['check', 'https://thcs-binhan.hcm.edu.vn/', '--now', '15/11/2026', '--pdf', file, ...route()], {
      timeoutMs: 180_000,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Phiếu kết quả PDF: ${file}`);
    const [, score, grade] = /Điểm: ([\d.]+) · Xếp loại: ([^·\n]+?) ·/.exec(r.stdout) ?? [];
    const { pages, text } = await readPdfText(file);
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(pages.length).toBeLessThanOrEqual(2);
    expect(text).toContain('thcs-binhan.hcm.edu.vn');
    expect(text).toMatch(new RegExp(`Điểm\\s*${score!.replace('.', '\\.')}\\s*Xếp loại\\s*${grade}`));
    expect(text).toContain('15/11/2026');
    expect((await readFile(file)).toString('latin1')).toMatch(/\/Subtype\s*\/Image/);
  }, 200_000);

  it('without a browser says so once in Vietnamese, writes no file and keeps the exit code', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'edu-check-pdf-'));
    const notABrowser = join(dir, 'not-a-browser');
    await writeFile(notABrowser, 'not a browser');
    const file = join(dir, 'phieu.pdf');
    const r = await runCli(
      ['check', 'https://thcs-binhan.hcm.edu.vn/', '--now', '15/11/2026', '--browser', notABrowser, '--pdf', file, ...route()],
      { timeoutMs: 180_000 },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.match(/Không tạo được phiếu kết quả PDF: không khởi động được trình duyệt/g)).toHaveLength(1);
    expect(r.stdout).toMatch(/Điểm: [\d.]+ · Xếp loại: /);
    expect(existsSync(file)).toBe(false);
  }, 200_000);
});

describe('edu-audit check: usage', () => {
  it('--help shows only what check accepts', async () => {
    const r = await runCli(['check', '--help']);
    expect(r.code).toBe(0);
    for (const flag of ['--type', '--parent', '--province', '--pdf', '--timeout', '--connect-to', '--allow-private', '--now', '--lang'])
      expect(r.stdout).toContain(flag);
    for (const flag of [
      '--resume',
      '--recheck-changed',
      '--recheck-unverified',
      '--workers',
      '--concurrency',
      '--template',
      '--save-artifacts',
      '--shard',
      '--skip-invalid',
    ])
      expect(r.stdout).not.toContain(flag);
  });

  it('a private address is refused: exit 2 and a Vietnamese message (127.0.0.1 only, a closed port)', async () => {
    const r = await runCli(['check', 'http://127.0.0.1:9/', '--timeout', '1000']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'http://127.0.0.1:9/: từ chối kiểm tra — địa chỉ trỏ vào mạng nội bộ (127.0.0.1); nếu đây là máy chủ thử nghiệm của bạn, dùng --allow-private',
    );
    expect(r.stdout).toBe('');
  }, 60_000);

  it('demo --help names the demo folder as the default --out', async () => {
    const r = await runCli(['demo', '--help']);
    expect(r.stdout).toContain('./edu-audit-demo');
    expect(r.stdout).not.toContain('YYYYMMDD');
  });
});
