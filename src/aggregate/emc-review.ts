// The EMC review view of the 2024 evaluation (HP 2024 criteria 2.1, 2.2a–c): Có / Không per unit.
import type { UnitResult } from '../model/result.js';
import { EMC_CRITERION_KEYS, type EmcCriterion, type Rule, type Status } from '../model/rule.js';
import { RULES } from '../../rules/index.js';

/** The review's criteria in its order, each with the rule whose meta names it (`emcCriterion`). */
export function emcCriteria(rules: readonly Rule[] = RULES): { key: EmcCriterion; rule: string }[] {
  return EMC_CRITERION_KEYS.flatMap((key) => rules.filter((r) => r.meta.emcCriterion === key).map((r) => ({ key, rule: r.meta.id })));
}

export const EMC_CRITERIA = emcCriteria();

/** yes: the rule passed; no: it failed or only partly passed (the evaluation has no "partly"); else the status. */
export type EmcAnswer = { answer: 'yes' | 'no'; status: Status } | { answer: 'na' | 'unverified' | 'missing'; status?: Status };

export function emcAnswer(u: UnitResult, rule: string): EmcAnswer {
  const f = u.findings.find((x) => x.rule === rule);
  if (!f) return { answer: 'missing' };
  if (f.status === 'pass') return { answer: 'yes', status: 'pass' };
  if (f.status === 'fail' || f.status === 'warn') return { answer: 'no', status: 'fail' };
  return { answer: f.status === 'na' ? 'na' : 'unverified', status: f.status };
}
