// `edu-audit rules`: id, title, weight, applies-to and legal basis of every rule, each provision in force or not on the date.
import { RULES, RULE_SET_VERSION } from '../../rules/index.js';
import type { Lang } from '../engine/messages.js';
import { basisStatus, describeBasis, displayDay } from '../engine/basis.js';

/** `date`: the audit date (`--now`, else today) on which each provision is said to be in force or not. */
export function rulesCommand(
  lang: Lang,
  json: boolean,
  print: (line: string) => void,
  date: string = new Date().toISOString().slice(0, 10),
): number {
  if (json) {
    const rules = RULES.map((r) => ({ ...r.meta, basis: r.meta.basis.map((b) => ({ ...b, status: basisStatus(b, date) })) }));
    print(JSON.stringify({ ruleSetVersion: RULE_SET_VERSION, date, rules }, null, 2));
    return 0;
  }
  const head =
    lang === 'vi'
      ? `Bộ quy tắc ${RULE_SET_VERSION} — ${RULES.length} quy tắc — hiệu lực tính tại ngày ${displayDay(date, 'vi')}`
      : `Rule set ${RULE_SET_VERSION} — ${RULES.length} rules — provisions in force on ${date}`;
  print(head);
  for (const r of RULES) {
    const applies = r.meta.appliesTo === 'all' ? (lang === 'vi' ? 'tất cả' : 'all') : r.meta.appliesTo.join(', ');
    print('');
    print(`${r.meta.id}  [${lang === 'vi' ? 'trọng số' : 'weight'} ${r.meta.weight}]  ${r.meta.title[lang]}`);
    print(`  ${lang === 'vi' ? 'Áp dụng' : 'Applies to'}: ${applies}`);
    for (const b of r.meta.basis) {
      print(`  ${lang === 'vi' ? 'Căn cứ' : 'Basis'}: ${describeBasis(b, date, lang)}`);
    }
  }
  return 0;
}
