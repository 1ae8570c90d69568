// Compares two runs unit by unit and rule by rule (issue 6 "Compare"). `error` (unverified) and `exempt` are
// neither a regression nor a fix: a site that timed out this time has not been shown to be worse.
import type { Grade, RunResults, UnitResult } from '../model/result.js';
import { GRADES } from '../model/result.js';
import { INCIDENTS, type Incident } from '../model/rule.js';
import { getRule } from '../../rules/index.js';
import { scoreForAverage } from '../aggregate/districts.js';
import type { Better, RuleChange, RunDiff, RunSide, UnitDiff, UnitSide, Was, Worse } from './types.js';

const isIncident = (kind: string): kind is Incident => (INCIDENTS as readonly string[]).includes(kind);

const isFailing = (s: Was): boolean => s === 'fail' || s === 'warn';
const isJudged = (s: Was): boolean => s === 'pass' || s === 'warn' || s === 'fail';
/** Order among judged statuses; a move between two of them is worse or better. */
const RANK: Partial<Record<Was, number>> = { fail: 0, warn: 1, pass: 2 };
/** Tốt > Khá > Đạt > Chưa đạt: GRADES is listed best first. */
const gradeRank = (g: Grade): number => GRADES.length - GRADES.indexOf(g);
/**
 * "Chưa xác minh" is outside that scale: too little was verified to grade, the way `error` is outside pass/fail.
 * A move to or from it is neither worse nor better (docs/verdicts.md); the rules that became `error` are listed.
 */
const onScale = (g: Grade): boolean => g !== 'Chưa xác minh';

/** Whose new failure is a security incident, not just a lapse (`--fail-on malicious`): the rules' meta says. */
const incidentOf = (rule: string): Incident | undefined => getRule(rule)?.meta.incident;

export function diffRuns(oldRun: RunResults, newRun: RunResults): RunDiff {
  const oldById = new Map(oldRun.units.map((u) => [u.id, u]));
  const newIds = new Set(newRun.units.map((u) => u.id));
  const diff: RunDiff = {
    schemaVersion: 1,
    old: side(oldRun),
    new: side(newRun),
    newFailures: [],
    fixed: [],
    persisting: [],
    unverifiedNow: [],
    exemptNow: [],
    units: [],
    added: newRun.units.filter((u) => !oldById.has(u.id)).map((u) => u.id),
    removed: oldRun.units.filter((u) => !newIds.has(u.id)).map((u) => u.id),
    summary: { regressedUnits: 0, maliciousUnits: 0, improvedUnits: 0 },
  };
  for (const after of newRun.units) {
    const before = oldById.get(after.id);
    if (!before) continue;
    const unit = diffUnit(before, after, diff);
    if (unit.worse.length || unit.better.length) diff.units.push(unit);
    if (unit.worse.length) diff.summary.regressedUnits += 1;
    if (unit.worse.some((w) => isIncident(w.kind))) diff.summary.maliciousUnits += 1;
    if (unit.better.length) diff.summary.improvedUnits += 1;
  }
  return diff;
}

function diffUnit(before: UnitResult, after: UnitResult, lists: RunDiff): UnitDiff {
  const was = new Map<string, Was>(before.findings.map((f) => [f.rule, f.status]));
  const worse: Worse[] = [];
  const better: Better[] = [];
  for (const f of after.findings) {
    const change: RuleChange = { unit: after.id, rule: f.rule, before: was.get(f.rule) ?? 'absent', after: f.status };
    classify(change, lists);
    const b = RANK[change.before];
    const a = RANK[change.after];
    if (b !== undefined && a !== undefined && a < b) worse.push({ kind: 'rule', rule: f.rule, before: change.before, after: change.after });
    if (b !== undefined && a !== undefined && a > b)
      better.push({ kind: 'rule', rule: f.rule, before: change.before, after: change.after });
    const incident = incidentOf(f.rule);
    // from unverified or absent too: a hacked site is news whatever we knew before; an exempt one was accepted
    if (incident && change.after === 'fail' && change.before !== 'fail' && change.before !== 'exempt') {
      worse.push({ kind: incident, rule: f.rule });
    }
  }
  const comparable = sameJudgedRules(before, after);
  if (comparable && before.score !== null && after.score !== null && before.score !== after.score) {
    (after.score < before.score ? worse : better).push({ kind: 'score', before: before.score, after: after.score });
  }
  if (comparable && before.grade !== after.grade && onScale(before.grade) && onScale(after.grade)) {
    (gradeRank(after.grade) < gradeRank(before.grade) ? worse : better).push({ kind: 'grade', before: before.grade, after: after.grade });
  }
  if (before.crawl.status === 'ok' && after.crawl.status !== 'ok')
    worse.push({ kind: 'site-down', before: before.crawl.status, after: after.crawl.status });
  if (before.crawl.status !== 'ok' && after.crawl.status === 'ok')
    better.push({ kind: 'site-up', before: before.crawl.status, after: after.crawl.status });
  return {
    id: after.id,
    name: after.name,
    district: after.district,
    before: unitSide(before),
    after: unitSide(after),
    comparable,
    worse,
    better,
  };
}

function classify(c: RuleChange, lists: RunDiff): void {
  if (isFailing(c.after)) {
    (isFailing(c.before) || c.before === 'exempt' ? lists.persisting : lists.newFailures).push(c);
  } else if (c.after === 'pass' && isFailing(c.before)) {
    lists.fixed.push(c);
  } else if (c.after === 'error' && c.before !== 'error') {
    lists.unverifiedNow.push(c);
  } else if (c.after === 'exempt' && c.before !== 'exempt') {
    lists.exemptNow.push(c);
  }
}

/** Scores compare only when both runs judged (pass/warn/fail) the same rules. */
function sameJudgedRules(a: UnitResult, b: UnitResult): boolean {
  const judged = (u: UnitResult): string =>
    u.findings
      .filter((f) => isJudged(f.status))
      .map((f) => f.rule)
      .sort()
      .join('\n');
  return judged(a) === judged(b);
}

const unitSide = (u: UnitResult): UnitSide => ({ score: u.score, grade: u.grade, crawl: u.crawl.status, verified: u.verified });

function side(run: RunResults): RunSide {
  const scores = run.units.map(scoreForAverage).filter((s): s is number => s !== undefined);
  return {
    startedAt: run.run.startedAt,
    now: run.run.now,
    ruleSetVersion: run.run.ruleSetVersion,
    units: run.units.length,
    averageScore: averageOf(scores),
  };
}

export function averageOf(scores: readonly number[]): number | null {
  return scores.length ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10 : null;
}
