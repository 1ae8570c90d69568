// The province summary per platform ("which vendor do we call"): counted per unit, written to the "Tổng hợp" sheet,
// report.html (escaped: platform names come from websites) and the console summary.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { PlatformAggregator } from '../../src/aggregate/by-platform.js';
import { writeXlsxReport } from '../../src/report/xlsx/xlsx-report.js';
import { writeHtmlReport } from '../../src/report/html/html-report.js';
import { formatSummary } from '../../src/report/console-summary.js';
import { DistrictAggregator } from '../../src/aggregate/districts.js';
import { RULES } from '../../rules/index.js';
import type { RunView } from '../../src/report/run-view.js';
import type { RunResults, UnitResult } from '../../src/model/result.js';
import { reportUnit } from './report-fixtures.js';
import type { AuditSummary } from '../../src/run/audit.js';

const HOSTILE = '<img src=x onerror=alert(1)> =SUM(1)';

function unit(id: string, platform: string | undefined, over: Partial<UnitResult> = {}): UnitResult {
  return reportUnit(id, {
    crawl: { status: 'ok', pages: 3, durationMs: 10 },
    findings: [{ rule: 'https', status: 'pass', message: 'ok', messageId: 'valid', evidence: [] }],
    facts: platform ? { platform } : {},
    auditedAt: '2026-11-15T00:00:00Z',
    ...over,
  });
}
const fail = (rule: string): UnitResult['findings'][number] => ({
  rule,
  status: 'fail',
  message: 'thiếu',
  messageId: 'missing',
  evidence: [{ url: 'https://x/' }],
});

const UNITS: UnitResult[] = [
  unit('a', 'NukeViet 4.x', { score: 80, grade: 'Khá', findings: [fail('emc-label'), fail('rss-feed')] }),
  unit('b', 'NukeViet 4.x', { score: 40, grade: 'Chưa đạt', findings: [fail('emc-label')] }),
  unit('c', 'VHV', { score: 95, findings: [fail('official-email')] }),
  unit('d', undefined, { score: 0, grade: 'Chưa đạt', crawl: { status: 'timeout', pages: 0, durationMs: 10 } }),
  unit('e', HOSTILE),
  unit('f', 'NukeViet 4.x (Edu Gate)'),
];

describe('PlatformAggregator', () => {
  it('counts units, reachable, average, grades and the most failed rules per platform; unrecognised last', () => {
    const agg = new PlatformAggregator();
    UNITS.forEach((u) => agg.add(u));
    const rows = agg.summaries();
    expect(rows.map((r) => [r.platform, r.units])).toEqual([
      ['NukeViet 4.x', 2],
      [HOSTILE, 1],
      ['NukeViet 4.x (Edu Gate)', 1],
      ['VHV', 1],
      [null, 1],
    ]);
    expect(rows[0]).toMatchObject({
      reachable: 2,
      averageScore: 60,
      topFails: [
        { rule: 'emc-label', units: 2 },
        { rule: 'rss-feed', units: 1 },
      ],
    });
    expect(rows[0]!.grades).toMatchObject({ Khá: 1, 'Chưa đạt': 1, Tốt: 0 });
    expect(rows[4]).toMatchObject({ platform: null, reachable: 0, averageScore: 0 });
  });
});

describe('platform table in the reports', () => {
  let dir: string;
  let view: RunView;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'edu-platform-'));
    const agg = new DistrictAggregator();
    UNITS.forEach((u) => agg.add(u));
    const run = {
      startedAt: '2026-11-15T01:00:00Z',
      finishedAt: '2026-11-15T01:05:00Z',
      now: '2026-11-15T00:00:00Z',
      tool: { name: 'edu-site-audit', version: '0.1.0' },
      ruleSetVersion: 't',
      registry: { file: 'demo.csv', sha256: 'x', units: UNITS.length, invalidRows: 0 },
      options: {},
      rules: ['https', 'emc-label'],
      registryChecks: [],
    } as RunResults['run'];
    view = {
      run,
      districts: agg.summaries(),
      units: async function* () {
        yield* UNITS;
      },
      rules: RULES,
      lang: 'vi',
    };
    await writeXlsxReport(view, join(dir, 'report.xlsx'));
    await writeHtmlReport(view, join(dir, 'report.html'));
  });

  it('Tổng hợp has a "Theo nền tảng" table: platform, units, reachable, average, failing, most failed rules', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, 'report.xlsx'));
    const sheet = book.getWorksheet('Tổng hợp')!;
    const values: unknown[][] = [];
    // the last column's text is merged across to the sheet's edge (so it wraps on the page): read the first seven cells
    sheet.eachRow((row) => values.push((row.values as unknown[]).slice(1, 8)));
    const head = values.findIndex((r) => r[0] === 'Theo nền tảng');
    expect(head).toBeGreaterThan(0);
    expect(values[head]).toEqual([
      'Theo nền tảng',
      'Số đơn vị',
      'Truy cập được',
      'Điểm TB',
      'Chưa đạt',
      'Chưa xác minh',
      'Tiêu chí chưa đạt nhiều nhất (số đơn vị)',
    ]);
    expect(values[head + 1]).toEqual(['NukeViet 4.x', 2, 2, 60, 1, 0, 'emc-label (2), rss-feed (1)']);
    expect(values[head + 2]![0]).toBe(HOSTILE); // a string cell, not a formula
    expect(values[head + 5]!.slice(0, 5)).toEqual(['Chưa nhận ra (hoặc không truy cập được)', 1, 0, 0, 1]);
  });

  it('report.html lists the platforms with website text escaped', async () => {
    const html = await readFile(join(dir, 'report.html'), 'utf8');
    const section = html.slice(html.indexOf('<section id="platforms">'));
    expect(section).toContain('<h2>Theo nền tảng</h2>');
    expect(section).toContain(
      '<td>NukeViet 4.x</td><td>2</td><td>2</td><td>60</td><td>1</td><td>0</td><td>emc-label (2), rss-feed (1)</td>',
    );
    expect(section).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img src=x');
  });

  it('the console summary says which vendor to call about how many units', () => {
    const agg = new PlatformAggregator();
    UNITS.forEach((u) => agg.add(u));
    const summary = {
      dir: '/tmp/run',
      resultsFile: '/tmp/run/results.json',
      run: view.run,
      districts: [],
      worstRules: [],
      reports: [],
      pagesFetched: 10,
      durationMs: 1000,
      total: { district: '', units: 6, reachable: 5, averageScore: 65, grades: { Tốt: 3, Khá: 1, Đạt: 0, 'Chưa đạt': 2 }, rules: {} },
      platforms: agg.summaries(),
    } as unknown as AuditSummary;
    const vi = formatSummary(summary, RULES, 'vi');
    // the count first, as one says it: "21 đơn vị", not a label and a number
    expect(vi.split('\n')[0]).toBe('Kết quả kiểm tra: 6 đơn vị (5 truy cập được) · 10 trang · 1.0 s');
    expect(formatSummary(summary, RULES, 'en').split('\n')[0]).toBe('Audit results: 6 units (5 reachable) · 10 pages · 1.0 s');
    expect(vi).toContain('Theo nền tảng (nhà cung cấp cần liên hệ):');
    expect(vi).toMatch(/NukeViet 4\.x\s+2 đơn vị, 1 chưa đạt, 0 chưa xác minh, điểm TB 60 · hay thiếu: emc-label \(2\), rss-feed \(1\)/);
    expect(formatSummary(summary, RULES, 'en')).toMatch(
      /By platform \(the vendor to call\):\n\s+NukeViet 4\.x\s+2 units, 1 failing, 0 not verified, avg 60/,
    );
  });
});
