// Unit score, verified share and grade, as docs/catalogue.md "Statuses and score" defines them.
import type { Grade } from '../model/result.js';
import type { Rule, Status } from '../model/rule.js';

export interface ScoredFinding {
  rule: string;
  status: Status;
  weight: number;
  /** The rule is blocking (its meta says so): a failure makes the unit "Chưa đạt" whatever its score. */
  blocking?: boolean;
}

const CREDIT: Partial<Record<Status, number>> = { pass: 1, warn: 0.5, fail: 0 };

/** What scoring needs of each finding's rule: its weight and whether it blocks. */
export function scoredFindings(findings: readonly { rule: string; status: Status }[], rules: readonly Rule[]): ScoredFinding[] {
  const byId = new Map(rules.map((r) => [r.meta.id, r.meta]));
  return findings.map((f) => {
    const meta = byId.get(f.rule);
    return { rule: f.rule, status: f.status, weight: meta?.weight ?? 0, ...(meta?.blocking ? { blocking: true } : {}) };
  });
}

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
  const blocked = findings.some((f) => f.blocking === true && f.status === 'fail');
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
