// Nightly runs are noisy (a school server down for a minute): units whose verdicts changed since the baseline
// (--recheck-changed) or that have unverified findings (--recheck-unverified) are fetched once more, later and
// more gently, and the later measurement is the one the run keeps, so only what holds is reported.
import type { RunResults, UnitResult } from '../model/result.js';

export interface RecheckPlan {
  changed: string[];
  unverified: string[];
}

const verdictKey = (u: Pick<UnitResult, 'crawl' | 'findings'>): string =>
  JSON.stringify([u.crawl.status, ...u.findings.map((f) => `${f.rule}:${f.status}`).sort()]);

/** Whether a unit needs a second look, and why. */
export function recheckReason(
  result: UnitResult,
  options: { recheckChanged: boolean; recheckUnverified: boolean },
  baseline: ReadonlyMap<string, UnitResult> | undefined,
): 'changed' | 'unverified' | undefined {
  if (options.recheckChanged && baseline) {
    const before = baseline.get(result.id);
    if (before && verdictKey(before) !== verdictKey(result)) return 'changed';
  }
  if (options.recheckUnverified && result.crawl.status !== 'no_website' && result.findings.some((f) => f.status === 'error'))
    return 'unverified';
  return undefined;
}

export const baselineIndex = (baseline: RunResults | undefined): Map<string, UnitResult> | undefined =>
  baseline ? new Map(baseline.units.map((u) => [u.id, u])) : undefined;

/** The gentler second pass: one request per host, a longer timeout, one more retry. */
export function gentler<T extends { perHost: number; timeout: number; retries: number; concurrency: number }>(options: T): T {
  return {
    ...options,
    perHost: 1,
    timeout: options.timeout * 2,
    retries: Math.min(5, options.retries + 1),
    concurrency: Math.min(4, options.concurrency),
  };
}
