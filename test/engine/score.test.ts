import { describe, expect, it } from 'vitest';
import { gradeFor, scoreUnit } from '../../src/engine/score.js';

describe('scoreUnit (requirements.md "Statuses and score")', () => {
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

  it('makes a unit Chưa đạt when no-malicious-content fails, whatever its score, and names the rule', () => {
    const findings = [
      { rule: 'x', status: 'pass' as const, weight: 30 },
      { rule: 'no-malicious-content', status: 'fail' as const, weight: 3 },
    ];
    const r = scoreUnit(findings);
    expect(r.score).toBeGreaterThan(90);
    expect(r.grade).toBe('Chưa đạt');
    expect(r.blocking).toBe('no-malicious-content');
  });

  it('scores 0 a unit whose site-reachable or redirect-offsite fails, whatever else passed or was unverified', () => {
    for (const rule of ['site-reachable', 'redirect-offsite']) {
      const r = scoreUnit([{ rule, status: 'fail', weight: 3 }, { rule: 'https', status: 'pass', weight: 2 }, { rule: 'domain-edu-vn', status: 'pass', weight: 2 }, { rule: 'x', status: 'error', weight: 30 }]);
      expect([r.score, r.grade, r.blocking]).toEqual([0, 'Chưa đạt', rule]);
      expect(r.verified).toBeLessThan(0.75); // blocking decides even below the verified threshold
    }
  });

  it('a 20 %-verified unit is Chưa xác minh whatever its score', () => {
    const r = scoreUnit([{ rule: 'a', status: 'pass', weight: 2 }, { rule: 'b', status: 'error', weight: 8 }]);
    expect([r.score, r.verified, r.grade, r.blocking]).toEqual([100, 0.2, 'Chưa xác minh', undefined]);
  });

  it('grades from 75 % verified on', () => {
    expect(scoreUnit([{ rule: 'a', status: 'pass', weight: 3 }, { rule: 'b', status: 'error', weight: 1 }]).grade).toBe('Tốt');
    expect(scoreUnit([{ rule: 'a', status: 'pass', weight: 74 }, { rule: 'b', status: 'error', weight: 26 }]).grade).toBe('Chưa xác minh');
  });

  it('gives no score and zero verified when nothing could be judged: Chưa xác minh', () => {
    const r = scoreUnit([{ rule: 'a', status: 'error', weight: 2 }]);
    expect(r.score).toBeNull();
    expect(r.verified).toBe(0);
    expect(r.grade).toBe('Chưa xác minh');
  });
});
