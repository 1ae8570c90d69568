// `audit --exemptions` through the built CLI against the fixture fleet (127.0.0.1 only): an approved exemption
// makes the finding `exempt` with its reason in results.json and report.xlsx; an expired one is only warned about.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { ensureBuilt, runCli, type CliRun } from '../e2e/cli-helpers.js';
import { startFixtureServer, type FixtureServer } from '../../src/fixture-server/server.js';
import type { RunResults } from '../../src/model/result.js';
import { runResultsSchema } from '../../src/store/results-schema.js';

let server: FixtureServer;
let tmp: string;
const audit = (out: string, ...extra: string[]): Promise<CliRun> =>
  runCli([
    'audit',
    'fixtures/registries/demo.csv',
    '--out',
    join(tmp, out),
    '--now',
    '2026-11-15',
    '--log-level',
    'warn',
    ...server.connectTo.flatMap((c) => ['--connect-to', c]),
    '--ca',
    server.caFile,
    ...extra,
  ]);

const REASON = 'Trường đang chờ Sở cấp mã EMC';

beforeAll(async () => {
  ensureBuilt();
  server = await startFixtureServer();
  tmp = await mkdtemp(join(tmpdir(), 'edu-exempt-'));
});
afterAll(async () => {
  await server.close();
});

describe('audit --exemptions', () => {
  let run: CliRun;
  let results: RunResults;
  beforeAll(async () => {
    const file = join(tmp, 'mien-tru.csv');
    await writeFile(
      file,
      [
        'ma_don_vi,quy_tac,ly_do,nguoi_duyet,han_den',
        `79760101,emc-tag,${REASON},Phó Giám đốc Sở,30/06/2027`,
        '79760001,emc-tag,Đã hết hạn,Trưởng phòng,2026-01-31',
      ].join('\n'),
    );
    run = await audit('run', '--exemptions', file, '--format', 'json,xlsx');
    results = JSON.parse(await readFile(join(tmp, 'run', 'results.json'), 'utf8')) as RunResults;
  }, 120_000);

  const finding = (id: string, rule: string) => results.units.find((u) => u.id === id)!.findings.find((f) => f.rule === rule)!;

  it('marks the exempt finding with its reason and approver in results.json', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(runResultsSchema.safeParse(results).success).toBe(true);
    expect(finding('79760101', 'emc-tag')).toMatchObject({
      status: 'exempt',
      exemption: { reason: REASON, approvedBy: 'Phó Giám đốc Sở', until: '2027-06-30', originalStatus: 'fail' },
    });
    expect(results.districts.find((d) => d.district === 'Quận 1')!.rules['emc-tag']!.exempt).toBe(1);
  });

  it('ignores the expired exemption with a warning', () => {
    expect(finding('79760001', 'emc-tag').status).toBe('fail');
    expect(results.run.exemptionWarnings).toEqual([
      expect.objectContaining({ unit: '79760001', rule: 'emc-tag', problem: 'expired', source: expect.stringMatching(/mien-tru\.csv:3$/) }),
    ]);
    expect(run.stderr).toContain('2026-01-31');
  });

  it('shows the exemption in report.xlsx', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(tmp, 'run', 'report.xlsx'));
    const units = book.getWorksheet('Chi tiết đơn vị')!;
    let header: ExcelJS.Row | undefined;
    let row: ExcelJS.Row | undefined;
    units.eachRow((r) => {
      if (r.getCell(2).value === 'Mã đơn vị') header = r;
      if (r.getCell(2).value === '79760101') row = r;
    });
    const col = (name: string): number => (header!.values as unknown[]).indexOf(name);
    // rule columns are headed "<criterion>\n(<rule id>)"
    const ruleCol = (id: string): number => (header!.values as unknown[]).findIndex((v) => typeof v === 'string' && v.endsWith(`(${id})`));
    expect(row!.getCell(ruleCol('emc-tag')).value).toBe('Miễn trừ');
    expect(String(row!.getCell(col('Ghi chú')).value)).toContain(REASON);

    const evidence = book.getWorksheet('Bằng chứng')!;
    const texts: string[] = [];
    evidence.eachRow((r) => {
      if (r.getCell(1).value === '79760101' && r.getCell(3).value === 'emc-tag')
        texts.push(`${String(r.getCell(4).value)} | ${String(r.getCell(5).value)}`);
    });
    expect(texts[0]).toMatch(new RegExp(`^Miễn trừ \\| .+ — Miễn trừ: ${REASON} \\(người duyệt: Phó Giám đốc Sở; đến 30\\/06\\/2027\\)$`));
  });

  it('refuses a bad exemptions file with exit 2, naming FILE:ROW: field', async () => {
    const file = join(tmp, 'bad.json');
    await writeFile(file, JSON.stringify([{ unit: '79760101', rule: 'emc-tag', reason: '', approvedBy: 'x', until: '2027-01-01' }]));
    const r = await audit('bad', '--exemptions', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:1: reason: bắt buộc / required`);
  });
});
