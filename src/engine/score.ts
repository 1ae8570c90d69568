// Unit score, verified share and grade, as requirements.md "Statuses and score" defines them.
import type { Grade } from '../model/result.js';
import type { Status } from '../model/rule.js';

export interface ScoredFinding {
  rule: string;
  status: Status;
  weight: number;
}

const CREDIT: Partial<Record<Status, number>> = { pass: 1, warn: 0.5, fail: 0 };

/** Rules whose failure makes the unit "Chưa đạt" whatever its score. */
export const BLOCKING_RULES = ['site-reachable', 'no-malicious-content'];

export function scoreUnit(findings: readonly ScoredFinding[]): { score: number | null; verified: number; grade: Grade } {
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
  const score = judgedWeight > 0 ? round1((100 * earned) / judgedWeight) : null;
  const verified = applicableWeight > 0 ? round3(judgedWeight / applicableWeight) : 0;
  const blocked = findings.some((f) => BLOCKING_RULES.includes(f.rule) && f.status === 'fail');
  return { score, verified, grade: blocked || score === null ? 'Chưa đạt' : gradeFor(score) };
}

export function gradeFor(score: number): Grade {
  if (score >= 90) return 'Tốt';
  if (score >= 75) return 'Khá';
  if (score >= 50) return 'Đạt';
  return 'Chưa đạt';
}

const round1 = (n: number): number => Math.round(n * 10) / 10;
const round3 = (n: number): number => Math.round(n * 1000) / 1000;
