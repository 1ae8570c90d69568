import { afterEach, describe, expect, it, vi } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FORMATS, loadReporter, parseFormats } from '../../src/report/formats.js';
import { UsageError } from '../../src/usage-error.js';
import { buildProgram, main } from '../../src/cli/main.js';
import { auditOptionsSchema } from '../../src/options.js';
import type { RunView } from '../../src/report/run-view.js';
import type { RunResults } from '../../src/model/result.js';
import { RULES } from '../../rules/index.js';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the list of report formats', () => {
  it('parses a comma list in order, trimmed, without repeats', () => {
    expect(parseFormats(' html, xlsx ,html,,csv')).toEqual(['html', 'xlsx', 'csv']);
    expect(parseFormats(['json'])).toEqual(['json']);
  });

  it('rejects an unknown name with the source and the known formats', () => {
    expect(() => parseFormats('xlsx,docx', 'run.json: options.format')).toThrow(UsageError);
    expect(() => parseFormats('xlsx,docx', 'run.json: options.format')).toThrow(
      `run.json: options.format: định dạng không hợp lệ / unknown format: docx (${FORMATS.join(', ')})`,
    );
  });

  it('is what the config file accepts', () => {
    for (const f of FORMATS) expect(auditOptionsSchema.safeParse({ format: [f] }).success).toBe(true);
    expect(auditOptionsSchema.safeParse({ format: ['docx'] }).success).toBe(false);
  });

  it('documents every format in the --format help of every command that writes reports', () => {
    const program = buildProgram(() => {});
    for (const name of ['audit', 'check', 'demo', 'report', 'rejudge', 'merge']) {
      const cmd = program.commands.find((c) => c.name() === name)!;
      const help = cmd.options.find((o) => o.long === '--format')!.description;
      for (const f of FORMATS) expect(help, `${name} --format`).toContain(`${f}:`);
    }
  });

  it('refuses an unknown format on every command before doing any work (exit 2)', async () => {
    const errors: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((m: string) => {
      errors.push(m);
    });
    vi.spyOn(console, 'log').mockImplementation(() => {});
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const missing = join(tmpdir(), 'edu-audit-no-such-run');
    for (const args of [
      ['audit', 'no-such.csv'],
      ['report', missing],
      ['rejudge', missing],
      ['merge', missing, '--out', missing],
    ]) {
      errors.length = 0;
      expect(await main(['node', 'edu-audit', ...args, '--format', 'xlsx,docx']), args[0]).toBe(2);
      expect(errors.join('\n'), args[0]).toContain('unknown format: docx');
    }
  });

  it('gives every format a reporter that writes the files it names', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'edu-formats-'));
    const run = {
      startedAt: '2026-11-15T01:00:00Z',
      finishedAt: '2026-11-15T01:05:00Z',
      now: '2026-11-15T00:00:00Z',
      tool: { name: 'edu-site-audit', version: '0' },
      ruleSetVersion: 't',
      registry: { file: 'x.csv', sha256: 'x', units: 0, invalidRows: 0 },
      options: {},
      rules: [],
      registryChecks: [],
    } as unknown as RunResults['run'];
    const view: RunView = { run, districts: [], units: async function* () {}, rules: RULES, lang: 'vi' };
    for (const format of FORMATS) {
      const files = await (await loadReporter(format)).write(view, dir);
      // a scorecard per unit and per district: a run without units has none (test/report/pdf-scorecards.test.ts)
      if (format === 'pdf') {
        expect(files, format).toEqual([]);
        continue;
      }
      expect(files.length, format).toBeGreaterThan(0);
      for (const f of files) {
        expect(f.startsWith(dir), `${format}: ${f}`).toBe(true);
        // results.json is the store's file, written before the reporters run
        if (format !== 'json') expect(existsSync(f), `${format}: ${f}`).toBe(true);
      }
    }
  });
});
