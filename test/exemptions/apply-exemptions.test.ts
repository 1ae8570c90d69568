import { describe, expect, it } from 'vitest';
import { planExemptions } from '../../src/exemptions/apply-exemptions.js';
import type { ExemptionEntry } from '../../src/exemptions/schema.js';
import type { Rule } from '../../src/model/rule.js';
import { scoreUnit } from '../../src/engine/score.js';
import { DistrictAggregator } from '../../src/aggregate/districts.js';
import { runResultsSchema } from '../../src/store/results-schema.js';
import { unit, run } from '../compare/synthetic.js';

const rule = (id: string, weight: number): Rule => ({ meta: { id, weight } }) as unknown as Rule;
const RULES = [rule('emc-tag', 3), rule('https', 2), rule('no-malicious-content', 3)];
const entry = (over: Partial<ExemptionEntry>): ExemptionEntry => ({
  unit: 'A',
  rule: 'emc-tag',
  reason: 'Chờ Sở cấp mã EMC',
  approvedBy: 'Trưởng phòng',
  until: '2027-06-30',
  source: 'ex.csv:2',
  ...over,
});
const NOW = new Date('2026-11-15T00:00:00Z');

describe('scoreUnit with exempt', () => {
  it('leaves exempt out of the score and of the verified share, like na', () => {
    const r = scoreUnit([
      { rule: 'a', status: 'pass', weight: 3 },
      { rule: 'b', status: 'exempt', weight: 5 },
      { rule: 'c', status: 'fail', weight: 1 },
    ]);
    expect(r.score).toBe(75);
    expect(r.verified).toBe(1);
    expect(r.grade).toBe('Khá');
  });
});

describe('planExemptions', () => {
  it('turns the finding into exempt, keeps the justification and re-scores the unit', () => {
    const plan = planExemptions([entry({})], { unitIds: ['A', 'B'], rules: RULES, now: NOW });
    const a = plan.apply(unit('A', { 'emc-tag': 'fail', https: 'pass', 'no-malicious-content': 'pass' }, { score: 62.5, grade: 'Đạt' }));
    const f = a.findings.find((x) => x.rule === 'emc-tag')!;
    expect(f.status).toBe('exempt');
    expect(f.exemption).toEqual({ reason: 'Chờ Sở cấp mã EMC', approvedBy: 'Trưởng phòng', until: '2027-06-30', originalStatus: 'fail' });
    expect(f.message).toBe('emc-tag fail'); // what the rule found is kept
    expect(a).toMatchObject({ score: 100, verified: 1, grade: 'Tốt' });
    expect(plan.warnings).toEqual([]);
  });

  it('leaves a pass alone and other units untouched', () => {
    const plan = planExemptions([entry({})], { unitIds: ['A', 'B'], rules: RULES, now: NOW });
    expect(plan.apply(unit('A', { 'emc-tag': 'pass' })).findings[0]!.status).toBe('pass');
    expect(plan.apply(unit('B', { 'emc-tag': 'fail' })).findings[0]!.status).toBe('fail');
  });

  it('applies an exemption on its last day, warns about expired ones, unknown units and unknown rules, and never applies them', () => {
    const warned: unknown[] = [];
    const plan = planExemptions(
      [
        entry({ until: '2026-11-15', source: 'ex.csv:2' }),
        entry({ unit: 'B', until: '2026-11-14', source: 'ex.csv:3' }),
        entry({ unit: 'Z', source: 'ex.csv:4' }),
        entry({ unit: 'B', rule: 'no-such-rule', source: 'ex.csv:5' }),
      ],
      { unitIds: ['A', 'B'], rules: RULES, now: NOW },
      { warn: (obj: unknown) => warned.push(obj) },
    );
    expect(plan.warnings.map((w) => [w.source, w.problem])).toEqual([
      ['ex.csv:3', 'expired'],
      ['ex.csv:4', 'unknown-unit'],
      ['ex.csv:5', 'unknown-rule'],
    ]);
    expect(plan.warnings[0]!.message).toContain('2026-11-14');
    expect(warned).toHaveLength(3);
    expect(plan.apply(unit('A', { 'emc-tag': 'fail' })).findings[0]!.status).toBe('exempt');
    expect(plan.apply(unit('B', { 'emc-tag': 'fail' })).findings[0]!.status).toBe('fail');
  });
});

describe('exempt in rollups and results.json', () => {
  it('counts exempt per district and validates with the results schema', () => {
    const plan = planExemptions([entry({})], { unitIds: ['A'], rules: RULES, now: NOW });
    const a = plan.apply(unit('A', { 'emc-tag': 'fail', https: 'pass' }));
    const agg = new DistrictAggregator();
    agg.add(a);
    const districts = agg.summaries();
    expect(districts[0]!.rules['emc-tag']).toEqual({ pass: 0, warn: 0, fail: 0, na: 0, error: 0, exempt: 1 });
    const results = { ...run([a]), districts };
    results.run.exemptionWarnings = [{ source: 'ex.csv:3', unit: 'B', rule: 'emc-tag', problem: 'expired', message: 'hết hạn' }];
    expect(runResultsSchema.safeParse(results).success).toBe(true);
  });

  it('still reads runs written before exempt existed', () => {
    const old = {
      ...run([unit('A', { 'emc-tag': 'fail' })]),
      districts: [
        {
          district: 'Quận 1',
          units: 1,
          reachable: 1,
          averageScore: 0,
          grades: { Tốt: 0, Khá: 0, Đạt: 0, 'Chưa đạt': 1 },
          rules: { 'emc-tag': { pass: 0, warn: 0, fail: 1, na: 0, error: 0 } },
        },
      ],
    };
    const parsed = runResultsSchema.safeParse(old);
    expect(parsed.success).toBe(true);
    expect(parsed.data?.districts[0]!.rules['emc-tag']!.exempt).toBe(0);
  });
});
