// Screenshots in the reports: report.html shows a thumbnail per screenshot that opens the JPEG, report.xlsx's
// "Bằng chứng" links it; both by a path relative to the run directory, so a copied run directory keeps its
// pictures; a path of another shape is never linked, and website text in the alt text is escaped.
import { beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { writeReports } from '../../src/report/write-reports.js';
import { DistrictAggregator } from '../../src/aggregate/districts.js';
import { reportRun, reportUnit } from './report-fixtures.js';
import type { RunView } from '../../src/report/run-view.js';

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9]);
const SHA = createHash('sha256').update(JPEG).digest('hex');
const FILE = `evidence/${SHA}.jpg`;
const HOSTILE_NAME = 'Trường "THCS" <b>Bình An</b>';

const UNITS = [
  reportUnit('binhan', {
    name: HOSTILE_NAME,
    screenshots: [{ file: FILE, sha256: SHA, url: 'https://binhan.hcm.edu.vn/', view: 'desktop' }],
  }),
  // a hand-edited results.json: never a link out of the run directory
  reportUnit('edited', {
    screenshots: [{ file: '../../etc/passwd" onerror="x', sha256: SHA, url: 'https://edited.hcm.edu.vn/', view: 'desktop' }],
  }),
  reportUnit('plain', {}),
];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'edu-shots-'));
  await mkdir(join(dir, 'evidence'));
  await writeFile(join(dir, FILE), JPEG);
  const agg = new DistrictAggregator();
  UNITS.forEach((u) => agg.add(u));
  const run = reportRun(3);
  const view: RunView = {
    run,
    districts: agg.summaries(),
    units: async function* () {
      yield* UNITS;
    },
    rules: [],
    lang: 'vi',
  };
  await writeReports(view, dir, ['html', 'xlsx']);
});

describe('screenshots in report.html', () => {
  it('a thumbnail that opens the full-size picture, by a path that still resolves in a copy of the run directory', async () => {
    const copy = join(await mkdtemp(join(tmpdir(), 'edu-shots-copy-')), 'run');
    await cp(dir, copy, { recursive: true });
    const html = await readFile(join(copy, 'report.html'), 'utf8');
    const article = /<article id="u-binhan">.*?<\/article>/s.exec(html)?.[0] ?? '';
    const figure = /<figure class="shot"><a href="([^"]+)"[^>]*><img src="([^"]+)" alt="([^"]*)"/.exec(article);
    expect(figure?.slice(1, 3)).toEqual([FILE, FILE]);
    expect(existsSync(join(copy, figure![1]!))).toBe(true);
    // Vietnamese alt text naming the unit, its website text escaped
    expect(figure![3]).toBe('Ảnh chụp trang chủ của Trường &quot;THCS&quot; &lt;b&gt;Bình An&lt;/b&gt; ngày 15/11/2026');
    expect(article).toContain('Bấm vào ảnh để xem cỡ đầy đủ');
  });

  it('links nothing for a path that is not an evidence JPEG, and shows no picture for a unit without one', async () => {
    const html = await readFile(join(dir, 'report.html'), 'utf8');
    expect(html).not.toContain('etc/passwd');
    expect(/<article id="u-plain">.*?<\/article>/s.exec(html)?.[0]).not.toContain('<figure');
    expect(html.match(/<figure class="shot">/g)).toHaveLength(1);
  });
});

describe('screenshots in report.xlsx', () => {
  it('"Bằng chứng" gives each screenshot a row with a relative hyperlink (text, never a formula)', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, 'report.xlsx'));
    const sheet = book.getWorksheet('Bằng chứng')!;
    const rows = [...Array(sheet.rowCount - 4).keys()].map((i) => sheet.getRow(5 + i));
    const shots = rows.filter((r) => String(r.getCell(6).text).startsWith('evidence/'));
    expect(shots).toHaveLength(1);
    const row = shots[0]!;
    expect(row.getCell(1).value).toBe('binhan');
    expect(row.getCell(5).value).toBe('Ảnh chụp trang chủ (màn hình máy tính 1280×800)');
    expect(row.getCell(6).value).toEqual({ text: FILE, hyperlink: FILE });
    expect(row.getCell(6).type).toBe(ExcelJS.ValueType.Hyperlink);
    expect(row.getCell(8).value).toBe(`Trang: https://binhan.hcm.edu.vn/ · SHA-256: ${SHA}`);
    expect(rows.some((r) => String(r.getCell(6).text).includes('passwd'))).toBe(false);
  });
});
