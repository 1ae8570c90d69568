// Per-district rollup, accumulated unit by unit so memory does not grow with finished units' findings.
import type { DistrictSummary, Grade, StatusCounts, UnitResult } from '../model/result.js';
import { GRADES } from '../model/result.js';

const emptyCounts = (): StatusCounts => ({ pass: 0, warn: 0, fail: 0, na: 0, error: 0, exempt: 0 });

interface Acc {
  units: number;
  reachable: number;
  scoreSum: number;
  scored: number;
  grades: Record<Grade, number>;
  rules: Record<string, StatusCounts>;
}

/**
 * A unit "Chưa xác minh" is counted apart: its score rests on too few rules to move an average (docs/verdicts.md).
 * An unreachable or hijacked unit scores 0 and does count: it meets nothing.
 */
export function scoreForAverage(unit: Pick<UnitResult, 'score' | 'grade'>): number | undefined {
  return unit.score !== null && unit.grade !== 'Chưa xác minh' ? unit.score : undefined;
}

export class DistrictAggregator {
  private readonly byDistrict = new Map<string, Acc>();

  add(unit: UnitResult): void {
    const key = unit.district;
    let acc = this.byDistrict.get(key);
    if (!acc) {
      acc = {
        units: 0,
        reachable: 0,
        scoreSum: 0,
        scored: 0,
        grades: Object.fromEntries(GRADES.map((g) => [g, 0])) as Record<Grade, number>,
        rules: {},
      };
      this.byDistrict.set(key, acc);
    }
    acc.units += 1;
    if (unit.crawl.status === 'ok') acc.reachable += 1;
    const score = scoreForAverage(unit);
    if (score !== undefined) {
      acc.scoreSum += score;
      acc.scored += 1;
    }
    acc.grades[unit.grade] += 1;
    for (const f of unit.findings) {
      const counts = (acc.rules[f.rule] ??= emptyCounts());
      counts[f.status] += 1;
    }
  }

  summaries(): DistrictSummary[] {
    return [...this.byDistrict.entries()]
      .sort(([a], [b]) => a.localeCompare(b, 'vi'))
      .map(([district, acc]) => ({
        district,
        units: acc.units,
        reachable: acc.reachable,
        averageScore: acc.scored ? Math.round((acc.scoreSum / acc.scored) * 10) / 10 : null,
        grades: acc.grades,
        rules: acc.rules,
      }));
  }

  /** The whole run as one pseudo-district (for the console summary). */
  total(): DistrictSummary {
    const total: DistrictSummary = {
      district: '*',
      units: 0,
      reachable: 0,
      averageScore: null,
      grades: Object.fromEntries(GRADES.map((g) => [g, 0])) as Record<Grade, number>,
      rules: {},
    };
    let scoreSum = 0;
    let scored = 0;
    for (const acc of this.byDistrict.values()) {
      total.units += acc.units;
      total.reachable += acc.reachable;
      scoreSum += acc.scoreSum;
      scored += acc.scored;
      for (const g of GRADES) total.grades[g] += acc.grades[g];
      for (const [rule, counts] of Object.entries(acc.rules)) {
        const t = (total.rules[rule] ??= emptyCounts());
        for (const s of Object.keys(counts) as (keyof StatusCounts)[]) t[s] += counts[s];
      }
    }
    total.averageScore = scored ? Math.round((scoreSum / scored) * 10) / 10 : null;
    return total;
  }
}
