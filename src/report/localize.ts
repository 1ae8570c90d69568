// Re-renders a stored finding's message in the report's language from its messageId and data, so a run made
// in Vietnamese can be reported in English (`report --lang en`) and vice versa.
import type { Finding } from '../model/result.js';
import type { Rule } from '../model/rule.js';
import type { Lang } from '../engine/messages.js';
import { renderMessage } from '../engine/messages.js';
import { ENGINE_MESSAGES } from '../engine/runner.js';
import { plainData } from './plain-words.js';
import { UNIT_TYPE_LABELS, type UnitType } from '../model/unit.js';

/** The engine's "does not apply to type X" names the type as an inspector knows it, not by its registry code. */
function engineData(f: Finding, lang: Lang): Finding['data'] {
  const type = f.data?.type;
  if (f.messageId !== 'notApplicable' || typeof type !== 'string' || !(type in UNIT_TYPE_LABELS)) return f.data;
  return { ...f.data, type: UNIT_TYPE_LABELS[type as UnitType][lang] };
}

export function messageIn(f: Finding, rules: readonly Rule[] | ReadonlyMap<string, Rule>, lang: Lang): string {
  const rule = rules instanceof Map ? rules.get(f.rule) : (rules as readonly Rule[]).find((r) => r.meta.id === f.rule);
  const messages = f.messageId in ENGINE_MESSAGES ? ENGINE_MESSAGES : rule?.meta.messages;
  if (!messages || !(f.messageId in messages)) return f.message;
  const data = messages === ENGINE_MESSAGES ? engineData(f, lang) : f.data;
  return renderMessage(messages, f.messageId, plainData(data, lang) as typeof f.data, lang, messages === ENGINE_MESSAGES ? undefined : rule?.meta.words);
}

export const rulesById = (rules: readonly Rule[]): Map<string, Rule> => new Map(rules.map((r) => [r.meta.id, r]));
