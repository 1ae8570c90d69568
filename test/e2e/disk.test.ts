// An --out that cannot be written (issue 12): a path under a file (what a read-only mount looks like to root, who
// ignores chmod) and a full disk (results.jsonl on /dev/full) both stop the run with exit 3 and a clear message,
// and what was already written stays. A disk that fills up mid-run is the file-size limit of the shell (`ulimit -f`):
// the kernel then writes part of a line and fails the rest (EFBIG), as a full disk does (ENOSPC).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, ensureBuilt, runCli, type CliRun } from './cli-helpers.js';
import type { RunResults } from '../../src/model/result.js';
import { startFixtureServer, type FixtureServer } from '../../src/fixture-server/server.js';
import { diskProblem } from '../../src/cli/main.js';

let server: FixtureServer;
let tmp: string;
const common = (): string[] => [
  '--now',
  '2026-11-15',
  '--format',
  'json',
  '--log-level',
  'silent',
  '--no-progress',
  '--timeout',
  '10000',
  ...server.connectTo.flatMap((c) => ['--connect-to', c]),
  '--ca',
  server.caFile,
];

beforeAll(async () => {
  ensureBuilt();
  server = await startFixtureServer();
  tmp = await mkdtemp(join(tmpdir(), 'edu-disk-'));
  await writeFile(join(tmp, 'two.csv'), (await readFile('fixtures/registries/demo.csv', 'utf8')).split('\n').slice(0, 3).join('\n') + '\n');
});
afterAll(async () => {
  await server?.close();
});

describe('an --out that cannot be written', () => {
  it('under a file: exit 3 with a message naming the path and the cause, no stack trace', async () => {
    await writeFile(join(tmp, 'a-file'), 'x');
    const r = await runCli(['audit', join(tmp, 'two.csv'), '--out', join(tmp, 'a-file', 'run'), ...common()]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/không ghi được .*a-file.*không phải thư mục/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 90_000);

  it.runIf(existsSync('/dev/full'))(
    'on a full disk: exit 3 with a clear message, run.json kept',
    async () => {
      const out = join(tmp, 'full');
      await mkdir(out);
      await symlink('/dev/full', join(out, 'results.jsonl'));
      const r = await runCli(['audit', join(tmp, 'two.csv'), '--out', out, ...common()]);
      expect(r.code).toBe(3);
      expect(r.stderr).toMatch(/không ghi được .*results\.jsonl.*đĩa đầy/);
      expect(r.stderr).toMatch(/--resume/);
      expect(JSON.parse(await readFile(join(out, 'run.json'), 'utf8'))).toMatchObject({ now: expect.stringMatching(/^2026-11-15/) });
      expect(existsSync(join(out, '.edu-audit.lock'))).toBe(false);
    },
    90_000,
  );

  it('filling up mid-run: exit 3 naming results.jsonl, the units written before stay whole, --resume finishes', async () => {
    const six = join(tmp, 'six.csv');
    await writeFile(six, (await readFile('fixtures/registries/demo.csv', 'utf8')).split('\n').slice(0, 7).join('\n') + '\n');
    const args = (out: string): string[] => [
      'audit',
      six,
      '--out',
      out,
      '--concurrency',
      '1',
      '--no-evidence',
      '--render',
      'never',
      ...common(),
    ];
    // one unit after another, so the lines come in registry order: the limit falls in the middle of the fourth
    const reference = join(tmp, 'six-reference');
    expect((await runCli(args(reference))).code).toBe(0);
    const sizes = (await readFile(join(reference, 'results.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => Buffer.byteLength(l) + 1);
    const blocks = Math.floor((sizes[0]! + sizes[1]! + sizes[2]! + sizes[3]! / 2) / 512); // ulimit -f counts 512-byte blocks in sh
    expect(blocks * 512).toBeGreaterThan(sizes[0]! + sizes[1]! + sizes[2]!);
    expect((await stat(join(reference, 'run.json'))).size).toBeLessThan(blocks * 512); // run.json itself fits

    const out = join(tmp, 'fills-up');
    const full = await new Promise<CliRun>((done) => {
      const words = [process.execPath, join(ROOT, 'bin', 'edu-audit.js'), ...args(out)]
        .map((a) => `'${a.replace(/'/g, `'\\''`)}'`)
        .join(' ');
      execFile('sh', ['-c', `ulimit -f ${blocks} && exec ${words}`], { cwd: ROOT, timeout: 120_000 }, (error, stdout, stderr) => {
        done({ code: error ? (typeof error.code === 'number' ? error.code : 99) : 0, stdout, stderr });
      });
    });
    expect(full.code, full.stderr).toBe(3);
    expect(full.stderr).toContain(`không ghi được ${join(out, 'results.jsonl')}: tệp vượt quá kích thước được phép`);
    expect(full.stderr).toMatch(/được giữ nguyên.*--resume/);
    expect(full.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(out, '.edu-audit.lock'))).toBe(false);
    const kept = await readFile(join(out, 'results.jsonl'), 'utf8');
    expect(kept.endsWith('\n')).toBe(true); // no half line
    const ids = kept
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { id: string }).id);
    expect(ids).toEqual(
      (await readFile(six, 'utf8'))
        .trim()
        .split('\n')
        .slice(1, 4)
        .map((r) => r.split(',')[0]),
    );

    const resumed = await runCli([...args(out), '--resume']);
    expect(resumed.code, resumed.stderr).toBe(0);
    const results = JSON.parse(await readFile(join(out, 'results.json'), 'utf8')) as RunResults;
    const expected = JSON.parse(await readFile(join(reference, 'results.json'), 'utf8')) as RunResults;
    expect(results.units.map((u) => [u.id, u.crawl.status, u.score])).toEqual(expected.units.map((u) => [u.id, u.crawl.status, u.score]));
    expect((await readFile(join(out, 'results.jsonl'), 'utf8')).trim().split('\n')).toHaveLength(6);
  }, 240_000);

  it('says nothing for errors that are not about the disk', () => {
    expect(diskProblem(new Error('boom'))).toBeUndefined();
    expect(diskProblem(Object.assign(new Error('x'), { code: 'ENOSPC', path: '/r/results.jsonl' }))).toMatch(/results\.jsonl: đĩa đầy/);
  });
});
