// Dates a reader sees in report.html are written as they write them: dd/mm/yyyy in Vietnamese, the ISO day in English.
import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeReports } from '../../src/report/write-reports.js';
import { DistrictAggregator } from '../../src/aggregate/districts.js';
import type { Lang } from '../../src/engine/messages.js';
import type { RunView } from '../../src/report/run-view.js';
import { reportRun, reportUnit } from './report-fixtures.js';

async function htmlHeader(lang: Lang): Promise<string> {
  const units = [reportUnit('binhan', {})];
  const agg = new DistrictAggregator();
  units.forEach((u) => agg.add(u));
  const view: RunView = {
    run: reportRun(1),
    districts: agg.summaries(),
    units: async function* () {
      yield* units;
    },
    rules: [],
    lang,
  };
  const dir = await mkdtemp(join(tmpdir(), 'edu-dates-'));
  await writeReports(view, dir, ['html']);
  return /<header id="top">.*?<\/header>/s.exec(await readFile(join(dir, 'report.html'), 'utf8'))?.[0] ?? '';
}

describe('report.html header date', () => {
  it('is dd/mm/yyyy in Vietnamese', async () => {
    const header = await htmlHeader('vi');
    expect(header).toContain('Ngày kiểm tra: 15/11/2026');
    expect(header).not.toContain('2026-11-15');
  });

  it('is the ISO day in English', async () => {
    expect(await htmlHeader('en')).toContain('Audit date: 2026-11-15');
  });
});
