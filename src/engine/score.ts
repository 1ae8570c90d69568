// Unit score, verified share and grade, as requirements.md "Statuses and score" defines them.
import type { Grade } from '../model/result.js';
import type { Status } from '../model/rule.js';

export interface ScoredFinding {
  rule: string;
  status: Status;
  weight: number;
}

const CREDIT: Partial<Record<Status, number>> = { pass: 1, warn: 0.5, fail: 0 };

/** Rules whose failure makes the unit "Chưa đạt" whatever its score or verified share, in the order they are named. */
export const BLOCKING_RULES = ['site-reachable', 'redirect-offsite', 'no-malicious-content'];
/** Blocking rules whose failure also makes the score 0: the site met nothing, or what it showed was someone else's. */
const ZERO_SCORE_RULES = new Set(['site-reachable', 'redirect-offsite']);
/** Below this verified share a score says too little to grade (requirements: "Statuses and score"). */
export const MIN_VERIFIED_FOR_GRADE = 0.75;

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
  const blocking = BLOCKING_RULES.find((id) => findings.some((f) => f.rule === id && f.status === 'fail'));
  if (blocking) {
    const score = ZERO_SCORE_RULES.has(blocking) ? 0 : round1((100 * earned) / judgedWeight);
    return { score, verified, grade: 'Chưa đạt', blocking };
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
