// The EMC review view of the 2024 evaluation (HP 2024 criteria 2.1, 2.2a–c): Có / Không per unit.
import type { UnitResult } from '../model/result.js';
import type { Status } from '../model/rule.js';

export const EMC_CRITERIA = [
  { key: '2.1', rule: 'emc-tag' },
  { key: '2.2a', rule: 'emc-label' },
  { key: '2.2b', rule: 'child-site-links' },
  { key: '2.2c', rule: 'parent-portal-link' },
] as const;

/** yes: the rule passed; no: it failed or only partly passed (the evaluation has no "partly"); else the status. */
export type EmcAnswer = { answer: 'yes' | 'no'; status: Status } | { answer: 'na' | 'unverified' | 'missing'; status?: Status };

export function emcAnswer(u: UnitResult, rule: string): EmcAnswer {
  const f = u.findings.find((x) => x.rule === rule);
  if (!f) return { answer: 'missing' };
  if (f.status === 'pass') return { answer: 'yes', status: 'pass' };
  if (f.status === 'fail' || f.status === 'warn') return { answer: 'no', status: 'fail' };
  return { answer: f.status === 'na' ? 'na' : 'unverified', status: f.status };
}
