import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JsonlStore } from '../../src/store/jsonl-store.js';
import { writeResultsJson } from '../../src/store/results-json.js';
import { DistrictAggregator } from '../../src/aggregate/districts.js';
import { registryChecks } from '../../src/aggregate/registry-checks.js';
import type { RunResults, UnitResult } from '../../src/model/result.js';

function unit(
  id: string,
  district: string,
  score: number | null,
  grade: UnitResult['grade'],
  statuses: Record<string, UnitResult['findings'][number]['status']>,
  crawl: UnitResult['crawl']['status'] = 'ok',
): UnitResult {
  return {
    id,
    name: `Trường ${id}`,
    type: 'thcs',
    district,
    province: 'hcm',
    website: `https://${id}.hcm.edu.vn/`,
    finalUrl: `https://${id}.hcm.edu.vn/`,
    score,
    verified: 1,
    grade,
    crawl: { status: crawl, pages: 1, durationMs: 5 },
    findings: Object.entries(statuses).map(([rule, status]) => ({ rule, status, message: '', messageId: 'x', evidence: [] })),
    facts: {},
    ruleSetVersion: 't',
    auditedAt: '2026-11-15T00:00:00Z',
  };
}

describe('results store', () => {
  it('appends one line per unit, reads units back by id, and writes results.json in registry order', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'edu-store-'));
    const store = new JsonlStore(join(dir, 'results.jsonl'));
    await store.open();
    const a = unit('a', 'Quận 1', 80, 'Khá', { x: 'pass' });
    const b = unit('b', 'Quận 3', 40, 'Chưa đạt', { x: 'fail' });
    await Promise.all([store.append(b), store.append(a)]);
    expect((await store.read('a'))?.name).toBe('Trường a');
    const run = { startedAt: 's' } as unknown as RunResults['run'];
    async function* ordered(): AsyncGenerator<UnitResult> {
      for (const id of ['a', 'b']) yield (await store.read(id))!;
    }
    await writeResultsJson(join(dir, 'results.json'), run, ordered(), []);
    await store.close();
    const json = JSON.parse(await readFile(join(dir, 'results.json'), 'utf8')) as RunResults;
    expect(json.schemaVersion).toBe(1);
    expect(json.units.map((u) => u.id)).toEqual(['a', 'b']);
    const lines = (await readFile(join(dir, 'results.jsonl'), 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(2);
  });

  it('skips a torn last line when reopening results.jsonl, and cuts it off before appending', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'edu-store-'));
    const path = join(dir, 'results.jsonl');
    await appendFile(path, `${JSON.stringify(unit('a', 'Q1', 1, 'Đạt', {}))}\n{"id":"b","na`);
    const store = new JsonlStore(path);
    expect(await store.open()).toMatchObject({ recovered: 1, tornBytes: 13 });
    expect([store.has('a'), store.has('b')]).toEqual([true, false]);
    await store.append(unit('b', 'Q1', 2, 'Đạt', {}));
    expect((await store.read('b'))?.score).toBe(2);
    await store.close();
    const lines = (await readFile(path, 'utf8')).trim().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as UnitResult).id)).toEqual(['a', 'b']);
  });
});

describe('district rollup', () => {
  it('counts units, reachable, average score, grades and statuses per rule', () => {
    const agg = new DistrictAggregator();
    agg.add(unit('a', 'Quận 1', 80, 'Khá', { r1: 'pass', r2: 'fail' }));
    agg.add(unit('b', 'Quận 1', 60, 'Đạt', { r1: 'warn', r2: 'fail' }));
    agg.add(unit('c', 'Quận 1', null, 'Chưa đạt', { r1: 'error', r2: 'error' }, 'timeout'));
    agg.add(unit('d', 'Quận 3', 95, 'Tốt', { r1: 'pass', r2: 'na' }));
    const [q1, q3] = agg.summaries();
    expect(q1).toMatchObject({
      district: 'Quận 1',
      units: 3,
      reachable: 2,
      averageScore: 70,
      grades: { Khá: 1, Đạt: 1, 'Chưa đạt': 1, Tốt: 0 },
    });
    expect(q1!.rules.r1).toEqual({ pass: 1, warn: 1, fail: 0, na: 0, error: 1, exempt: 0 });
    expect(q3!.averageScore).toBe(95);
    expect(agg.total()).toMatchObject({ units: 4, reachable: 3, averageScore: 78.3 });
  });

  it('an HTTP 500 unit scores 0 and pulls its district down; a Chưa xác minh unit is counted apart, out of the average', () => {
    const agg = new DistrictAggregator();
    agg.add(unit('a', 'Quận 1', 80, 'Khá', { r1: 'pass' }));
    agg.add(unit('down', 'Quận 1', 0, 'Chưa đạt', { 'site-reachable': 'fail' }, 'http_error'));
    agg.add(unit('thin', 'Quận 1', 100, 'Chưa xác minh', { r1: 'pass', r2: 'error' }));
    const [q1] = agg.summaries();
    expect(q1).toMatchObject({ units: 3, averageScore: 40, grades: { Khá: 1, 'Chưa đạt': 1, 'Chưa xác minh': 1, Tốt: 0, Đạt: 0 } });
    expect(agg.total()).toMatchObject({ averageScore: 40, grades: { 'Chưa xác minh': 1 } });
  });
});

describe('registry checks', () => {
  it('lists duplicated websites and EMC ids, redirects to another unit, http entries of https sites, unreachable units', () => {
    const issues = registryChecks([
      { id: 'a', website: 'http://a.hcm.edu.vn/', finalUrl: 'https://a.hcm.edu.vn/', emcSiteId: '11', crawlStatus: 'ok' },
      { id: 'a2', website: 'https://www.a.hcm.edu.vn/', finalUrl: 'https://a.hcm.edu.vn/', crawlStatus: 'ok' },
      { id: 'b', website: 'https://b.hcm.edu.vn/', finalUrl: 'https://c.hcm.edu.vn/', emcSiteId: '11', crawlStatus: 'ok' },
      { id: 'c', website: 'https://c.hcm.edu.vn/', finalUrl: null, crawlStatus: 'timeout', crawlError: 'after 15000 ms' },
    ]);
    const kinds = issues.map((i) => `${i.kind}:${i.units.join('+')}`);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'duplicate-website:a+a2',
        'duplicate-emc-id:a+b',
        'redirects-to-other-unit:b+c',
        'http-but-https:a',
        'unreachable:c',
      ]),
    );
  });

  it('keeps the schools of a province multi-tenant portal (one host, a folder each) apart from the portal', () => {
    const issues = registryChecks([
      { id: 'so', website: 'https://haiphong.edu.vn/', finalUrl: 'https://haiphong.edu.vn/Default.aspx', crawlStatus: 'ok' },
      {
        id: 't1',
        website: 'https://haiphong.edu.vn/thcs-hongbang/',
        finalUrl: 'https://haiphong.edu.vn/thcs-hongbang/',
        crawlStatus: 'ok',
      },
      {
        id: 't1b',
        website: 'https://haiphong.edu.vn/thcs-hongbang',
        finalUrl: 'https://haiphong.edu.vn/thcs-hongbang/trang-chu.html',
        crawlStatus: 'ok',
      },
      { id: 't2', website: 'https://haiphong.edu.vn/th-lequydon/', finalUrl: 'https://haiphong.edu.vn/', crawlStatus: 'ok' },
    ]);
    expect(issues.map((i) => `${i.kind}:${i.units.join('+')}`).sort()).toEqual([
      'duplicate-website:t1+t1b',
      'redirects-to-other-unit:t2+so',
    ]);
  });
});
