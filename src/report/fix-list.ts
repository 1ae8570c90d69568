// What to fix first, for a unit's scorecard (`check` in the terminal, the PDF scorecard): the failing and partial
// criteria, the blocking rule first (nothing else counts until it is fixed), then by how much each would raise the
// score (weight × missing credit).
import type { Finding, UnitResult } from '../model/result.js';
import type { Rule } from '../model/rule.js';

export interface FixItem {
  finding: Finding;
  rule: Rule | undefined;
  gain: number;
}

export function fixList(unit: UnitResult, byId: ReadonlyMap<string, Rule>): FixItem[] {
  return unit.findings
    .filter((f) => f.status === 'fail' || f.status === 'warn')
    .map((f) => ({ finding: f, rule: byId.get(f.rule), gain: (byId.get(f.rule)?.meta.weight ?? 0) * (f.status === 'fail' ? 1 : 0.5) }))
    .sort((a, b) => Number(b.finding.rule === unit.blocking) - Number(a.finding.rule === unit.blocking) || b.gain - a.gain);
}
