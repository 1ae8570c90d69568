import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { writeXlsxReport } from '../../src/report/xlsx/xlsx-report.js';
import { MIN_PRINT_SCALE, printScale } from '../../src/report/xlsx/print-layout.js';
import { rowHeight, wrappedLines } from '../../src/report/xlsx/row-height.js';
import { RULES } from '../../rules/index.js';
import { DistrictAggregator } from '../../src/aggregate/districts.js';
import type { RunView } from '../../src/report/run-view.js';
import type { RunResults, UnitResult } from '../../src/model/result.js';

describe('print scale', () => {
  it('prints a narrow sheet one page wide at up to 100 %', () => {
    expect(printScale([20, 30, 10])).toEqual({ scale: 100, pagesWide: 1, firstPageColumns: 3 });
    const s = printScale([30, 40, 40, 40, 20]);
    expect(s.pagesWide).toBe(1);
    expect(s.scale).toBeGreaterThanOrEqual(MIN_PRINT_SCALE);
    expect(s.scale).toBeLessThan(100);
  });

  it('spreads a wide matrix over pages across instead of shrinking it below MIN_PRINT_SCALE', () => {
    const widths = [5, 11, 28, ...Array.from({ length: 27 }, () => 13)];
    const s = printScale(widths, { repeatColumns: 3 });
    expect(s.pagesWide).toBeGreaterThan(1);
    expect(s.scale).toBeGreaterThanOrEqual(MIN_PRINT_SCALE);
    expect(s.firstPageColumns).toBeLessThan(widths.length);
  });
});

describe('row heights', () => {
  it('counts explicit line breaks and word wrap at the column width', () => {
    expect(wrappedLines('một hai ba', 40)).toBe(1);
    expect(wrappedLines('a\nb\nc', 40)).toBe(3);
    expect(wrappedLines('từ '.repeat(40).trim(), 20)).toBeGreaterThanOrEqual(6);
    expect(wrappedLines('x'.repeat(50), 10)).toBe(6);
    expect(rowHeight([{ text: 'ngắn', width: 30 }])).toBeUndefined();
    expect(rowHeight([{ text: 'a\nb\nc', width: 30 }])).toBe(48);
  });
});

const unit = (id: string, district: string, type: UnitResult['type'], score: number, grade: UnitResult['grade']): UnitResult => ({
  id,
  name: `Trường ${id}`,
  type,
  district,
  province: 'hcm',
  website: `https://${id}.hcm.edu.vn/`,
  finalUrl: `https://${id}.hcm.edu.vn/`,
  score,
  verified: 1,
  grade,
  crawl: { status: 'ok', pages: 1, durationMs: 1 },
  findings: [
    {
      rule: 'emc-tag',
      status: score < 50 ? 'fail' : 'pass',
      message: 'Không có mã EMC trên trang chủ. '.repeat(8),
      messageId: 'x',
      evidence: [{ url: `https://${id}.hcm.edu.vn/`, excerpt: 'trích đoạn '.repeat(30) }],
    },
  ],
  facts: {},
  ruleSetVersion: 't',
  auditedAt: '',
});

describe('report.xlsx read back', () => {
  let book: ExcelJS.Workbook;
  let file: string;
  beforeAll(async () => {
    const units = [
      unit('a', 'Quận 1', 'thcs', 90, 'Tốt'),
      unit('b', 'Quận 1', 'thpt', 40, 'Chưa đạt'),
      unit('c', 'Quận 3', 'thcs', 80, 'Khá'),
    ];
    const agg = new DistrictAggregator();
    units.forEach((u) => agg.add(u));
    const run = {
      startedAt: '',
      finishedAt: '2026-11-15T01:00:00Z',
      now: '2026-11-15T00:00:00Z',
      tool: { name: 'edu-site-audit', version: '0' },
      ruleSetVersion: 't',
      registry: { file: 'demo.csv', sha256: '', units: 3, invalidRows: 0 },
      options: {},
      rules: RULES.map((r) => r.meta.id),
      registryChecks: [],
    } as unknown as RunResults['run'];
    const view: RunView = {
      run,
      districts: agg.summaries(),
      units: async function* () {
        yield* units;
      },
      rules: RULES,
      lang: 'vi',
    };
    file = join(await mkdtemp(join(tmpdir(), 'edu-print-')), 'report.xlsx');
    await writeXlsxReport(view, file);
    book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
  });

  it('sets every sheet to A4 at a readable scale with the header row repeated', () => {
    // the chart's sheet holds no table: it has no header row to repeat (test/report/xlsx-chart.test.ts)
    for (const s of book.worksheets.filter((x) => x.name !== 'Biểu đồ')) {
      expect(s.pageSetup.paperSize, s.name).toBe(9);
      expect(s.pageSetup.scale, s.name).toBeGreaterThanOrEqual(MIN_PRINT_SCALE);
      expect(s.pageSetup.fitToPage, s.name).toBeFalsy();
      expect(s.pageSetup.printTitlesRow, s.name).toBe('4:4');
    }
    expect(book.getWorksheet('Chi tiết đơn vị')!.pageSetup.printTitlesColumn).toBe('A:C');
    expect(book.getWorksheet('Theo quận huyện')!.pageSetup.printTitlesColumn).toBe('A:A');
    expect(book.getWorksheet('Tổng hợp')!.pageSetup.orientation).toBe('portrait');
  });

  it("prints grid lines (exceljs's streaming writer has no printOptions of its own)", async () => {
    const xml = execFileSync('unzip', ['-p', file, 'xl/worksheets/sheet1.xml'], { encoding: 'utf8' });
    expect(xml).toMatch(/<printOptions gridLines="1"\/><pageMargins/);
    expect((await readFile(file)).length).toBeGreaterThan(0);
  });

  it('closes the district and unit-type tables with totals, each table with its own header', () => {
    const s = book.getWorksheet('Tổng hợp')!;
    const rows = Array.from(s.getSheetValues(), (r) => (Array.isArray(r) ? r.slice(1) : []));
    const totals = rows.filter((r) => r[0] === 'Cộng');
    expect(totals).toHaveLength(2);
    for (const t of totals) expect(t.slice(0, 4)).toEqual(['Cộng', 3, 3, 70]);
    const typeHeader = rows.findIndex((r) => r[0] === 'Loại hình');
    expect(typeHeader).toBeGreaterThan(rows.findIndex((r) => r[0] === 'Theo loại hình'));
    expect(rows[typeHeader]!.slice(1, 4)).toEqual(['Số đơn vị', 'Truy cập được', 'Điểm TB']);
    expect(rows.slice(typeHeader + 1, typeHeader + 3).map((r) => r[0])).toEqual(['THCS', 'THPT']);
    const d = book.getWorksheet('Theo quận huyện')!;
    expect(d.getRow(7).getCell(1).value).toBe('Cộng');
    expect(d.getRow(7).getCell(2).value).toBe(3);
    expect(d.getRow(7).font?.bold).toBe(true);
  });

  it('makes rows with wrapped text tall enough for it', () => {
    const criteria = book.getWorksheet('Tiêu chí')!;
    const multiBasis = RULES.findIndex((r) => r.meta.basis.length >= 2);
    expect(criteria.getRow(5 + multiBasis).height).toBeGreaterThanOrEqual(30);
    const evidence = book.getWorksheet('Bằng chứng')!;
    expect(evidence.getRow(5).height).toBeGreaterThanOrEqual(60);
    expect(evidence.getColumn(8).alignment?.wrapText ?? evidence.getRow(5).getCell(8).alignment?.wrapText).toBe(true);
  });
});
