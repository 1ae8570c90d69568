// The exit-code rules of `diff` and `audit --baseline/--fail-under`: which outcomes make a CI job fail.
import type { RunDiff } from './types.js';

export type FailOn = 'regressions' | 'malicious' | 'none';

/** regressions: anything worse; malicious: only new malicious content or a new off-site redirect; none: never. */
export function diffFails(diff: RunDiff, failOn: FailOn): boolean {
  if (failOn === 'none') return false;
  return failOn === 'malicious' ? diff.summary.maliciousUnits > 0 : diff.summary.regressedUnits > 0;
}

/** A run with no scored unit has not shown any score, so it does not meet a threshold either. */
export function scoreFails(averageScore: number | null, failUnder: number | undefined): boolean {
  return failUnder !== undefined && (averageScore === null || averageScore < failUnder);
}
