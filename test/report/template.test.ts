import { describe, expect, it } from 'vitest';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { fillTemplate } from '../../src/report/xlsx/template-fill.js';
import { loadTemplateMap } from '../../src/report/xlsx/template-map.js';
import type { RunView } from '../../src/report/run-view.js';
import type { RunResults, UnitResult } from '../../src/model/result.js';
import { DistrictAggregator } from '../../src/aggregate/districts.js';

const TEMPLATES = join(import.meta.dirname, '..', '..', 'fixtures', 'templates');

const unit = (id: string, emc: 'pass' | 'fail', score: number, grade: UnitResult['grade']): UnitResult => ({
  id,
  name: `Trường THCS ${id}`,
  type: 'thcs',
  district: 'Quận 1',
  province: 'hcm',
  website: `https://${id}.hcm.edu.vn/`,
  finalUrl: null,
  score,
  verified: 1,
  grade,
  crawl: { status: 'ok', pages: 1, durationMs: 1 },
  findings: [
    { rule: 'emc-tag', status: emc, message: '', messageId: 'x', evidence: [] },
    { rule: 'emc-label', status: 'warn', message: '', messageId: 'x', evidence: [] },
  ],
  facts: {},
  ruleSetVersion: 't',
  auditedAt: '',
});

describe('template fill', () => {
  it('puts values in the mapped cells and columns and keeps the template styles', async () => {
    const units = [unit('vanlang', 'pass', 92.5, 'Tốt'), unit('binhan', 'fail', 40, 'Chưa đạt')];
    const agg = new DistrictAggregator();
    units.forEach((u) => agg.add(u));
    const run = {
      now: '2026-11-15T00:00:00Z',
      ruleSetVersion: 't',
      registry: { file: 'r.csv' },
      tool: { name: 'edu-site-audit', version: '0' },
    } as unknown as RunResults['run'];
    const view: RunView = {
      run,
      districts: agg.summaries(),
      units: async function* () {
        yield* units;
      },
      rules: [],
      lang: 'vi',
    };
    const map = await loadTemplateMap(join(TEMPLATES, 'mau-bao-cao.map.json'));
    const out = join(await mkdtemp(join(tmpdir(), 'edu-tpl-')), map.output);
    await fillTemplate(view, join(TEMPLATES, 'mau-bao-cao.xlsx'), map, out);

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const s = book.getWorksheet('Biểu 01')!;
    expect(s.getCell('A1').value).toBe('BIỂU 01 — KẾT QUẢ RÀ SOÁT TRANG THÔNG TIN ĐIỆN TỬ');
    expect(s.getCell('A1').font).toMatchObject({ bold: true, name: 'Times New Roman' });
    expect(s.getCell('B3').value).toBe('Ngày rà soát:');
    expect(s.getCell('C3').value).toBe('15/11/2026'); // as an inspector writes it, like the workbook's subtitle
    expect(s.getCell('C4').value).toBe(2);
    expect(s.getCell('E4').value).toBe(66.3);
    expect(s.getCell('G4').value).toBe(1);
    expect(s.getRow(7).values).toEqual([undefined, 1, 'Trường THCS vanlang', 'https://vanlang.hcm.edu.vn/', 'Có', 'Không', 92.5, 'Tốt']);
    expect(s.getRow(8).values).toEqual([
      undefined,
      2,
      'Trường THCS binhan',
      'https://binhan.hcm.edu.vn/',
      'Không',
      'Không',
      40,
      'Chưa đạt',
    ]);
    for (const r of [7, 8]) {
      expect(s.getRow(r).getCell(2).border?.left?.style).toBe('thin');
      expect(s.getRow(r).getCell(6).numFmt).toBe('0.0');
      expect((s.getRow(r).getCell(4).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFF2CC');
    }
    expect(s.getCell('G1').isMerged).toBe(true);
  });

  it('refuses a map with a bad cell reference, naming the field', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'edu-tpl-'));
    const bad = join(dir, 'bad.json');
    await import('node:fs/promises').then((fs) => fs.writeFile(bad, JSON.stringify({ cells: { c3: 'auditDate' } })));
    await expect(loadTemplateMap(bad)).rejects.toThrow(/bad\.json: cells/);
  });
});
