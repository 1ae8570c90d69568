// What `diffRuns` returns (diff.json, `edu-audit diff --json`): changes keyed by unit id × rule, and per unit
// what got worse and what got better.
import type { CrawlStatus } from '../model/artifacts.js';
import type { Grade } from '../model/result.js';
import type { Incident, Status } from '../model/rule.js';

/** A finding's status in one run; `absent` when the unit was not judged on that rule there. */
export type Was = Status | 'absent';

export interface RuleChange {
  unit: string;
  rule: string;
  before: Was;
  after: Was;
}

/** One thing that got worse; an incident (`malicious`, `offsite`: the rule's meta) is what `--fail-on malicious` counts. */
export type Worse =
  | { kind: 'rule'; rule: string; before: Was; after: Was }
  | { kind: 'score'; before: number; after: number }
  | { kind: 'grade'; before: Grade; after: Grade }
  | { kind: Incident; rule: string }
  | { kind: 'site-down'; before: CrawlStatus; after: CrawlStatus };

export type Better =
  | { kind: 'rule'; rule: string; before: Was; after: Was }
  | { kind: 'score'; before: number; after: number }
  | { kind: 'grade'; before: Grade; after: Grade }
  | { kind: 'site-up'; before: CrawlStatus; after: CrawlStatus };

export interface UnitSide {
  score: number | null;
  grade: Grade;
  crawl: CrawlStatus;
  verified: number;
}

export interface UnitDiff {
  id: string;
  name: string;
  district: string;
  before: UnitSide;
  after: UnitSide;
  /** False when the judged rules differ (a rule became or stopped being unverified/exempt): score and grade
   *  changes are then shown but are neither a regression nor an improvement. */
  comparable: boolean;
  worse: Worse[];
  better: Better[];
}

export interface RunSide {
  startedAt: string;
  now: string;
  ruleSetVersion: string;
  units: number;
  averageScore: number | null;
}

export interface RunDiff {
  schemaVersion: 1;
  old: RunSide;
  new: RunSide;
  /** fail/warn now; pass, na, error or absent before. */
  newFailures: RuleChange[];
  /** fail/warn before, pass now. */
  fixed: RuleChange[];
  /** fail/warn (or exempt) before, fail/warn now. */
  persisting: RuleChange[];
  /** `error` now and not before: could not be verified, so neither a regression nor a fix. */
  unverifiedNow: RuleChange[];
  /** `exempt` now and not before: set aside by an approved exemption, neither a regression nor a fix. */
  exemptNow: RuleChange[];
  /** Units present in both runs with something worse or better, in the new run's order. */
  units: UnitDiff[];
  added: string[];
  removed: string[];
  summary: {
    /** Units with anything in `worse`. */
    regressedUnits: number;
    /** Units with new malicious content or a new off-site redirect. */
    maliciousUnits: number;
    improvedUnits: number;
  };
}
