// Judges one unit: runs every selected rule over the unit's artifacts in isolation and scores the result.
import type { ArtifactKey, Artifacts, FetchResult } from '../model/artifacts.js';
import { ARTIFACT_SPECS } from '../model/artifact-specs.js';
import type { Finding } from '../model/result.js';
import type { DeclaredArtifacts, Localized, Rule, RuleContext, RuleOutcome, UnitFacts } from '../model/rule.js';
import { UNIT_TYPE_LABELS, type Unit } from '../model/unit.js';
import { renderMessage, type CodeWords, type Lang } from './messages.js';
import { scoreUnit, scoredFindings, type UnitScore } from './score.js';
import { CONDITION_MESSAGES, applyCondition, conditionMessageId, unitCondition, type UnitCondition } from './unit-verdict.js';

/** Messages the runner itself gives when a rule cannot run; rules' own messages are in their meta. */
export const ENGINE_MESSAGES: Record<string, Localized> = {
  notApplicable: {
    vi: 'Không áp dụng cho loại hình {type}.',
    en: 'Does not apply to unit type {type}.',
  },
  missingArtifact: {
    vi: 'Chưa xác minh được: không thu thập được {artifact} ({reason}).',
    en: 'Not verified: could not collect {artifact} ({reason}).',
  },
  internalError: {
    vi: 'Chưa xác minh được: lỗi nội bộ của công cụ kiểm tra, không phải của website ({detail}).',
    en: 'Not verified: an internal error of the audit tool, not of the website ({detail}).',
  },
  ruleCrashed: {
    vi: 'Chưa xác minh được: quy tắc gặp lỗi khi chạy ({error}).',
    en: 'Not verified: the rule crashed ({error}).',
  },
  ...Object.fromEntries((Object.keys(CONDITION_MESSAGES) as UnitCondition[]).map((c) => [conditionMessageId(c), CONDITION_MESSAGES[c]])),
};

/** Words for the codes the engine's own messages carry: the unit type as an inspector knows it, not its registry code. */
export const ENGINE_WORDS: CodeWords = { type: UNIT_TYPE_LABELS };

export interface JudgedUnit extends UnitScore {
  findings: Finding[];
  facts: UnitFacts;
  /** Why findings were set aside (unreachable, offsite, script shell), if they were. */
  condition: UnitCondition | null;
}

export interface JudgeOptions {
  /** Apply the unit's condition to its findings (default). Off for one rule judged alone (rule tests). */
  unitConditions?: boolean;
}

export function appliesTo(rule: Rule, unit: Unit): boolean {
  return rule.meta.appliesTo === 'all' || rule.meta.appliesTo.includes(unit.type);
}

/** Why a required artifact is not usable, or undefined when it is. */
function missingReason(artifacts: Artifacts, key: ArtifactKey): string | undefined {
  const value = artifacts[key];
  if (value === undefined) {
    // The home page and what is collected from it (pages, scripts…) are missing because the home fetch failed, or
    // because its render did (a looping, crashing or request-flooding page is not judged from either view).
    if (key === 'home' || !artifacts.homeFetch.ok || !artifacts.home) {
      if (artifacts.render?.error) return `không hiển thị được bằng trình duyệt / the render failed: ${artifacts.render.error}`;
      return describeFailure(artifacts.homeFetch);
    }
    return 'không có dữ liệu / not collected';
  }
  return undefined;
}

/**
 * Only what the rule declared (and `unit`, and with `home` whether it was rendered): an undeclared read sees
 * nothing, as the compiler already says.
 */
export function declaredArtifacts(rule: Rule, artifacts: Artifacts): DeclaredArtifacts {
  const out: Record<string, unknown> = { unit: artifacts.unit };
  for (const key of [...rule.meta.requires, ...(rule.meta.optional ?? [])]) {
    if (artifacts[key] !== undefined) out[key] = artifacts[key];
    if (key === 'home' && artifacts.rendered) out.rendered = artifacts.rendered;
  }
  return out as DeclaredArtifacts;
}

function describeFailure(result: FetchResult): string {
  if (result.ok) return result.isHtml ? `HTTP ${result.status}` : `not HTML (${result.contentType || 'no content type'})`;
  // these details are already worded for the reader, in both languages
  if (result.reason === 'too_complex' || result.reason === 'internal') return result.detail;
  return `${result.reason}: ${result.detail}`;
}

export function judgeUnit(
  artifacts: Artifacts,
  rules: readonly Rule[],
  ctx: RuleContext,
  lang: Lang,
  onRuleError?: (rule: string, error: unknown) => void,
  options: JudgeOptions = {},
): JudgedUnit {
  const findings: Finding[] = [];
  const facts: UnitFacts = {};
  for (const rule of rules) {
    const outcome = runOne(rule, artifacts, ctx, onRuleError);
    Object.assign(facts, outcome.facts);
    const messages = outcome.messageId in ENGINE_MESSAGES ? ENGINE_MESSAGES : rule.meta.messages;
    findings.push({
      rule: rule.meta.id,
      status: outcome.status,
      message: renderMessage(
        messages,
        outcome.messageId,
        outcome.data,
        lang,
        messages === ENGINE_MESSAGES ? ENGINE_WORDS : rule.meta.words,
      ),
      messageId: outcome.messageId,
      ...(outcome.data ? { data: outcome.data } : {}),
      evidence: outcome.evidence.map((e) => ({ ...e, ...(e.excerpt !== undefined ? { excerpt: clip(e.excerpt) } : {}) })),
    });
  }
  const condition = options.unitConditions === false ? null : unitCondition(findings, artifacts, rules);
  applyCondition(findings, condition, rules, lang);
  const scored = scoreUnit(scoredFindings(findings, rules));
  return { findings, facts, condition, ...scored };
}

/** The findings of a unit our own code failed on: every applicable rule `error`, all with the same reason. */
export function internalErrorFindings(unit: Unit, rules: readonly Rule[], detail: string, lang: Lang): Finding[] {
  return rules.map((rule): Finding => {
    const na = !appliesTo(rule, unit);
    const messageId = na ? 'notApplicable' : 'internalError';
    const data: Record<string, string> = na ? { type: unit.type } : { detail };
    return {
      rule: rule.meta.id,
      status: na ? 'na' : 'error',
      message: renderMessage(ENGINE_MESSAGES, messageId, data, lang, ENGINE_WORDS),
      messageId,
      data,
      evidence: [],
    };
  });
}

function runOne(rule: Rule, artifacts: Artifacts, ctx: RuleContext, onRuleError?: (rule: string, error: unknown) => void): RuleOutcome {
  if (!appliesTo(rule, artifacts.unit)) {
    return { status: 'na', messageId: 'notApplicable', data: { type: artifacts.unit.type }, evidence: [] };
  }
  for (const key of rule.meta.requires) {
    const reason = missingReason(artifacts, key);
    if (reason !== undefined) {
      const url = artifacts.homeFetch.url;
      return {
        status: 'error',
        messageId: 'missingArtifact',
        data: { artifact: ARTIFACT_SPECS[key].name, reason },
        evidence: url ? [{ url }] : [],
      };
    }
  }
  try {
    return rule.check(declaredArtifacts(rule, artifacts), ctx);
  } catch (error) {
    onRuleError?.(rule.meta.id, error);
    const message = error instanceof Error ? error.message : String(error);
    return { status: 'error', messageId: 'ruleCrashed', data: { error: message }, evidence: [] };
  }
}

/** Evidence excerpts are capped at 200 characters (docs/catalogue.md, "Evidence"). */
export function clip(text: string, max = 200): string {
  const collapsed = text.replace(/\s+/g, ' ').trim();
  return collapsed.length <= max ? collapsed : `${collapsed.slice(0, max - 1)}…`;
}
