import { describe, expect, it, beforeAll } from 'vitest';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { writeReports } from '../../src/report/write-reports.js';
import { writeXlsxReport } from '../../src/report/xlsx/xlsx-report.js';
import { RULES } from '../../rules/index.js';
import type { RunView } from '../../src/report/run-view.js';
import type { RunResults, UnitResult } from '../../src/model/result.js';
import { DistrictAggregator } from '../../src/aggregate/districts.js';

const HOSTILE_TITLE = '=HYPERLINK("http://x","y")';

function unit(id: string, district: string, over: Partial<UnitResult>): UnitResult {
  return {
    id,
    name: `Trường THCS ${id}`,
    type: 'thcs',
    district,
    province: 'hcm',
    website: `https://${id}.hcm.edu.vn/`,
    finalUrl: `https://${id}.hcm.edu.vn/`,
    score: 100,
    verified: 1,
    grade: 'Tốt',
    crawl: { status: 'ok', pages: 3, durationMs: 10 },
    findings: [
      { rule: 'emc-tag', status: 'pass', message: 'Có mã EMC', messageId: 'found', evidence: [{ url: `https://${id}.hcm.edu.vn/` }] },
      { rule: 'https', status: 'pass', message: 'HTTPS hợp lệ', messageId: 'valid', evidence: [] },
    ],
    facts: { emcSiteId: '1234' },
    ruleSetVersion: 't',
    auditedAt: '2026-11-15T00:00:00Z',
    ...over,
  };
}

const units: UnitResult[] = [
  unit('lequydon', 'Quận 1', {}),
  unit('hacked', 'Quận 3', {
    title: HOSTILE_TITLE,
    score: 40,
    grade: 'Chưa đạt',
    findings: [
      {
        rule: 'emc-tag',
        status: 'fail',
        message: 'Không có mã EMC',
        messageId: 'missing',
        evidence: [{ url: 'https://hacked.hcm.edu.vn/', selector: 'script', excerpt: '@SUM(1)' }],
      },
      {
        rule: 'https',
        status: 'warn',
        message: 'http:// vẫn phục vụ',
        messageId: 'httpServes',
        evidence: [{ url: 'http://hacked.hcm.edu.vn/' }],
      },
    ],
  }),
];

let dir: string;
const runMeta = (): RunResults['run'] =>
  ({
    startedAt: '2026-11-15T01:00:00Z',
    finishedAt: '2026-11-15T01:05:00Z',
    now: '2026-11-15T00:00:00Z',
    tool: { name: 'edu-site-audit', version: '0.1.0' },
    ruleSetVersion: 't',
    registry: { file: 'demo.csv', sha256: 'x', units: 2, invalidRows: 0 },
    options: {},
    rules: [],
    registryChecks: [],
  }) as RunResults['run'];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'edu-report-'));
  const agg = new DistrictAggregator();
  units.forEach((u) => agg.add(u));
  const run = {
    ...runMeta(),
    startedAt: '2026-11-15T01:00:00Z',
    finishedAt: '2026-11-15T01:05:00Z',
    now: '2026-11-15T00:00:00Z',
    tool: { name: 'edu-site-audit', version: '0.1.0' },
    ruleSetVersion: 't',
    registry: { file: 'demo.csv', sha256: 'x', units: 2, invalidRows: 0 },
    options: {},
    rules: ['emc-tag', 'https'],
    registryChecks: [{ kind: 'duplicate-emc-id', units: ['lequydon', 'hacked'], detail: 'setSiteId 1234' }],
  } as RunResults['run'];
  const view: RunView = {
    run,
    districts: agg.summaries(),
    units: async function* () {
      yield* units;
    },
    rules: RULES,
    lang: 'vi',
  };
  await writeReports(view, dir, ['xlsx', 'csv']);
});

describe('report.xlsx', () => {
  it('has the Vietnamese sheets, a unit row with colours and hyperlinks, and hostile text stored as text', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, 'report.xlsx'));
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'Tổng hợp',
      'Cảnh báo',
      'Biểu đồ',
      'Theo quận huyện',
      'Chi tiết đơn vị',
      'Rà soát EMC',
      'Tiêu chí',
      'Bằng chứng',
      'Rà soát danh sách',
    ]);
    const detail = book.getWorksheet('Chi tiết đơn vị')!;
    expect(detail.getRow(4).getCell(3).value).toBe('Tên đơn vị');
    // rule columns are headed by the criterion in words, with the id to find it in "Tiêu chí"
    expect(detail.getRow(4).getCell(10).value).toBe('Đã gắn mã giám sát EMC\n(emc-tag)');
    const row = detail.getRow(6);
    expect(row.getCell(2).value).toBe('hacked');
    expect(row.getCell(8).value).toBe(HOSTILE_TITLE);
    expect(row.getCell(8).type).toBe(ExcelJS.ValueType.String);
    expect(row.getCell(10).value).toBe('Chưa đạt');
    // status colours are conditional formats over the rule columns, one rule per label
    const cf = (
      detail as unknown as {
        conditionalFormattings: { ref: string; rules: { formulae: string[]; style: { fill: ExcelJS.FillPattern } }[] }[];
      }
    ).conditionalFormattings;
    expect(cf[0]?.ref).toBe('J5:K6');
    expect(cf[0]?.rules.find((r) => r.formulae[0] === '"Chưa đạt"')?.style.fill.bgColor?.argb).toBe('FFFFC7CE');
    expect(cf[0]?.rules.find((r) => r.formulae[0] === '"Đạt"')?.style.fill.bgColor?.argb).toBe('FFC6EFCE');
    expect(row.getCell(11).value).toBe('Một phần');
    expect(row.getCell(6).value).toEqual({ text: 'https://hacked.hcm.edu.vn/', hyperlink: 'https://hacked.hcm.edu.vn/' });
    expect(row.getCell(7).value).toEqual({ text: 'https://hacked.hcm.edu.vn/', hyperlink: 'https://hacked.hcm.edu.vn/' });
    expect(detail.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    const districts = book.getWorksheet('Theo quận huyện')!;
    expect(districts.getRow(5).values).toEqual([undefined, 'Quận 1', 1, 1, 100, 100, 100]);
    expect(districts.getRow(6).values).toEqual([undefined, 'Quận 3', 1, 1, 40, 0, 50]);
    const emc = book.getWorksheet('Rà soát EMC')!;
    expect(emc.getRow(6).getCell(5).value).toBe('Không');
    const evidence = book.getWorksheet('Bằng chứng')!;
    expect(evidence.getRow(5).getCell(8).value).toBe('@SUM(1)');
    expect(evidence.getRow(5).getCell(8).type).toBe(ExcelJS.ValueType.String);
  });
});

describe('report.xlsx evidence sheets', () => {
  it('splits evidence over numbered sheets past the row limit, so hyperlinks never pile up in memory', async () => {
    const many = Array.from({ length: 5 }, (_, i) => units[1] && { ...units[1], id: `hacked-${i}` }) as UnitResult[];
    const view: RunView = {
      run: { ...runMeta(), rules: ['emc-tag', 'https'] },
      districts: [],
      units: async function* () {
        yield* many;
      },
      rules: [],
      lang: 'vi',
    };
    const file = join(dir, 'split.xlsx');
    await writeXlsxReport(view, file, { evidenceRowsPerSheet: 4 });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const evidence = book.worksheets.filter((s) => s.name.startsWith('Bằng chứng'));
    expect(evidence.map((s) => s.name)).toEqual(['Bằng chứng', 'Bằng chứng (2)', 'Bằng chứng (3)']);
    expect(evidence.map((s) => s.rowCount - 4)).toEqual([4, 4, 2]); // 5 units × 2 findings
    expect(evidence[1]!.getRow(5).getCell(6).value).toEqual({
      text: 'https://hacked.hcm.edu.vn/',
      hyperlink: 'https://hacked.hcm.edu.vn/',
    });
    expect(evidence[1]!.getRow(5).getCell(1).value).toBe('hacked-2');
  });
});

describe('report.csv', () => {
  it('is UTF-8 with BOM, one row per unit and rule, with formulas neutralised', async () => {
    const raw = await readFile(join(dir, 'report.csv'));
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(raw, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(4);
    const hacked = rows.find((r) => r.ma_don_vi === 'hacked' && r.quy_tac === 'emc-tag')!;
    expect(hacked.ket_qua).toBe('fail');
    expect(hacked.trich_doan).toBe("'@SUM(1)");
    const unitsCsv = parse(await readFile(join(dir, 'report-units.csv')), { bom: true, columns: true }) as Record<string, string>[];
    expect(unitsCsv.map((r) => r.xep_loai)).toEqual(['Tốt', 'Chưa đạt']);
    expect(unitsCsv.map((r) => [r.truy_cap, r.tinh_trang_truy_cap])).toEqual([
      ['ok', 'Truy cập được'],
      ['ok', 'Truy cập được'],
    ]);
  });
});
