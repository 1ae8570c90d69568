// What a unit's own state does to its findings, once every rule has judged (docs/verdicts.md): a site that does not
// answer, a home page that leaves the unit's site, or a script shell nobody rendered cannot be judged on its pages,
// so the rules that read them become `error` instead of verdicts about a page the visitor never sees.
import type { Artifacts } from '../model/artifacts.js';
import type { Finding } from '../model/result.js';
import type { BlockingCondition, Localized, Rule, UnitCondition } from '../model/rule.js';
import { renderMessage, type Lang } from './messages.js';
import { isScriptShell } from './script-shell.js';

export type { UnitCondition };

export const CONDITION_MESSAGES: Record<UnitCondition, Localized> = {
  unreachable: {
    vi: 'Chưa xác minh được: website không truy cập được nên không đánh giá được tiêu chí này.',
    en: 'Not verified: the website cannot be reached, so this rule cannot be judged.',
  },
  offsite: {
    vi: 'Chưa xác minh được: trang chủ chuyển ra ngoài website của đơn vị, không đánh giá trên trang của nơi khác.',
    en: 'Not verified: the home page leaves the unit’s site; a stranger’s pages are not judged.',
  },
  scriptShell: {
    vi: 'Chưa xác minh được: trang được vẽ bằng JavaScript; hãy kiểm tra với chế độ hiển thị (render).',
    en: 'Not verified: the page is drawn by JavaScript; audit with rendering.',
  },
};

/** The messageId a set-aside finding carries, e.g. `unit:offsite`. */
export const conditionMessageId = (c: UnitCondition): string => `unit:${c}`;

/**
 * The condition the unit is in, decided by the blocking rules' findings (a failed rule whose meta.blocking names a
 * condition, the first condition first) and the home page's shape.
 */
export function unitCondition(findings: readonly Finding[], artifacts: Artifacts, rules: readonly Rule[]): UnitCondition | null {
  const byId = new Map(rules.map((r) => [r.meta.id, r.meta]));
  const failed = (c: BlockingCondition): boolean =>
    findings.some((f) => f.status === 'fail' && byId.get(f.rule)?.blocking?.condition === c);
  if (failed('unreachable')) return 'unreachable';
  if (failed('offsite')) return 'offsite';
  // A rendered page was judged on the browser's DOM: a shell's content is there (the browser issue's hook).
  if (!artifacts.rendered && artifacts.home && isScriptShell(artifacts.home.doc)) return 'scriptShell';
  return null;
}

/** The rules whose own verdict stands under the condition (their meta.judgedUnder names it). */
export const stillJudged = (rules: readonly Rule[], condition: UnitCondition): Set<string> =>
  new Set(rules.filter((r) => r.meta.judgedUnder?.includes(condition)).map((r) => r.meta.id));

/** Sets aside every finding the condition does not let stand; `na` of type or registry stays. Mutates `findings`. */
export function applyCondition(findings: Finding[], condition: UnitCondition | null, rules: readonly Rule[], lang: Lang): Finding[] {
  if (!condition) return findings;
  const kept = stillJudged(rules, condition);
  const messageId = conditionMessageId(condition);
  const message = renderMessage({ [messageId]: CONDITION_MESSAGES[condition] }, messageId, undefined, lang);
  for (const f of findings) {
    if (kept.has(f.rule) || f.status === 'exempt') continue;
    // `na` from the unit's type or the registry (no parent, no children) stands; an `na` a rule drew from a page
    // (cong-khai-current: no "Công khai" section found there) names where it looked, and that page is not usable
    if (f.status === 'na' && f.evidence.length === 0) continue;
    f.status = 'error';
    f.message = message;
    f.messageId = messageId;
    delete f.data;
    // what the rule looked at no longer decides anything: keep only where it looked
    f.evidence = f.evidence.slice(0, 1).map((e) => ({ url: e.url }));
  }
  return findings;
}
