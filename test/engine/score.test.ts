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

  it('makes a unit Chưa đạt when a blocking rule fails, whatever its score', () => {
    const findings = [
      { rule: 'x', status: 'pass' as const, weight: 30 },
      { rule: 'y', status: 'fail' as const, weight: 3, blocking: true },
    ];
    const r = scoreUnit(findings);
    expect(r.score).toBeGreaterThan(90);
    expect(r.grade).toBe('Chưa đạt');
    expect(scoreUnit(findings.map((f) => ({ ...f, blocking: false }))).grade).toBe('Tốt');
  });

  it('takes weight and blocking from the rules’ meta (site-reachable and no-malicious-content block)', () => {
    const findings = [
      { rule: 'https', status: 'pass' as const },
      { rule: 'emc-tag', status: 'pass' as const },
      { rule: 'mobile-friendly', status: 'pass' as const },
    ];
    expect(scoreUnit(scoredFindings([...findings, { rule: 'redirect-offsite', status: 'fail' }], RULES)).grade).not.toBe('Chưa đạt');
    for (const blocking of ['site-reachable', 'no-malicious-content']) {
      const scored = scoredFindings([...findings, { rule: blocking, status: 'fail' }], RULES);
      expect(scored.at(-1)).toEqual({ rule: blocking, status: 'fail', weight: 3, blocking: true });
      expect(scoreUnit(scored).grade).toBe('Chưa đạt');
    }
  });

  it('gives no score and zero verified when nothing could be judged', () => {
    const r = scoreUnit([{ rule: 'a', status: 'error', weight: 2 }]);
    expect(r.score).toBeNull();
    expect(r.verified).toBe(0);
    expect(r.grade).toBe('Chưa đạt');
  });
});
