import { describe, expect, it } from 'vitest';
import { gradeFor, scoreUnit, scoredFindings } from '../../src/engine/score.js';
import { RULES } from '../../rules/index.js';

describe('scoreUnit (docs/catalogue.md "Statuses and score")', () => {
  it('weights pass 1, warn 0.5, fail 0 and leaves na and error out of the score', () => {
    const r = scoreUnit([
      { rule: 'a', status: 'pass', weight: 3 },
      { rule: 'b', status: 'warn', weight: 2 },
      { rule: 'c', status: 'fail', weight: 1 },
      { rule: 'd', status: 'na', weight: 5 },
      { rule: 'e', status: 'error', weight: 2 },
    ]);
    // (3 + 1) / 6 = 66.7; verified = 6 / 8
    expect(r.score).toBe(66.7);
    expect(r.verified).toBe(0.75);
    expect(r.grade).toBe('Đạt');
  });

  it('grades at the thresholds 90 / 75 / 50', () => {
    expect([gradeFor(90), gradeFor(89.9), gradeFor(75), gradeFor(50), gradeFor(49.9)]).toEqual(['Tốt', 'Khá', 'Khá', 'Đạt', 'Chưa đạt']);
  });

  it('makes a unit Chưa đạt when a blocking rule fails, whatever its score, and names the rule', () => {
    const findings = [
      { rule: 'x', status: 'pass' as const, weight: 30 },
      { rule: 'y', status: 'fail' as const, weight: 3, blocking: {} },
    ];
    const r = scoreUnit(findings);
    expect(r.score).toBeGreaterThan(90);
    expect(r.grade).toBe('Chưa đạt');
    expect(r.blocking).toBe('y');
    expect(scoreUnit(findings.map(({ blocking: _b, ...f }) => f)).grade).toBe('Tốt');
  });

  it('takes weight and blocking from the rules’ meta (site-reachable, redirect-offsite and no-malicious-content block)', () => {
    const findings = [
      { rule: 'https', status: 'pass' as const },
      { rule: 'emc-tag', status: 'pass' as const },
      { rule: 'mobile-friendly', status: 'pass' as const },
    ];
    expect(scoreUnit(scoredFindings([...findings, { rule: 'emc-label', status: 'fail' }], RULES)).grade).not.toBe('Chưa đạt');
    for (const blocking of ['site-reachable', 'redirect-offsite', 'no-malicious-content']) {
      const scored = scoredFindings([...findings, { rule: blocking, status: 'fail' }], RULES);
      expect(scored.at(-1)).toMatchObject({ rule: blocking, status: 'fail', blocking: {} });
      const r = scoreUnit(scored);
      expect([r.grade, r.blocking]).toEqual(['Chưa đạt', blocking]);
    }
  });

  it('scores 0 a unit whose site-reachable or redirect-offsite fails, whatever else passed or was unverified', () => {
    for (const rule of ['site-reachable', 'redirect-offsite']) {
      const r = scoreUnit(
        scoredFindings(
          [
            { rule, status: 'fail' },
            { rule: 'https', status: 'pass' },
            { rule: 'domain-edu-vn', status: 'pass' },
            { rule: 'emc-tag', status: 'error' },
            { rule: 'emc-label', status: 'error' },
          ],
          RULES,
        ),
      );
      expect([r.score, r.grade, r.blocking]).toEqual([0, 'Chưa đạt', rule]);
      expect(r.verified).toBeLessThan(0.75); // blocking decides even below the verified threshold
    }
    // no-malicious-content blocks the grade but keeps the score of what the site showed
    const r = scoreUnit(
      scoredFindings(
        [
          { rule: 'no-malicious-content', status: 'fail' },
          { rule: 'https', status: 'pass' },
        ],
        RULES,
      ),
    );
    expect([r.score, r.grade]).toEqual([40, 'Chưa đạt']);
  });

  it('names the blocking rule in the catalogue’s order when several fail: unreachable, then off-site, then the others', () => {
    const name = (...rules: string[]) =>
      scoreUnit(
        scoredFindings(
          rules.map((rule) => ({ rule, status: 'fail' as const })),
          RULES,
        ),
      ).blocking;
    expect(name('no-malicious-content', 'redirect-offsite', 'site-reachable')).toBe('site-reachable');
    expect(name('no-malicious-content', 'redirect-offsite')).toBe('redirect-offsite');
    expect(name('redirect-offsite', 'no-malicious-content')).toBe('redirect-offsite');
    expect(name('site-reachable', 'redirect-offsite')).toBe('site-reachable');
    expect(
      scoreUnit(
        scoredFindings(
          [
            { rule: 'no-malicious-content', status: 'fail' },
            { rule: 'redirect-offsite', status: 'fail' },
          ],
          RULES,
        ),
      ).score,
    ).toBe(0);
  });

  it('a 20 %-verified unit is Chưa xác minh whatever its score', () => {
    const r = scoreUnit([
      { rule: 'a', status: 'pass', weight: 2 },
      { rule: 'b', status: 'error', weight: 8 },
    ]);
    expect([r.score, r.verified, r.grade, r.blocking]).toEqual([100, 0.2, 'Chưa xác minh', undefined]);
  });

  it('grades from 75 % verified on', () => {
    expect(
      scoreUnit([
        { rule: 'a', status: 'pass', weight: 3 },
        { rule: 'b', status: 'error', weight: 1 },
      ]).grade,
    ).toBe('Tốt');
    expect(
      scoreUnit([
        { rule: 'a', status: 'pass', weight: 74 },
        { rule: 'b', status: 'error', weight: 26 },
      ]).grade,
    ).toBe('Chưa xác minh');
  });

  it('gives no score and zero verified when nothing could be judged: Chưa xác minh', () => {
    const r = scoreUnit([{ rule: 'a', status: 'error', weight: 2 }]);
    expect(r.score).toBeNull();
    expect(r.verified).toBe(0);
    expect(r.grade).toBe('Chưa xác minh');
  });
});
