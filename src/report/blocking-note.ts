// The note every report writes next to a unit that failed a blocking rule (site-reachable, redirect-offsite,
// no-malicious-content): it is "Chưa đạt" whatever its score, and the reader must see which rule decided that.
import type { UnitResult } from '../model/result.js';
import type { Rule } from '../model/rule.js';
import type { Lang } from '../engine/messages.js';

export function blockingNote(
  u: Pick<UnitResult, 'blocking'>,
  rules: readonly Rule[] | ReadonlyMap<string, Rule>,
  lang: Lang,
): string | undefined {
  if (!u.blocking) return undefined;
  const rule = rules instanceof Map ? rules.get(u.blocking) : (rules as readonly Rule[]).find((r) => r.meta.id === u.blocking);
  const title = rule?.meta.failureTitle[lang] ?? u.blocking;
  return lang === 'vi'
    ? `Chưa đạt do tiêu chí bắt buộc ${u.blocking}: ${title}`
    : `Failing because of the blocking rule ${u.blocking}: ${title}`;
}
