// Unit score, verified share and grade, as docs/catalogue.md "Statuses and score" defines them.
import type { Grade } from '../model/result.js';
import { UNIT_CONDITIONS, type Rule, type RuleMeta, type Status } from '../model/rule.js';

export interface ScoredFinding {
  rule: string;
  status: Status;
  weight: number;
  /** The rule's meta.blocking: a failure makes the unit "Chưa đạt" whatever its score. */
  blocking?: RuleMeta['blocking'];
}

const CREDIT: Partial<Record<Status, number>> = { pass: 1, warn: 0.5, fail: 0 };

/** What scoring needs of each finding's rule: its weight and whether (and how) it blocks. */
export function scoredFindings(findings: readonly { rule: string; status: Status }[], rules: readonly Rule[]): ScoredFinding[] {
  const byId = new Map(rules.map((r) => [r.meta.id, r.meta]));
  return findings.map((f) => {
    const meta = byId.get(f.rule);
    return { rule: f.rule, status: f.status, weight: meta?.weight ?? 0, ...(meta?.blocking ? { blocking: meta.blocking } : {}) };
  });
}

/** Below this verified share a score says too little to grade (docs/catalogue.md, "Statuses and score"). */
export const MIN_VERIFIED_FOR_GRADE = 0.75;

/** Blocking rules that set a condition first, in the order of the conditions, then the others as listed. */
const blockingRank = (b: NonNullable<RuleMeta['blocking']>): number =>
  b.condition ? UNIT_CONDITIONS.indexOf(b.condition) : UNIT_CONDITIONS.length;

/** The failed blocking finding the unit is named by, if any. */
function failedBlocking(findings: readonly ScoredFinding[]): ScoredFinding | undefined {
  let best: ScoredFinding | undefined;
  for (const f of findings) {
    if (!f.blocking || f.status !== 'fail') continue;
    if (!best || blockingRank(f.blocking) < blockingRank(best.blocking!)) best = f;
  }
  return best;
}

export interface UnitScore {
  score: number | null;
  verified: number;
  grade: Grade;
  /** The blocking rule the unit failed, if any. */
  blocking?: string;
}

export function scoreUnit(findings: readonly ScoredFinding[]): UnitScore {
  let judgedWeight = 0;
  let earned = 0;
  let applicableWeight = 0;
  for (const f of findings) {
    if (f.status === 'na' || f.status === 'exempt') continue; // exempt: set aside by an approved exemption
    applicableWeight += f.weight;
    const credit = CREDIT[f.status];
    if (credit === undefined) continue; // error: unverified, out of the score
    judgedWeight += f.weight;
    earned += f.weight * credit;
  }
  const verified = applicableWeight > 0 ? round3(judgedWeight / applicableWeight) : 0;
  const blocking = failedBlocking(findings);
  if (blocking) {
    // the site met nothing, or what it showed was someone else's: nothing it showed earns credit
    const score = blocking.blocking!.condition ? 0 : round1((100 * earned) / judgedWeight);
    return { score, verified, grade: 'Chưa đạt', blocking: blocking.rule };
  }
  const score = judgedWeight > 0 ? round1((100 * earned) / judgedWeight) : null;
  if (score === null || verified < MIN_VERIFIED_FOR_GRADE) return { score, verified, grade: 'Chưa xác minh' };
  return { score, verified, grade: gradeFor(score) };
}

/** The grade a fully enough verified score earns. */
export function gradeFor(score: number): Grade {
  if (score >= 90) return 'Tốt';
  if (score >= 75) return 'Khá';
  if (score >= 50) return 'Đạt';
  return 'Chưa đạt';
}

const round1 = (n: number): number => Math.round(n * 10) / 10;
const round3 = (n: number): number => Math.round(n * 1000) / 1000;
