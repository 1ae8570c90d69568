// Province summary per unit type, accumulated unit by unit.
import type { Grade, UnitResult } from '../model/result.js';
import { GRADES } from '../model/result.js';
import { scoreForAverage } from './districts.js';
import type { UnitType } from '../model/unit.js';

export interface TypeSummary {
  type: UnitType;
  units: number;
  reachable: number;
  averageScore: number | null;
  grades: Record<Grade, number>;
}

export class TypeAggregator {
  private readonly acc = new Map<
    UnitType,
    { units: number; reachable: number; sum: number; scored: number; grades: Record<Grade, number> }
  >();

  add(u: UnitResult): void {
    let a = this.acc.get(u.type);
    if (!a) {
      a = { units: 0, reachable: 0, sum: 0, scored: 0, grades: Object.fromEntries(GRADES.map((g) => [g, 0])) as Record<Grade, number> };
      this.acc.set(u.type, a);
    }
    a.units += 1;
    if (u.crawl.status === 'ok') a.reachable += 1;
    const score = scoreForAverage(u);
    if (score !== undefined) {
      a.sum += score;
      a.scored += 1;
    }
    a.grades[u.grade] += 1;
  }

  summaries(): TypeSummary[] {
    return [...this.acc.entries()].map(([type, a]) => ({
      type,
      units: a.units,
      reachable: a.reachable,
      grades: a.grades,
      averageScore: a.scored ? Math.round((a.sum / a.scored) * 10) / 10 : null,
    }));
  }
}
