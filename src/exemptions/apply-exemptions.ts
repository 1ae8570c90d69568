// Decides which exemptions hold for a run (known unit, known rule, not expired at the audit date) and applies them
// to judged units: the finding becomes `exempt`, keeps its message and evidence, and the unit is re-scored.
import type { Logger } from 'pino';
import type { ExemptionWarning, UnitResult } from '../model/result.js';
import type { Rule, Status } from '../model/rule.js';
import { scoreUnit, scoredFindings } from '../engine/score.js';
import type { ExemptionEntry } from './schema.js';

/** Statuses an exemption sets aside; a pass or an `na` needs none and is left as judged. */
const EXEMPTIBLE: readonly Status[] = ['fail', 'warn', 'error'];

export interface ExemptionPlan {
  warnings: ExemptionWarning[];
  /** Applies the unit's exemptions in place and returns it. */
  apply(unit: UnitResult): UnitResult;
}

export function planExemptions(
  entries: readonly ExemptionEntry[],
  run: { unitIds: Iterable<string>; rules: readonly Rule[]; now: Date },
  logger?: Pick<Logger, 'warn'>,
): ExemptionPlan {
  const units = new Set(run.unitIds);
  const weights = new Map(run.rules.map((r) => [r.meta.id, r.meta.weight]));
  const today = run.now.toISOString().slice(0, 10);
  const warnings: ExemptionWarning[] = [];
  const byUnit = new Map<string, Map<string, ExemptionEntry>>();
  for (const e of entries) {
    const warning = problemOf(e, units, weights, today);
    if (warning) {
      warnings.push(warning);
      logger?.warn({ source: e.source, unit: e.unit, rule: e.rule, problem: warning.problem }, warning.message);
      continue;
    }
    let rules = byUnit.get(e.unit);
    if (!rules) byUnit.set(e.unit, (rules = new Map()));
    rules.set(e.rule, e);
  }
  return {
    warnings,
    apply(unit) {
      const mine = byUnit.get(unit.id);
      if (!mine) return unit;
      let changed = false;
      for (const f of unit.findings) {
        const e = mine.get(f.rule);
        if (!e || !EXEMPTIBLE.includes(f.status)) continue;
        f.exemption = { reason: e.reason, approvedBy: e.approvedBy, until: e.until, originalStatus: f.status };
        f.status = 'exempt';
        changed = true;
      }
      if (changed) {
        const { blocking, ...scored } = scoreUnit(scoredFindings(unit.findings, run.rules));
        Object.assign(unit, scored);
        if (blocking) unit.blocking = blocking;
        else delete unit.blocking;
      }
      return unit;
    },
  };
}

function problemOf(
  e: ExemptionEntry,
  units: ReadonlySet<string>,
  rules: ReadonlyMap<string, number>,
  today: string,
): ExemptionWarning | undefined {
  const base = { source: e.source, unit: e.unit, rule: e.rule };
  if (!units.has(e.unit)) {
    return {
      ...base,
      problem: 'unknown-unit',
      message: `${e.source}: miễn trừ không áp dụng, không có đơn vị ${e.unit} trong danh sách / exemption not applied: no unit ${e.unit} in the registry`,
    };
  }
  if (!rules.has(e.rule)) {
    return {
      ...base,
      problem: 'unknown-rule',
      message: `${e.source}: miễn trừ không áp dụng, quy tắc ${e.rule} không có trong lần chạy này / exemption not applied: rule ${e.rule} is not in this run`,
    };
  }
  if (e.until < today) {
    return {
      ...base,
      problem: 'expired',
      message: `${e.source}: miễn trừ ${e.unit}/${e.rule} đã hết hạn ngày ${e.until} / exemption expired on ${e.until}`,
    };
  }
  return undefined;
}
