// An --out that cannot be written (issue 12): a path under a file (what a read-only mount looks like to root, who
// ignores chmod) and a full disk (results.jsonl on /dev/full) both stop the run with exit 3 and a clear message,
// and what was already written stays.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, runCli } from './cli-helpers.js';
import { startFixtureServer, type FixtureServer } from '../../src/fixture-server/server.js';
import { diskProblem } from '../../src/cli/main.js';

let server: FixtureServer;
let tmp: string;
const common = (): string[] => ['--now', '2026-11-15', '--format', 'json', '--log-level', 'silent', '--no-progress', '--timeout', '10000',
  ...server.connectTo.flatMap((c) => ['--connect-to', c]), '--ca', server.caFile];

beforeAll(async () => {
  ensureBuilt();
  server = await startFixtureServer();
  tmp = await mkdtemp(join(tmpdir(), 'edu-disk-'));
  await writeFile(join(tmp, 'two.csv'), (await readFile('fixtures/registries/demo.csv', 'utf8')).split('\n').slice(0, 3).join('\n') + '\n');
});
afterAll(async () => { await server?.close(); });

describe('an --out that cannot be written', () => {
  it('under a file: exit 3 with a message naming the path and the cause, no stack trace', async () => {
    await writeFile(join(tmp, 'a-file'), 'x');
    const r = await runCli(['audit', join(tmp, 'two.csv'), '--out', join(tmp, 'a-file', 'run'), ...common()]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/không ghi được .*a-file.*không phải thư mục/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 90_000);

  it.runIf(existsSync('/dev/full'))('on a full disk: exit 3 with a clear message, run.json kept', async () => {
    const out = join(tmp, 'full');
    await mkdir(out);
    await symlink('/dev/full', join(out, 'results.jsonl'));
    const r = await runCli(['audit', join(tmp, 'two.csv'), '--out', out, ...common()]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/không ghi được .*results\.jsonl.*đĩa đầy/);
    expect(r.stderr).toMatch(/--resume/);
    expect(JSON.parse(await readFile(join(out, 'run.json'), 'utf8'))).toMatchObject({ now: expect.stringMatching(/^2026-11-15/) });
    expect(existsSync(join(out, '.edu-audit.lock'))).toBe(false);
  }, 90_000);

  it('says nothing for errors that are not about the disk', () => {
    expect(diskProblem(new Error('boom'))).toBeUndefined();
    expect(diskProblem(Object.assign(new Error('x'), { code: 'ENOSPC', path: '/r/results.jsonl' }))).toMatch(/results\.jsonl: đĩa đầy/);
  });
});
