import { describe, expect, it } from 'vitest';
import { diffRuns } from '../../src/compare/diff.js';
import { diffFails, scoreFails } from '../../src/compare/thresholds.js';
import { formatDiff } from '../../src/compare/format-diff.js';
import { run, unit } from './synthetic.js';

const ok = { 'site-reachable': 'pass', 'emc-tag': 'pass', 'no-malicious-content': 'pass', https: 'pass' } as const;

const before = run(
  [
    unit('lost-emc', { ...ok }),
    unit('hacked', { ...ok }),
    unit('fixed', { ...ok, https: 'fail' }, { score: 80, grade: 'Khá' }),
    unit('down', { ...ok }),
    unit('slipping', { ...ok, https: 'pass' }, { score: 92, grade: 'Tốt' }),
    unit('exempted', { ...ok, 'emc-tag': 'fail' }, { score: 70, grade: 'Đạt' }),
    unit('flaky', { ...ok }),
    unit('gone', { ...ok }),
  ],
  '2026-10-15T00:00:00.000Z',
);

const after = run([
  unit('lost-emc', { ...ok, 'emc-tag': 'fail' }, { score: 70, grade: 'Đạt' }),
  unit('hacked', { ...ok, 'no-malicious-content': 'fail' }, { score: 75, grade: 'Chưa đạt' }),
  unit('fixed', { ...ok }, { score: 100, grade: 'Tốt' }),
  unit(
    'down',
    { 'site-reachable': 'fail', 'emc-tag': 'error', 'no-malicious-content': 'error', https: 'error' },
    { score: 0, grade: 'Chưa đạt', crawl: { status: 'timeout', pages: 0, durationMs: 15000, error: 'timed out' } },
  ),
  unit('slipping', { ...ok, https: 'warn' }, { score: 85, grade: 'Khá' }),
  unit('exempted', { ...ok, 'emc-tag': 'exempt' }, { score: 100, grade: 'Tốt' }),
  unit('flaky', { ...ok, 'emc-tag': 'error' }, { score: 60, grade: 'Đạt', verified: 0.7 }),
  unit('new', { ...ok, 'emc-tag': 'fail' }),
]);

const diff = diffRuns(before, after);
const byId = new Map(diff.units.map((u) => [u.id, u]));

describe('diffRuns', () => {
  it('finds the lost EMC tag as a rule regression with its score and grade drop', () => {
    const u = byId.get('lost-emc')!;
    expect(u.worse).toEqual([
      { kind: 'rule', rule: 'emc-tag', before: 'pass', after: 'fail' },
      { kind: 'score', before: 100, after: 70 },
      { kind: 'grade', before: 'Tốt', after: 'Đạt' },
    ]);
    expect(diff.newFailures).toContainEqual({ unit: 'lost-emc', rule: 'emc-tag', before: 'pass', after: 'fail' });
  });

  it('flags new malicious content', () => {
    expect(byId.get('hacked')!.worse).toContainEqual({ kind: 'malicious', rule: 'no-malicious-content' });
    expect(diff.summary.maliciousUnits).toBe(1);
  });

  it('lists a fix as better, not worse', () => {
    const u = byId.get('fixed')!;
    expect(u.worse).toEqual([]);
    expect(u.better).toContainEqual({ kind: 'rule', rule: 'https', before: 'fail', after: 'pass' });
    expect(u.better).toContainEqual({ kind: 'grade', before: 'Khá', after: 'Tốt' });
    expect(diff.fixed).toEqual([{ unit: 'fixed', rule: 'https', before: 'fail', after: 'pass' }]);
  });

  it('reports a site that went down, its unverified rules separately, and no score comparison', () => {
    const u = byId.get('down')!;
    expect(u.worse).toContainEqual({ kind: 'site-down', before: 'ok', after: 'timeout' });
    expect(u.worse).toContainEqual({ kind: 'rule', rule: 'site-reachable', before: 'pass', after: 'fail' });
    expect(u.comparable).toBe(false);
    expect(u.worse.some((w) => w.kind === 'score' || w.kind === 'grade')).toBe(false);
    expect(diff.unverifiedNow.filter((c) => c.unit === 'down').map((c) => c.rule)).toEqual(['emc-tag', 'no-malicious-content', 'https']);
  });

  it('counts pass → warn as worse, with the score and grade drop', () => {
    expect(byId.get('slipping')!.worse).toEqual([
      { kind: 'rule', rule: 'https', before: 'pass', after: 'warn' },
      { kind: 'score', before: 92, after: 85 },
      { kind: 'grade', before: 'Tốt', after: 'Khá' },
    ]);
  });

  it('treats exempt and unverified as neither regression nor fix', () => {
    expect(byId.has('exempted')).toBe(false);
    expect(diff.exemptNow).toEqual([{ unit: 'exempted', rule: 'emc-tag', before: 'fail', after: 'exempt' }]);
    expect(diff.fixed.some((c) => c.unit === 'exempted')).toBe(false);
    expect(byId.has('flaky')).toBe(false); // pass → error and a lower score over fewer rules: not a regression
    expect(diff.unverifiedNow).toContainEqual({ unit: 'flaky', rule: 'emc-tag', before: 'pass', after: 'error' });
  });

  it('lists added and removed units without judging them', () => {
    expect(diff.added).toEqual(['new']);
    expect(diff.removed).toEqual(['gone']);
    expect(byId.has('new')).toBe(false);
    expect(diff.summary).toEqual({ regressedUnits: 4, maliciousUnits: 1, improvedUnits: 1 });
  });

  it('compares the average scores of the runs', () => {
    expect(diff.old.averageScore).toBe(92.8);
    expect(diff.new.averageScore).toBe(73.8);
  });

  it('treats a move to or from Chưa xác minh as neither worse nor better (it is off the grade scale)', () => {
    const graded = unit('a', { 'emc-tag': 'pass', https: 'pass' }, { score: 100, grade: 'Tốt' });
    const thin = unit(
      'a',
      { 'emc-tag': 'pass', https: 'pass', 'menu-cong-khai': 'error' },
      { score: 100, grade: 'Chưa xác minh', verified: 0.4 },
    );
    for (const [b, a] of [
      [graded, thin],
      [thin, graded],
    ] as const) {
      const d = diffRuns(run([b]), run([a]));
      expect(d.units).toEqual([]);
      expect(d.summary).toMatchObject({ regressedUnits: 0, improvedUnits: 0 });
    }
  });

  it('counts an exemption that ended as a persisting failure, not a new one', () => {
    const d = diffRuns(run([unit('a', { 'emc-tag': 'exempt' })]), run([unit('a', { 'emc-tag': 'fail' })]));
    expect(d.persisting).toEqual([{ unit: 'a', rule: 'emc-tag', before: 'exempt', after: 'fail' }]);
    expect(d.summary.regressedUnits).toBe(0);
  });

  it('flags a new off-site redirect as malicious', () => {
    const d = diffRuns(run([unit('a', { 'redirect-offsite': 'pass' })]), run([unit('a', { 'redirect-offsite': 'fail' })]));
    expect(d.units[0]!.worse).toContainEqual({ kind: 'offsite', rule: 'redirect-offsite' });
    expect(diffFails(d, 'malicious')).toBe(true);
  });
});

describe('thresholds', () => {
  it('fails on regressions, on malicious only, or never', () => {
    expect(diffFails(diff, 'regressions')).toBe(true);
    expect(diffFails(diff, 'malicious')).toBe(true);
    expect(diffFails(diff, 'none')).toBe(false);
    const onlyEmc = diffRuns(run([unit('a', { ...ok })]), run([unit('a', { ...ok, 'emc-tag': 'fail' })]));
    expect(diffFails(onlyEmc, 'regressions')).toBe(true);
    expect(diffFails(onlyEmc, 'malicious')).toBe(false);
  });

  it('checks --fail-under against the average score', () => {
    expect(scoreFails(72.2, 80)).toBe(true);
    expect(scoreFails(72.2, 70)).toBe(false);
    expect(scoreFails(80, 80)).toBe(false);
    expect(scoreFails(null, 10)).toBe(true);
    expect(scoreFails(10, undefined)).toBe(false);
  });
});

describe('formatDiff', () => {
  it('prints a Vietnamese table of the units that got worse', () => {
    const text = formatDiff(diff, { lang: 'vi', oldName: 'cu', newName: 'moi' });
    expect(text).toContain('So sánh: cu (2026-10-15) → moi (2026-11-15)');
    expect(text).toMatch(/Xấu đi: 4 đơn vị \(1 có nội dung độc hại/);
    expect(text).toMatch(/lost-emc\s+Trường lost-emc\s+100 → 70\s+Tốt → Đạt\s+emc-tag: Đạt → Chưa đạt/);
    expect(text).toContain('NỘI DUNG ĐỘC HẠI MỚI');
    expect(text).toMatch(/Chưa xác minh lần này \(không tính là xấu đi hay tốt lên\):\n {2}down {2}emc-tag, no-malicious-content, https/);
    expect(text).toContain('Đơn vị mới: new');
    expect(text.normalize('NFC')).toBe(text);
  });

  it('prints English with --lang en and caps long tables', () => {
    const text = formatDiff(diff, { lang: 'en', limit: 1 });
    expect(text).toContain('Worse: 4 units');
    expect(text).toContain('emc-tag: Pass → Fail');
    expect(text).toContain('and 3 more units');
  });
});
