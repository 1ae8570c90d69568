// `--format pdf` (src/report/pdf/): scorecards printed by the browser and read back with pdfjs-dist — one or two A4
// pages per unit with its name, score, grade and reason, criteria, legal basis, evidence, "Cách khắc phục" and the
// audit date as text; the screenshot embedded; one file per district with its units; file names from hostile
// registry data kept inside the run directory; nothing loaded from any network; one message without a browser.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { writePdfScorecards } from '../../src/report/pdf/pdf-reporter.js';
import { openPdfPrinter } from '../../src/report/pdf/pdf-printer.js';
import { screenshotUrl } from '../../src/report/pdf/scorecard-html.js';
import { RULES } from '../../rules/index.js';
import type { RunView } from '../../src/report/run-view.js';
import type { RunResults, UnitResult } from '../../src/model/result.js';
import { DistrictAggregator } from '../../src/aggregate/districts.js';
import { readPdfText } from './pdf-text.js';

// a 1×1 PNG: the browser shows it whatever the file is called
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const HOSTILE = '<script>alert(1)</script> Trường <b>Mầm non</b> & "Hoa Sen"';

const base = (id: string, name: string, district: string, over: Partial<UnitResult>): UnitResult => ({
  id,
  name,
  type: 'thcs',
  district,
  province: 'hcm',
  website: `https://${id.replace(/\W/g, '')}.hcm.edu.vn/`,
  finalUrl: `https://${id.replace(/\W/g, '')}.hcm.edu.vn/`,
  score: 95,
  verified: 1,
  grade: 'Tốt',
  crawl: { status: 'ok', pages: 3, durationMs: 10 },
  findings: [],
  facts: {},
  ruleSetVersion: '2026.12.0',
  auditedAt: '2026-11-15T00:00:00Z',
  ...over,
});

const UNITS: UnitResult[] = [
  base('CON', 'Trường THCS Lê Quý Đôn', 'Q.1/Thủ Đức', {
    score: 42.6,
    grade: 'Chưa đạt',
    screenshots: [{ file: 'evidence/home.jpg', sha256: 'x', url: 'https://con.hcm.edu.vn/', view: 'desktop' }],
    findings: [
      {
        rule: 'emc-tag',
        status: 'fail',
        message: 'Không có mã EMC',
        messageId: 'missing',
        evidence: [{ url: 'https://con.hcm.edu.vn/', selector: 'head', excerpt: 'Chào mừng quý phụ huynh' }],
      },
      {
        rule: 'https',
        status: 'warn',
        message: 'http:// vẫn phục vụ',
        messageId: 'httpServes',
        evidence: [{ url: 'http://con.hcm.edu.vn/' }],
      },
      { rule: 'site-reachable', status: 'pass', message: 'Truy cập được', messageId: 'ok', evidence: [] },
    ],
  }),
  base('a/b', HOSTILE, 'Q.1/Thủ Đức', {
    findings: [{ rule: 'https', status: 'pass', message: 'HTTPS hợp lệ', messageId: 'valid', evidence: [] }],
  }),
  base('a_b', 'Trường Tiểu học Kim Đồng', '..', {
    score: null,
    verified: 0,
    grade: 'Chưa xác minh',
    crawl: { status: 'timeout', pages: 0, durationMs: 10 },
    findings: [
      {
        rule: 'site-reachable',
        status: 'fail',
        message: 'Không truy cập được',
        messageId: 'timeout',
        evidence: [{ url: 'https://ab.hcm.edu.vn/' }],
      },
    ],
  }),
];

function viewOf(units: UnitResult[], options: Record<string, unknown> = {}): RunView {
  const agg = new DistrictAggregator();
  units.forEach((u) => agg.add(u));
  const run = {
    startedAt: '',
    finishedAt: '2026-11-15T01:00:00Z',
    now: '2026-11-15T00:00:00Z',
    tool: { name: 'edu-site-audit', version: '0' },
    ruleSetVersion: '2026.12.0',
    registry: { file: 'demo.csv', sha256: '', units: units.length, invalidRows: 0 },
    options,
    rules: RULES.map((r) => r.meta.id),
    registryChecks: [],
  } as unknown as RunResults['run'];
  return {
    run,
    districts: agg.summaries(),
    units: async function* () {
      yield* units;
    },
    rules: RULES,
    lang: 'vi',
  };
}

let dir: string;
let files: string[];
const rel = (f: string): string => relative(dir, f);
const pdf = (name: string): string => join(dir, 'scorecards', name);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'edu-pdf-'));
  await mkdir(join(dir, 'evidence'));
  await writeFile(join(dir, 'evidence', 'home.jpg'), PNG);
  files = await writePdfScorecards(viewOf(UNITS), dir);
}, 120_000);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('PDF scorecards', () => {
  it('writes one file per unit named by its id and one per district, every name made safe and none shared', async () => {
    expect(files.map(rel).sort()).toEqual(
      [
        'scorecards/districts/Q.1_Thủ Đức.pdf',
        'scorecards/districts/khong-ten.pdf',
        'scorecards/units/_CON.pdf',
        'scorecards/units/a_b-2.pdf',
        'scorecards/units/a_b.pdf',
      ]
        .map((p) => p.normalize('NFC'))
        .sort(),
    );
    // nothing anywhere else: the run directory holds the evidence and the scorecards only
    expect((await readdir(dir)).sort()).toEqual(['evidence', 'scorecards']);
    for (const f of files) expect((await readFile(f)).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('prints a unit on one or two A4 pages with everything an inspector acts on, as text', async () => {
    const { pages, text } = await readPdfText(pdf('units/_CON.pdf'));
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(pages.length).toBeLessThanOrEqual(2);
    for (const expected of [
      'Trường THCS Lê Quý Đôn',
      'CON',
      'Q.1/Thủ Đức',
      '42.6',
      'Chưa đạt',
      'Ngày kiểm tra',
      '15/11/2026',
      '2026.12.0',
      'Lý do xếp loại',
      'Đã gắn mã giám sát EMC',
      'Chưa đạt',
      'Một phần',
      'TT 22/2023/TT-BTTTT',
      'Chào mừng quý phụ huynh',
      'Cách khắc phục',
      'Ảnh chụp trang chủ',
    ])
      expect(text, expected).toContain(expected);
    expect(text).toMatch(/Điểm\s*42\.6\s*Xếp loại\s*Chưa đạt/);
    expect(text).toMatch(/Trang 1\/\d/);
  });

  it("embeds the run's screenshot, and only for the unit that has one", async () => {
    expect((await readFile(pdf('units/_CON.pdf'))).toString('latin1')).toMatch(/\/Subtype\s*\/Image/);
    expect((await readFile(pdf('units/a_b.pdf'))).toString('latin1')).not.toMatch(/\/Subtype\s*\/Image/);
  });

  it('prints website and registry text as text, never as markup', async () => {
    const { text } = await readPdfText(pdf('units/a_b.pdf'));
    expect(text.replace(/\s+/g, ' ')).toContain(HOSTILE);
  });

  it('gives an unreachable unit its reason and no score', async () => {
    const { text } = await readPdfText(pdf('units/a_b-2.pdf'));
    expect(text).toContain('Trường Tiểu học Kim Đồng');
    expect(text).toContain('Chưa xác minh');
    expect(text).toContain('Không truy cập được');
  });

  it("puts a district's units in one file, each starting on a page of its own", async () => {
    const district = await readPdfText(pdf('districts/Q.1_Thủ Đức.pdf'));
    const first = await readPdfText(pdf('units/_CON.pdf'));
    const second = await readPdfText(pdf('units/a_b.pdf'));
    expect(district.pages).toHaveLength(first.pages.length + second.pages.length);
    expect(district.pages[0]).toContain('Trường THCS Lê Quý Đôn');
    expect(district.pages[first.pages.length]!.replace(/\s+/g, ' ')).toContain(HOSTILE);
    expect(district.text).not.toContain('Kim Đồng');
  });
});

describe('the screenshot a scorecard shows', () => {
  it('is a file inside the run directory, never a path that leaves it', () => {
    const shot = (file: string): UnitResult => base('x', 'x', 'x', { screenshots: [{ file, sha256: '', url: '', view: 'desktop' }] });
    expect(screenshotUrl(shot('evidence/home.jpg'), dir)).toMatch(/^file:\/\/.*\/evidence\/home\.jpg$/);
    expect(screenshotUrl(shot('../../etc/passwd'), dir)).toBeUndefined();
    expect(screenshotUrl(shot('/etc/passwd'), dir)).toBeUndefined();
    expect(screenshotUrl(shot('evidence/missing.jpg'), dir)).toBeUndefined();
  });
});

describe('the PDF browser', () => {
  let server: Server;
  let hits = 0;
  beforeAll(async () => {
    server = createServer((_req, res) => {
      hits += 1;
      res.end('x');
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  });
  afterAll(async () => {
    await new Promise((ok) => server.close(ok));
  });

  it('loads nothing from a network, not even from 127.0.0.1', async () => {
    const { port } = server.address() as AddressInfo;
    const html = join(dir, 'beacon.html');
    // the same page, given a policy that allows everything, so only the printer's own guards stand in the way
    await writeFile(
      html,
      `<!doctype html><html><body><p>beacon</p><img src="http://127.0.0.1:${port}/img"><link rel="stylesheet" href="http://127.0.0.1:${port}/css"><iframe src="http://127.0.0.1:${port}/frame"></iframe><script src="http://127.0.0.1:${port}/js"></script></body></html>`,
    );
    const printer = await openPdfPrinter();
    if ('error' in printer) throw new Error(printer.error);
    try {
      await printer.print(html, join(dir, 'beacon.pdf'), '<span></span>');
    } finally {
      await printer.close();
    }
    expect((await readPdfText(join(dir, 'beacon.pdf'))).text).toContain('beacon');
    expect(hits).toBe(0);
  }, 60_000);

  it('when it cannot start, says so once in Vietnamese and writes no scorecard', async () => {
    const notABrowser = join(dir, 'not-a-browser');
    await writeFile(notABrowser, 'not a browser');
    const errors: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((m: string) => {
      errors.push(m);
    });
    const out = await mkdtemp(join(tmpdir(), 'edu-pdf-none-'));
    expect(await writePdfScorecards(viewOf(UNITS, { browser: notABrowser }), out)).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^Không tạo được phiếu kết quả PDF: không khởi động được trình duyệt \(.+\)\. Cài Chrome\/Chromium rồi chỉ đường dẫn bằng --browser/,
    );
    expect(existsSync(join(out, 'scorecards'))).toBe(false);
  }, 60_000);
});
