// The workbook's native chart (src/report/xlsx/chart/): present in the package, wired sheet → drawing → chart, its
// series reading the very cells of "Tổng hợp" that hold each district's grade counts, and its cached values the
// run's own figures. Also: Vietnamese dates (dd/mm/yyyy) on the criteria sheet and the sheets' subtitle.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { writeXlsxReport } from '../../src/report/xlsx/xlsx-report.js';
import { addCharts, firstFreePartNumber, insertDrawing, sheetPath } from '../../src/report/xlsx/chart/chart-package.js';
import { RULES } from '../../rules/index.js';
import type { RunView } from '../../src/report/run-view.js';
import type { Grade, RunResults, UnitResult } from '../../src/model/result.js';
import { DistrictAggregator } from '../../src/aggregate/districts.js';
import { GRADES } from '../../src/model/result.js';

const unit = (id: string, district: string, score: number, grade: Grade): UnitResult => ({
  id,
  name: `Trường ${id}`,
  type: 'thcs',
  district,
  province: 'hcm',
  website: `https://${id}.edu.vn/`,
  finalUrl: `https://${id}.edu.vn/`,
  score,
  verified: 1,
  grade,
  crawl: { status: 'ok', pages: 1, durationMs: 1 },
  findings: [],
  facts: {},
  ruleSetVersion: 't',
  auditedAt: '2026-11-15T00:00:00Z',
});

const UNITS = [
  unit('a', 'Quận 1', 95, 'Tốt'),
  unit('b', 'Quận 1', 40, 'Chưa đạt'),
  unit('c', 'Quận 1', 92, 'Tốt'),
  unit('d', "Q.3 <A&B> 'x'", 80, 'Khá'),
  unit('e', 'Thành phố Thủ Đức', 70, 'Đạt'),
];

let zip: JSZip;
let book: ExcelJS.Workbook;

beforeAll(async () => {
  const agg = new DistrictAggregator();
  UNITS.forEach((u) => agg.add(u));
  const run = {
    startedAt: '',
    finishedAt: '2026-11-15T01:00:00Z',
    now: '2026-11-15T00:00:00Z',
    tool: { name: 'edu-site-audit', version: '0' },
    ruleSetVersion: 't',
    registry: { file: 'demo.csv', sha256: '', units: UNITS.length, invalidRows: 0 },
    options: {},
    rules: RULES.map((r) => r.meta.id),
    registryChecks: [],
  } as unknown as RunResults['run'];
  const view: RunView = {
    run,
    districts: agg.summaries(),
    units: async function* () {
      yield* UNITS;
    },
    rules: RULES,
    lang: 'vi',
  };
  const file = join(await mkdtemp(join(tmpdir(), 'edu-chart-')), 'report.xlsx');
  await writeXlsxReport(view, file);
  zip = await JSZip.loadAsync(await readFile(file));
  book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
});

const part = (path: string): Promise<string> => zip.file(path)!.async('string');
const values = (xml: string, cache: string): string[] =>
  [...xml.matchAll(new RegExp(`<c:${cache}>([\\s\\S]*?)</c:${cache}>`, 'g'))].flatMap((c) =>
    [...c[1]!.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => m[1]!),
  );
const unescape = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

/** The value of a cell named by an A1 reference such as `'Tổng hợp'!$A$5`. */
function cellsOf(ref: string): (string | number | null)[] {
  const m = /^'((?:[^']|'')+)'!\$([A-Z]+)\$(\d+)(?::\$([A-Z]+)\$(\d+))?$/.exec(unescape(ref));
  if (!m) throw new Error(`not a range: ${ref}`);
  const sheet = book.getWorksheet(m[1]!.replace(/''/g, "'"))!;
  const from = Number(m[3]);
  const to = Number(m[5] ?? m[3]);
  return Array.from({ length: to - from + 1 }, (_, i) => sheet.getCell(`${m[2]}${from + i}`).value as string | number | null);
}

describe('the chart in report.xlsx', () => {
  it('sits on its own sheet after the alerts, and exceljs still reads the workbook', () => {
    expect(book.worksheets.map((s) => s.name).slice(0, 3)).toEqual(['Tổng hợp', 'Cảnh báo', 'Biểu đồ']);
    const s = book.getWorksheet('Biểu đồ')!;
    expect(s.getCell('A1').value).toBe('XẾP LOẠI CÁC ĐƠN VỊ THEO QUẬN/HUYỆN');
    expect(s.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', scale: 100 });
  });

  it('is a native chart wired from the sheet through its drawing, with content types', async () => {
    const sheet = await sheetPath(zip, 'Biểu đồ');
    const xml = await part(sheet);
    const relId = /<drawing r:id="([^"]+)"\/>/.exec(xml)?.[1];
    expect(relId).toBeTruthy();
    // the element comes after the page setup, where the schema wants it
    expect(xml.indexOf('<drawing')).toBeGreaterThan(xml.indexOf('<pageSetup'));
    const rels = await part(sheet.replace(/([^/]+)$/, '_rels/$1.rels'));
    const drawing = new RegExp(`Id="${relId}"[^>]*Target="\\.\\./([^"]+)"`).exec(rels)?.[1];
    expect(drawing).toBe('drawings/drawing1.xml');
    expect(await part('xl/drawings/_rels/drawing1.xml.rels')).toContain('Target="../charts/chart1.xml"');
    expect(await part('xl/drawings/drawing1.xml')).toMatch(/<xdr:twoCellAnchor[\s\S]*<c:chart [^>]*r:id="rId1"\/>/);
    const types = await part('[Content_Types].xml');
    expect(types).toContain(
      'PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"',
    );
    expect(types).toContain('PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"');
  });

  it('plots each district\'s units per grade from the cells of "Tổng hợp", cached as the run computed them', async () => {
    const chart = await part('xl/charts/chart1.xml');
    expect(chart).toMatch(/<c:barChart><c:barDir val="bar"\/><c:grouping val="stacked"\/>/);
    const series = [...chart.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map((m) => m[1]!);
    expect(series).toHaveLength(GRADES.length);
    // in the order of the summary's rows (the districts sorted)
    const districts = ["Q.3 <A&B> 'x'", 'Quận 1', 'Thành phố Thủ Đức'];
    const expected: Record<string, number[]> = {
      Tốt: [0, 2, 0],
      Khá: [1, 0, 0],
      Đạt: [0, 0, 1],
      'Chưa đạt': [0, 1, 0],
      'Chưa xác minh': [0, 0, 0],
    };
    for (const [i, s] of series.entries()) {
      const refs = [...s.matchAll(/<c:f>([^<]+)<\/c:f>/g)].map((m) => m[1]!);
      expect(refs).toHaveLength(3);
      const [nameRef, catRef, valRef] = refs as [string, string, string];
      // the series name, the categories and the values are the summary sheet's header, district names and counts
      expect(cellsOf(nameRef)).toEqual([GRADES[i]]);
      expect(cellsOf(catRef)).toEqual(districts);
      expect(cellsOf(valRef)).toEqual(expected[GRADES[i]!]);
      expect(values(s, 'strCache').map(unescape)).toEqual([GRADES[i], ...districts]);
      expect(values(s, 'numCache').map(Number)).toEqual(expected[GRADES[i]!]);
    }
  });
});

describe('insertDrawing', () => {
  it('puts <drawing> before the parts the schema orders after it, and declares the r: namespace when missing', () => {
    const sheet = '<worksheet xmlns="m"><sheetData/><pageSetup/><headerFooter/><tableParts count="0"/></worksheet>';
    expect(insertDrawing(sheet, 'rIdX')).toBe(
      '<worksheet xmlns="m" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData/><pageSetup/><headerFooter/><drawing r:id="rIdX"/><tableParts count="0"/></worksheet>',
    );
    expect(insertDrawing('<worksheet xmlns:r="r"><sheetData/></worksheet>', 'a')).toBe(
      '<worksheet xmlns:r="r"><sheetData/><drawing r:id="a"/></worksheet>',
    );
    expect(() => insertDrawing('<worksheet><drawing r:id="x"/></worksheet>', 'a')).toThrow(/already has a drawing/);
  });
});

describe('Vietnamese dates in report.xlsx', () => {
  it("writes the criteria's legal-basis dates and the audit date as dd/mm/yyyy", () => {
    const criteria = book.getWorksheet('Tiêu chí')!;
    const basis = Array.from({ length: criteria.rowCount - 4 }, (_, i) => String(criteria.getCell(`E${i + 5}`).value ?? '')).join('\n');
    expect(basis).toContain('Thông tư 22/2023/TT-BTTTT');
    expect(basis).toMatch(/từ 05\/04\/2024; đang có hiệu lực ngày 15\/11\/2026/);
    expect(basis).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(String(criteria.getCell('A2').value)).toContain('Ngày kiểm tra: 15/11/2026');
  });
});

describe('a chart added to a workbook that already has a picture', () => {
  // a 1×1 PNG: what a logo in a department's header would be
  const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

  it('takes the next free drawing and chart numbers and leaves the picture where it was', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'chart-picture-'));
    const file = join(dir, 'book.xlsx');
    const wb = new ExcelJS.Workbook();
    const logo = wb.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: 'png' });
    wb.addWorksheet('Logo').addImage(logo, 'A1:B2');
    const data = wb.addWorksheet('Số liệu');
    data.addRows([
      ['', 'Tốt'],
      ['Quận 1', 3],
    ]);
    await wb.xlsx.writeFile(file);
    const before = await JSZip.loadAsync(await readFile(file));
    const picture = await before.file('xl/drawings/drawing1.xml')!.async('string');
    expect(picture).toContain('xdr:pic'); // exceljs drew the picture as drawing1

    await addCharts(file, [
      {
        sheet: 'Số liệu',
        anchor: { fromCol: 3, fromRow: 1, toCol: 10, toRow: 20 },
        chart: {
          title: 'Xếp loại',
          valueAxisTitle: 'Số đơn vị',
          categoriesRef: "'Số liệu'!$A$2",
          categories: ['Quận 1'],
          series: [{ name: 'Tốt', nameRef: "'Số liệu'!$B$1", valuesRef: "'Số liệu'!$B$2", values: [3], colour: '2E7D32' }],
        },
      },
    ]);
    const after = await JSZip.loadAsync(await readFile(file));
    expect(await after.file('xl/drawings/drawing1.xml')!.async('string')).toBe(picture);
    expect(await after.file('xl/drawings/drawing2.xml')!.async('string')).toContain('<c:chart ');
    expect(await after.file('xl/drawings/_rels/drawing2.xml.rels')!.async('string')).toContain('Target="../charts/chart2.xml"');
    const rels = await after.file((await sheetPath(after, 'Số liệu')).replace(/([^/]+)$/, '_rels/$1.rels'))!.async('string');
    expect(rels).toContain('Target="../drawings/drawing2.xml"');
    const reread = new ExcelJS.Workbook();
    await reread.xlsx.readFile(file);
    expect(reread.getWorksheet('Số liệu')!.getCell('A2').value).toBe('Quận 1');
  });

  it('numbers from one past the highest drawing or chart already there', () => {
    expect(firstFreePartNumber(['xl/workbook.xml'])).toBe(1);
    expect(firstFreePartNumber(['xl/drawings/drawing1.xml', 'xl/drawings/_rels/drawing1.xml.rels', 'xl/media/image1.png'])).toBe(2);
    expect(firstFreePartNumber(['xl/charts/chart3.xml', 'xl/drawings/drawing1.xml'])).toBe(4);
  });
});
