// The rule contract: a plain object of metadata plus a pure judgement over artifacts (ESLint's meta + logic shape).
import type { ArtifactKey, Artifacts } from './artifacts.js';
import type { Unit, UnitType } from './unit.js';
import type { RulesConfig } from '../engine/rules-config.js';

/** `exempt`: an approved exemption (`--exemptions`) set the finding aside; left out of the score like `na`. */
export const STATUSES = ['pass', 'warn', 'fail', 'na', 'error', 'exempt'] as const;
export type Status = (typeof STATUSES)[number];

export interface Localized {
  vi: string;
  en: string;
}

/** One legal provision a rule rests on; `until` is set when the text stopped applying. */
export interface Basis {
  document: string;
  provision: string;
  /** ISO date the provision took effect. */
  from: string;
  until?: string;
}

export interface Evidence {
  url: string;
  selector?: string;
  /** ≤ 200 characters of website text; untrusted, reporters neutralise it. */
  excerpt?: string;
  /** The page as fetched, kept in the run directory (evidence/<sha256>.html.gz) when it decided the finding. */
  snapshot?: string;
}

export interface RuleMeta {
  /** kebab-case, equal to the file name in rules/. */
  id: string;
  /** The compliant state, and the failing one. */
  title: Localized;
  failureTitle: Localized;
  weight: number;
  appliesTo: readonly UnitType[] | 'all';
  basis: readonly Basis[];
  /** Artifacts the check reads; the collector gathers them and a missing one makes the finding `error`. */
  requires: readonly ArtifactKey[];
  /** Artifacts the check reads when present (e.g. `tls` is absent by design on an http-only site). */
  optional?: readonly ArtifactKey[];
  /** messageId → template with {placeholders}; tests assert ids, not wording. */
  messages: Record<string, Localized>;
}

/** Facts recorded for triage (not scored): platform, EMC site id… */
export type UnitFacts = Record<string, string | number | boolean>;

export interface RuleOutcome {
  status: Status;
  messageId: string;
  data?: Record<string, string | number>;
  evidence: Evidence[];
  facts?: UnitFacts;
}

export interface RegistryIndex {
  units: readonly Unit[];
  /** Units whose `parent` is on the given unit's website host. */
  childrenOf(unit: Unit): Unit[];
}

export interface RuleContext {
  /** The audit date (`--now`); rules never read the clock. */
  now: Date;
  config: RulesConfig;
  registry: RegistryIndex;
}

export interface Rule {
  meta: RuleMeta;
  check(artifacts: Artifacts, ctx: RuleContext): RuleOutcome;
}

/** The artifacts a rule receives once the runner has checked its `requires`: those keys are present. */
export type With<K extends ArtifactKey> = Artifacts & Required<Pick<Artifacts, K>>;
