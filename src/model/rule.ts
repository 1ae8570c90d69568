// The rule contract: a plain object of metadata plus a pure judgement over artifacts (ESLint's meta + logic shape).
import type { ArtifactKey, Artifacts } from './artifacts.js';
import type { Unit, UnitType } from './unit.js';
import type { RuleOptions, RuleOptionsShape, RulesConfig, SharedRulesConfig } from '../engine/rules-config.js';

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

export interface RuleMeta<
  R extends ArtifactKey = ArtifactKey,
  O extends ArtifactKey = ArtifactKey,
  S extends RuleOptionsShape = RuleOptionsShape,
> {
  /** kebab-case, equal to the file name in rules/. */
  id: string;
  /** The compliant state, and the failing one. */
  title: Localized;
  failureTitle: Localized;
  weight: number;
  appliesTo: readonly UnitType[] | 'all';
  basis: readonly Basis[];
  /**
   * Artifacts the check reads; the collector gathers them and a missing one makes the finding `error`. The check
   * receives these (non-optional), `optional` ones (possibly absent) and `unit`, and nothing else.
   */
  requires: readonly R[];
  /** Artifacts the check reads when present (e.g. `tls` is absent by design on an http-only site). */
  optional?: readonly O[];
  /**
   * The rule's own options (zod fields with the catalogue's defaults), under their names in the rules config
   * (`rules` of `--config`); the shared data of several rules is in src/engine/rules-config.ts.
   */
  options?: S;
  /** messageId → template with {placeholders}; tests assert ids, not wording. */
  messages: Record<string, Localized>;
  /**
   * Words for the codes the check puts in message data (data key → code → words), so a message reads "nội dung ẩn"
   * where results.json keeps `hidden`; reports re-render with them in their own language.
   */
  words?: Readonly<Record<string, Readonly<Record<string, Localized>>>>;
  /**
   * A failure makes the unit "Chưa đạt" whatever its score or verified share (the catalogue's blocking rules). With
   * `condition`, the failure also puts the unit in that condition (src/engine/unit-verdict.ts): the site met nothing
   * or showed someone else's pages, so the score is 0 and the page rules are set aside. When several fail, the unit
   * names the one whose condition comes first in UNIT_CONDITIONS, then one without a condition.
   */
  blocking?: { condition?: BlockingCondition };
  /** The unit conditions under which this rule's own verdict stands; under the others it becomes `error`. */
  judgedUnder?: readonly UnitCondition[];
  /** A new failure is a security incident of this kind, not just a lapse: `diff` names it, `--fail-on malicious` counts it. */
  incident?: Incident;
  /** The criterion of the 2024 EMC review (HP 2024 criteria 2.1, 2.2a–c) this rule answers, in the review's order. */
  emcCriterion?: EmcCriterion;
}

/**
 * What a unit's own state can do to its findings (src/engine/unit-verdict.ts): a site that does not answer, a home
 * page that leaves the unit's site, a script shell nobody rendered. In the order they take precedence.
 */
export const UNIT_CONDITIONS = ['unreachable', 'offsite', 'scriptShell'] as const;
export type UnitCondition = (typeof UNIT_CONDITIONS)[number];
/** The conditions a blocking rule's failure sets; a script shell is read from the page, not from a rule. */
export type BlockingCondition = Exclude<UnitCondition, 'scriptShell'>;

export const INCIDENTS = ['malicious', 'offsite'] as const;
export type Incident = (typeof INCIDENTS)[number];
export const EMC_CRITERION_KEYS = ['2.1', '2.2a', '2.2b', '2.2c'] as const;
export type EmcCriterion = (typeof EMC_CRITERION_KEYS)[number];

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

export interface RuleContext<C = RulesConfig> {
  /** The audit date (`--now`); rules never read the clock. */
  now: Date;
  config: C;
  registry: RegistryIndex;
}

/**
 * What a rule's check receives: the unit, its required artifacts (present, the runner saw to it), its optional ones
 * (maybe absent) and no other key, so reading an undeclared artifact fails to compile (and is absent at run time).
 */
export type RuleArtifacts<R extends ArtifactKey, O extends ArtifactKey = never> = { readonly unit: Unit } & ('home' extends R | O
  ? HomeQualifier
  : unknown) & { readonly [K in R]-?: NonNullable<Artifacts[K]> } & { readonly [K in Exclude<O, R>]?: Artifacts[K] };

/** What comes with `home`: whether it is a browser's DOM (not an artifact a rule asks for, a fact about `home`). */
type HomeQualifier = { readonly rendered?: Artifacts['rendered'] };

/** The artifacts the runner hands to any rule: `unit` and whichever declared keys were collected. */
export type DeclaredArtifacts = { readonly unit: Unit } & HomeQualifier & { readonly [K in ArtifactKey]?: Artifacts[K] };

/** A rule as the registry and the runner see it (its declared keys erased). Build one with `defineRule`. */
export interface Rule {
  meta: RuleMeta;
  check(artifacts: DeclaredArtifacts, ctx: RuleContext): RuleOutcome;
}

/** The rules config a rule's check sees: the shared data and its own options (the others' are not its business). */
export type RuleConfig<S extends RuleOptionsShape> = SharedRulesConfig & RuleOptions<S>;

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- a rule without options of its own
type NoOptions = {};

export interface RuleDefinition<R extends ArtifactKey, O extends ArtifactKey, S extends RuleOptionsShape> {
  meta: RuleMeta<R, O, S>;
  check(artifacts: RuleArtifacts<R, O>, ctx: RuleContext<RuleConfig<S>>): RuleOutcome;
}

/** A rule as `defineRule` returns it: the registry's Rule, keeping the type of its own options. */
export interface DefinedRule<S extends RuleOptionsShape = NoOptions> extends Rule {
  meta: RuleMeta<ArtifactKey, ArtifactKey, S>;
}

/**
 * Declares a rule: `meta.requires` and `meta.optional` type the `check` argument, `meta.options` its config. The
 * runner checks the required keys are present before it calls `check`, and the config is parsed with every rule's
 * options (rules/index.ts), which is what makes the narrowing below sound.
 */
export function defineRule<const R extends ArtifactKey, const O extends ArtifactKey = never, S extends RuleOptionsShape = NoOptions>(
  rule: RuleDefinition<R, O, S>,
): DefinedRule<S> {
  return {
    meta: rule.meta as RuleMeta<ArtifactKey, ArtifactKey, S>,
    check: (artifacts, ctx) => rule.check(artifacts as RuleArtifacts<R, O>, ctx as RuleContext<RuleConfig<S>>),
  };
}
