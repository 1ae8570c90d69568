// Time and peak memory to write report.xlsx (and report.csv) for N synthetic units (default 50,000), through the
// same streaming reporters an audit uses. Run: npm run bench:report, or node dist-bench/bench/report-xlsx.js [N]
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeXlsxReport } from '../src/report/xlsx/xlsx-report.js';
import { writeCsvReports } from '../src/report/csv-report.js';
import { DistrictAggregator } from '../src/aggregate/districts.js';
import type { RunResults, UnitResult } from '../src/model/result.js';
import type { RunView } from '../src/report/run-view.js';
import { RULES } from '../rules/index.js';
import type { Status } from '../src/model/rule.js';

const N = Number(process.argv[2] ?? 50_000);
const STATUSES: Status[] = ['pass', 'pass', 'pass', 'warn', 'fail', 'na', 'error'];

function syntheticUnit(i: number): UnitResult {
  const findings = RULES.map((r, k) => {
    const status = STATUSES[(i * 7 + k * 3) % STATUSES.length]!;
    return {
      rule: r.meta.id,
      status,
      message: `Thông điệp kiểm tra số ${k} của đơn vị ${i}`,
      messageId: 'x',
      evidence:
        status === 'fail'
          ? [
              {
                url: `https://truong${i}.hcm.edu.vn/trang-${k}`,
                selector: 'div#menu > ul > li:nth-of-type(3) > a',
                excerpt: 'Công khai năm học 2025-2026 — trích đoạn bằng chứng',
              },
            ]
          : [],
    };
  });
  return {
    id: `U${String(i).padStart(6, '0')}`,
    name: `Trường THCS Số ${i}`,
    type: 'thcs',
    district: `Quận ${i % 40}`,
    province: 'hcm',
    website: `https://truong${i}.hcm.edu.vn/`,
    finalUrl: `https://truong${i}.hcm.edu.vn/`,
    title: `Trường THCS Số ${i} — Cổng thông tin điện tử`,
    score: (i * 37) % 101,
    verified: 1,
    grade: (['Tốt', 'Khá', 'Đạt', 'Chưa đạt'] as const)[i % 4]!,
    crawl: { status: 'ok', pages: 20, durationMs: 900 },
    findings,
    facts: { emcSiteId: String(10_000 + i) },
    ruleSetVersion: 'bench',
    auditedAt: '2026-11-15T00:00:00Z',
  };
}

async function* units(): AsyncGenerator<UnitResult> {
  for (let i = 0; i < N; i++) yield syntheticUnit(i);
}

let peak = 0;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 20);

const agg = new DistrictAggregator();
for await (const u of units()) agg.add(u);
const run = {
  startedAt: '2026-11-15T00:00:00Z',
  finishedAt: '2026-11-15T02:00:00Z',
  now: '2026-11-15T00:00:00Z',
  tool: { name: 'edu-site-audit', version: 'bench' },
  ruleSetVersion: 'bench',
  registry: { file: 'synthetic', sha256: '', units: N, invalidRows: 0 },
  options: {},
  rules: RULES.map((r) => r.meta.id),
  registryChecks: [],
} as RunResults['run'];
const view: RunView = { run, districts: agg.summaries(), units, rules: RULES, lang: 'vi' };
const dir = await mkdtemp(join(tmpdir(), 'edu-bench-'));

const t0 = performance.now();
await writeXlsxReport(view, join(dir, 'report.xlsx'));
const xlsxMs = performance.now() - t0;
const xlsxPeak = peak;
const t1 = performance.now();
await writeCsvReports(view, join(dir, 'report.csv'), join(dir, 'report-units.csv'));
const csvMs = performance.now() - t1;
clearInterval(sampler);
const size = (await stat(join(dir, 'report.xlsx'))).size;
await rm(dir, { recursive: true, force: true });

console.log(
  `report.xlsx: ${N} units × ${RULES.length} rules in ${(xlsxMs / 1000).toFixed(1)} s, peak RSS ${(xlsxPeak / 2 ** 20).toFixed(0)} MiB, ${(size / 2 ** 20).toFixed(1)} MiB on disk`,
);
console.log(`report.csv:  ${N * RULES.length} finding rows in ${(csvMs / 1000).toFixed(1)} s, peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB`);
