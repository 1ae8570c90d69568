// The justification an exempt finding carries (reason, approver, end date), written next to its message in every
// report so a reader sees why a failing rule was set aside and who answers for it.
import type { Finding } from '../model/result.js';
import type { Lang } from '../engine/messages.js';
import { messageIn } from './localize.js';
import type { Rule } from '../model/rule.js';
import { displayDay } from '../engine/basis.js';

export function exemptionNote(f: Finding, lang: Lang): string | undefined {
  const x = f.exemption;
  if (!x) return undefined;
  return lang === 'vi'
    ? `Miễn trừ: ${x.reason} (người duyệt: ${x.approvedBy}; đến ${displayDay(x.until, 'vi')})`
    : `Exempt: ${x.reason} (approved by ${x.approvedBy}; until ${x.until})`;
}

/** The finding's message in `lang`, followed by its exemption note when it has one. */
export function findingText(f: Finding, rules: readonly Rule[] | ReadonlyMap<string, Rule>, lang: Lang): string {
  const note = exemptionNote(f, lang);
  const message = messageIn(f, rules, lang);
  return note ? `${message} — ${note}` : message;
}
