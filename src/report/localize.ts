// Re-renders a stored finding's message in the report's language from its messageId and data, so a run made
// in Vietnamese can be reported in English (`report --lang en`) and vice versa.
import type { Finding } from '../model/result.js';
import type { Rule } from '../model/rule.js';
import type { Lang } from '../engine/messages.js';
import { renderMessage } from '../engine/messages.js';
import { ENGINE_MESSAGES, ENGINE_WORDS } from '../engine/runner.js';
import { plainData } from './plain-words.js';

export function messageIn(f: Finding, rules: readonly Rule[] | ReadonlyMap<string, Rule>, lang: Lang): string {
  const rule = rules instanceof Map ? rules.get(f.rule) : (rules as readonly Rule[]).find((r) => r.meta.id === f.rule);
  const messages = f.messageId in ENGINE_MESSAGES ? ENGINE_MESSAGES : rule?.meta.messages;
  if (!messages || !(f.messageId in messages)) return f.message;
  return renderMessage(
    messages,
    f.messageId,
    plainData(f.data, lang) as typeof f.data,
    lang,
    messages === ENGINE_MESSAGES ? ENGINE_WORDS : rule?.meta.words,
  );
}

export const rulesById = (rules: readonly Rule[]): Map<string, Rule> => new Map(rules.map((r) => [r.meta.id, r]));
