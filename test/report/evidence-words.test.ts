import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { writeXlsxReport } from '../../src/report/xlsx/xlsx-report.js';
import { RULES } from '../../rules/index.js';
import { DistrictAggregator } from '../../src/aggregate/districts.js';
import type { RunView } from '../../src/report/run-view.js';
import type { Finding, RunResults, UnitResult } from '../../src/model/result.js';
import { reportUnit } from './report-fixtures.js';

const base = (id: string, over: Partial<UnitResult>): UnitResult =>
  reportUnit(id, { score: 80, grade: 'Khá', crawl: { status: 'ok', pages: 1, durationMs: 1 }, findings: [], auditedAt: '', ...over });
const unverified = (rule: string): Finding => ({
  rule,
  status: 'error',
  message: 'Chưa xác minh',
  messageId: 'missingArtifact',
  evidence: [{ url: 'https://down.hcm.edu.vn/' }],
});

let rows: unknown[][];
let notes: Map<string, string>;
beforeAll(async () => {
  const units = [
    base('down', {
      website: 'https://down.hcm.edu.vn/',
      finalUrl: null,
      score: null,
      verified: 0,
      grade: 'Chưa đạt',
      crawl: {
        status: 'refused',
        pages: 0,
        durationMs: 1,
        error: 'ECONNRESET: Client network socket disconnected before secure TLS connection was established',
      },
      findings: [
        {
          rule: 'site-reachable',
          status: 'fail',
          message: 'x',
          messageId: 'unreachable',
          evidence: [{ url: 'https://down.hcm.edu.vn/', excerpt: 'network: ECONNRESET: Client network socket disconnected' }],
        },
        ...['emc-tag', 'emc-label', 'https', 'rss-feed', 'content-freshness'].map(unverified),
      ],
    }),
    base('tls', {
      findings: [
        {
          rule: 'https',
          status: 'fail',
          message: 'x',
          messageId: 'invalidCertificate',
          data: { host: 'tls.hcm.edu.vn', error: 'CERT_HAS_EXPIRED', validTo: 'Jan  1 00:00:00 2021 GMT' },
          evidence: [
            {
              url: 'https://tls.hcm.edu.vn/',
              selector: 'TLS certificate',
              excerpt: 'CERT_HAS_EXPIRED: certificate has expired; validTo Jan  1 00:00:00 2021 GMT',
            },
          ],
        },
      ],
    }),
    base('hacked', {
      score: 74.5,
      grade: 'Chưa đạt',
      findings: [
        {
          rule: 'no-malicious-content',
          status: 'fail',
          message: 'x',
          messageId: 'found',
          data: { pages: 1, where: 'hidden' },
          evidence: [{ url: 'https://hacked.hcm.edu.vn/', excerpt: '[hidden] nhà cái' }],
        },
      ],
    }),
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
  const file = join(await mkdtemp(join(tmpdir(), 'edu-words-')), 'report.xlsx');
  await writeXlsxReport(view, file);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const evidence = book.getWorksheet('Bằng chứng')!;
  rows = Array.from({ length: evidence.rowCount - 4 }, (_, i) => (evidence.getRow(5 + i).values as unknown[]).slice(1));
  const detail = book.getWorksheet('Chi tiết đơn vị')!;
  const header = detail.getRow(4).values as unknown[];
  notes = new Map(
    Array.from({ length: detail.rowCount - 4 }, (_, i) => [
      String(detail.getRow(5 + i).getCell(2).value),
      String(detail.getRow(5 + i).getCell(header.indexOf('Ghi chú')).value ?? ''),
    ]),
  );
});

describe('evidence in plain Vietnamese', () => {
  it('gives an unreachable unit one row for its unverified criteria, not one per criterion', () => {
    const down = rows.filter((r) => r[0] === 'down');
    expect(down).toHaveLength(2); // site-reachable's own failure, and the one row for the rest
    expect(down.map((r) => r[4])).toContain('Không truy cập được: 5 tiêu chí chưa xác minh');
    expect(down.find((r) => r[2] === 'site-reachable')![7]).toBe('kết nối bị ngắt giữa chừng');
  });

  it('writes certificate dates as dd/mm/yyyy and error codes in words', () => {
    const tls = rows.find((r) => r[0] === 'tls')!;
    expect(tls[7]).toBe('chứng thư số đã hết hạn; hết hạn 01/01/2021');
    expect(String(tls[4])).toContain('01/01/2021');
    expect(String(tls[4])).not.toContain('GMT');
  });

  it('says in the notes why a grade is what it is', () => {
    expect(notes.get('hacked')).toContain('Xếp loại Chưa đạt do vi phạm tiêu chí chặn: Có nội dung độc hại');
    expect(notes.get('down')).toContain('Không truy cập được: Từ chối kết nối (kết nối bị ngắt giữa chừng)');
    expect(notes.get('down')).toContain('Không chấm được điểm');
    expect(notes.get('down')).not.toContain('ECONNRESET');
  });
});
