// report.xlsx the way an inspector prints it: the demo's workbook converted to PDF by LibreOffice (Debian's
// libreoffice-calc, installed by .ci/run), then read with poppler's pdftotext. Each sheet prints on A4 pages at a
// size that can be read (measured on the rendered glyphs), the wide matrices go several pages across with their
// names repeated, and no sheet spills onto pages of its own title. Skips, saying why, where LibreOffice is missing.
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { ensureBuilt, runCli } from './cli-helpers.js';
import { MIN_PRINT_SCALE } from '../../src/report/xlsx/print-layout.js';

const has = (cmd: string): boolean => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const missing = ['soffice', 'pdftotext', 'pdfinfo'].filter((c) => !has(c));
if (missing.length)
  console.warn(`print-pdf.test.ts skipped: ${missing.join(', ')} not installed (apt-get install libreoffice-calc poppler-utils)`);

interface PdfPage {
  sheet: string;
  text: string;
  /** Heights (pt) of the words of the page's body. */
  wordHeights: number[];
}

let pages: PdfPage[];
let book: ExcelJS.Workbook;

function readPdf(pdf: string): PdfPage[] {
  const count = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
  const out: PdfPage[] = [];
  for (let i = 1; i <= count; i += 1) {
    const text = execFileSync('pdftotext', ['-f', String(i), '-l', String(i), '-layout', pdf, '-'], { encoding: 'utf8' });
    // the footer reads "<sheet name> … Trang P/N"
    const footer =
      text
        .split('\n')
        .reverse()
        .find((l) => /Trang \d+\/\d+/.test(l)) ?? '';
    const bbox = execFileSync('pdftotext', ['-f', String(i), '-l', String(i), '-bbox', pdf, '-'], { encoding: 'utf8' });
    const wordHeights = [...bbox.matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"/g)].map((m) => Number(m[2]) - Number(m[1]));
    out.push({ sheet: footer.replace(/Trang \d+\/\d+/, '').trim(), text, wordHeights });
  }
  return out;
}

describe.skipIf(missing.length > 0)('report.xlsx printed through LibreOffice', () => {
  beforeAll(async () => {
    ensureBuilt();
    const dir = await mkdtemp(join(tmpdir(), 'edu-print-'));
    const run = await runCli(['demo', '--out', join(dir, 'run'), '--format', 'xlsx', '--log-level', 'warn', '--no-progress']);
    expect(run.code, run.stderr).toBe(0);
    const xlsx = join(dir, 'run', 'report.xlsx');
    // a profile of its own, so a desktop LibreOffice or a parallel test never shares (or locks) it
    execFileSync(
      'soffice',
      [`-env:UserInstallation=${pathToFileURL(join(dir, 'lo-profile')).href}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, xlsx],
      { stdio: 'ignore', timeout: 120_000 },
    );
    pages = readPdf(join(dir, 'report.pdf'));
    book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
  }, 240_000);

  const pagesOf = (sheet: string): PdfPage[] => pages.filter((p) => p.sheet === sheet);

  it('prints every sheet, each on its own pages, named in the footer', () => {
    expect(new Set(pages.map((p) => p.sheet))).toEqual(new Set(book.worksheets.map((s) => s.name)));
  });

  it('keeps the narrow sheets one page wide and the wide matrices a few pages across', () => {
    // one page wide: every page of the sheet shows its first and its last column
    const oneWide: [string, string, string][] = [
      ['Tổng hợp', 'Quận/huyện', 'Chưa đạt'],
      ['Cảnh báo', 'Mã đơn vị', 'Căn cứ pháp lý'],
      ['Rà soát EMC', 'Mã đơn vị', 'Mã site EMC'],
      ['Tiêu chí', 'Mã tiêu chí', 'Căn cứ pháp lý'],
      ['Bằng chứng', 'Mã đơn vị', 'Trích đoạn'],
      ['Rà soát danh sách', 'Vấn đề', 'Chi tiết'],
    ];
    for (const [sheet, first, last] of oneWide) {
      expect(pagesOf(sheet).length, sheet).toBeGreaterThan(0);
      for (const p of pagesOf(sheet)) {
        expect(p.text, sheet).toContain(first);
        expect(p.text, sheet).toContain(last);
      }
    }
    expect(pagesOf('Tổng hợp')).toHaveLength(1);
    // the matrices: more than one page across (some pages lack the last column), never a page per criterion
    const districts = pagesOf('Theo quận huyện');
    expect(districts.length).toBeGreaterThanOrEqual(2);
    expect(districts.length).toBeLessThanOrEqual(4);
    const units = pagesOf('Chi tiết đơn vị');
    expect(units.some((p) => !p.text.includes('Ghi chú'))).toBe(true);
    expect(units.length).toBeLessThanOrEqual(10);
  });

  it('prints the chart of grades per district on one page of its own, with its districts, axis and legend', () => {
    const chart = pagesOf('Biểu đồ');
    expect(chart).toHaveLength(1);
    const text = chart[0]!.text;
    // the chart's own title under the sheet's: LibreOffice drew the chart, not only the sheet's title rows
    expect(text.match(/XẾP LOẠI CÁC ĐƠN VỊ THEO QUẬN\/HUYỆN/g)).toHaveLength(2);
    for (const word of ['Quận 1', 'Long Biên', 'Số đơn vị', 'Tốt', 'Chưa xác minh']) expect(text, word).toContain(word);
  });

  it('repeats the unit names and the header row on every page across', () => {
    for (const p of pagesOf('Chi tiết đơn vị')) expect(p.text).toContain('Tên đơn vị');
    // one unit's row is printed once per page across, its name repeated on each
    expect(pagesOf('Chi tiết đơn vị').filter((p) => p.text.includes('Trường Tiểu học Kim Đồng')).length).toBeGreaterThanOrEqual(2);
    for (const p of pagesOf('Theo quận huyện')) expect(p.text).toContain('Quận/huyện');
    expect(pagesOf('Theo quận huyện').filter((p) => p.text.includes('Thành phố Thủ Đức')).length).toBeGreaterThanOrEqual(2);
  });

  it('prints text no smaller than a readable size', () => {
    for (const p of pages) {
      const heights = [...p.wordHeights].sort((a, b) => a - b);
      const median = heights[Math.floor(heights.length / 2)]!;
      // an 11-point font printed at MIN_PRINT_SCALE % is about 6.6 pt; word boxes are a little taller than the size
      expect(median, `${p.sheet}: median word height`).toBeGreaterThanOrEqual((11 * MIN_PRINT_SCALE) / 100);
    }
  });

  it('states a print scale of at least MIN_PRINT_SCALE on every sheet, never fit-to-width', () => {
    for (const sheet of book.worksheets) {
      expect(sheet.pageSetup.scale, sheet.name).toBeGreaterThanOrEqual(MIN_PRINT_SCALE);
      expect(sheet.pageSetup.fitToPage, sheet.name).toBeFalsy();
    }
  });
});
