// Page timings in the reports (docs/rendering.md, "Timings"): each rendered home page's figures beside the national
// thresholds in report.html and the detail sheet, the province line "đạt ngưỡng tải trang: N / M đơn vị đã đo" in
// report.html, "Tổng hợp" and the console summary; and never a change to a score.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { writeReports } from '../../src/report/write-reports.js';
import { formatSummary } from '../../src/report/console-summary.js';
import { PageLoadTally, pageLoadFigures } from '../../src/report/page-load.js';
import { DistrictAggregator } from '../../src/aggregate/districts.js';
import { judgeArtifacts } from '../../src/run/audit-unit.js';
import { makeArtifacts, makeContext } from '../../src/engine/rule-tester.js';
import { createLogger } from '../../src/log/logger.js';
import { RULES } from '../../rules/index.js';
import type { UnitResult } from '../../src/model/result.js';
import { reportRun, reportUnit } from './report-fixtures.js';
import type { RunView } from '../../src/report/run-view.js';
import type { AuditSummary } from '../../src/run/audit.js';

const UNITS = [
  reportUnit('fast', { timings: { fcpMs: 1240, lcpMs: 2010, loadMs: 3100, bytes: 1_300_000, requests: 35, withinThresholds: true } }),
  reportUnit('slow', { timings: { fcpMs: 3500, lcpMs: 3900, loadMs: 7000, bytes: 40_000, requests: 7, withinThresholds: false } }),
  // rendered, but the browser reported no paint: not measured against the thresholds
  reportUnit('blank', { timings: { bytes: 900, requests: 1 } }),
  reportUnit('static', {}),
];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'edu-load-'));
  const agg = new DistrictAggregator();
  UNITS.forEach((u) => agg.add(u));
  const run = reportRun(4);
  const view: RunView = {
    run,
    districts: agg.summaries(),
    units: async function* () {
      yield* UNITS;
    },
    rules: RULES,
    lang: 'vi',
  };
  await writeReports(view, dir, ['html', 'xlsx']);
});

describe('page timings', () => {
  it('are figures beside their thresholds, in seconds with a Vietnamese decimal comma', () => {
    expect(pageLoadFigures(UNITS[1]!.timings!, 'vi')).toEqual([
      { label: 'Hiển thị nội dung đầu tiên', value: '3,5 giây', threshold: '< 3 giây', ok: false },
      { label: 'Hiển thị nội dung lớn nhất', value: '3,9 giây', threshold: '< 4 giây', ok: true },
      { label: 'Tải xong trang', value: '7 giây', threshold: '< 5,8 giây', ok: false },
      { label: 'Dung lượng tải', value: '39 KB' },
      { label: 'Số yêu cầu', value: '7' },
    ]);
    expect(pageLoadFigures(UNITS[2]!.timings!, 'en')[0]).toEqual({ label: 'First contentful paint', value: '—', threshold: '< 3 s' });
    const tally = new PageLoadTally();
    UNITS.forEach((u) => tally.add(u));
    expect([tally.measured, tally.within]).toEqual([2, 1]);
    expect(tally.line('vi')).toBe('Đạt ngưỡng tải trang: 1 / 2 đơn vị đã đo');
    expect(new PageLoadTally().line('vi')).toBeUndefined();
  });

  it("report.html shows each rendered unit's figures and the province line", async () => {
    const html = await readFile(join(dir, 'report.html'), 'utf8');
    expect(html).toContain('<p id="page-load" class="load">Đạt ngưỡng tải trang: 1 / 2 đơn vị đã đo');
    const article = (id: string): string => new RegExp(`<article id="u-${id}">.*?</article>`, 's').exec(html)?.[0] ?? '';
    expect(article('fast')).toContain('<div class="load"><strong>Tốc độ tải trang chủ (không tính điểm)</strong>');
    expect(article('fast')).toContain(
      '<li>Hiển thị nội dung đầu tiên: <strong>1,2 giây</strong> (ngưỡng &lt; 3 giây) <span class="ok">Đạt</span></li>',
    );
    expect(article('fast')).toContain(
      '<li>Dung lượng tải: <strong>1,2 MB</strong></li><li>Số yêu cầu: <strong>35</strong></li><li>Đạt ngưỡng tải trang: <strong>Đạt</strong></li>',
    );
    expect(article('slow')).toContain(
      '<li>Tải xong trang: <strong>7 giây</strong> (ngưỡng &lt; 5,8 giây) <span class="slow">Chưa đạt</span></li>',
    );
    expect(article('slow')).toContain('Đạt ngưỡng tải trang: <strong>Chưa đạt</strong>');
    expect(article('static')).not.toContain('class="load"');
  });

  it('the detail sheet ends with the page-load columns (numbers), and "Tổng hợp" carries the province line', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, 'report.xlsx'));
    const detail = book.getWorksheet('Chi tiết đơn vị')!;
    const header = detail.getRow(4).values as unknown[];
    const first = header.indexOf('Hiển thị nội dung đầu tiên (giây; ngưỡng < 3)');
    expect(header.slice(first)).toEqual([
      'Hiển thị nội dung đầu tiên (giây; ngưỡng < 3)',
      'Hiển thị nội dung lớn nhất (giây; ngưỡng < 4)',
      'Tải xong trang (giây; ngưỡng < 5,8)',
      'Dung lượng tải (KB)',
      'Số yêu cầu',
      'Đạt ngưỡng tải trang',
    ]);
    // after the rule columns and the score, grade and notes, so those keep their places
    expect(header[first - 1]).toBe('Ghi chú');
    const cells = (row: number): unknown[] => (detail.getRow(row).values as unknown[]).slice(first, first + 6);
    expect(cells(5)).toEqual([1.2, 2, 3.1, 1270, 35, 'Đạt']);
    expect(cells(6)).toEqual([3.5, 3.9, 7, 39, 7, 'Chưa đạt']);
    expect(cells(8).filter((c) => c !== undefined && c !== '')).toEqual([]);
    const summary = book.getWorksheet('Tổng hợp')!;
    const texts: string[] = [];
    summary.eachRow((r) => texts.push(String(r.getCell(1).value ?? '')));
    expect(texts.filter((x) => x.startsWith('Đạt ngưỡng tải trang'))).toEqual([
      expect.stringMatching(/^Đạt ngưỡng tải trang: 1 \/ 2 đơn vị đã đo\. /),
    ]);
  });

  it('the console summary prints the province line when units were measured, nothing when none was', () => {
    const base = {
      dir: '/tmp/run',
      resultsFile: '/tmp/run/results.json',
      run: { registryChecks: [] },
      districts: [],
      worstRules: [],
      reports: [],
      pagesFetched: 10,
      durationMs: 1000,
      platforms: [],
      total: {
        district: '',
        units: 4,
        reachable: 4,
        averageScore: 90,
        grades: { Tốt: 4, Khá: 0, Đạt: 0, 'Chưa đạt': 0, 'Chưa xác minh': 0 },
        rules: {},
      },
    };
    expect(formatSummary({ ...base, pageLoad: { measured: 2, within: 1 } } as unknown as AuditSummary, RULES, 'vi')).toContain(
      '\nĐạt ngưỡng tải trang: 1 / 2 đơn vị đã đo\n',
    );
    expect(formatSummary({ ...base, pageLoad: { measured: 2, within: 1 } } as unknown as AuditSummary, RULES, 'en')).toContain(
      '\nWithin the page-load thresholds: 1 / 2 units measured\n',
    );
    expect(formatSummary({ ...base, pageLoad: { measured: 0, within: 0 } } as unknown as AuditSummary, RULES, 'vi')).not.toContain(
      'ngưỡng tải trang',
    );
  });

  it('never change a score: the same artifacts judged with slow or fast timings give the same verdicts', () => {
    const judge = (withinThresholds: boolean | undefined): UnitResult => {
      const a = makeArtifacts({
        unit: { type: 'thcs' },
        html: '<html><head><title>Trường</title></head><body><nav><a href="/tin-tuc">Tin tức</a></nav><p>Nội dung</p></body></html>',
      });
      if (withinThresholds !== undefined) {
        a.render = {
          why: 'always',
          url: a.unit.website ?? '',
          judged: false,
          refused: [],
          timings: withinThresholds ? UNITS[0]!.timings! : UNITS[1]!.timings!,
        };
      }
      return judgeArtifacts({
        artifacts: a,
        crawl: { status: 'ok', pages: 1, durationMs: 1 },
        rules: RULES,
        ruleCtx: makeContext(),
        lang: 'vi',
        ruleSetVersion: 't',
        logger: createLogger('silent'),
      });
    };
    const verdict = (u: UnitResult): unknown => ({
      score: u.score,
      grade: u.grade,
      verified: u.verified,
      findings: u.findings.map((f) => [f.rule, f.status]),
    });
    const [none, fast, slow] = [judge(undefined), judge(true), judge(false)];
    expect(slow.timings?.withinThresholds).toBe(false);
    expect(fast.timings?.withinThresholds).toBe(true);
    expect(verdict(fast)).toEqual(verdict(none));
    expect(verdict(slow)).toEqual(verdict(none));
  });
});
