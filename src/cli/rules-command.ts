// `edu-audit rules`: id, title, weight, applies-to and legal basis of every rule.
import { RULES, RULE_SET_VERSION } from '../../rules/index.js';
import type { Lang } from '../engine/messages.js';

export function rulesCommand(lang: Lang, json: boolean, print: (line: string) => void): number {
  if (json) {
    print(JSON.stringify({ ruleSetVersion: RULE_SET_VERSION, rules: RULES.map((r) => r.meta) }, null, 2));
    return 0;
  }
  const head = lang === 'vi' ? `Bộ quy tắc ${RULE_SET_VERSION} — ${RULES.length} quy tắc` : `Rule set ${RULE_SET_VERSION} — ${RULES.length} rules`;
  print(head);
  for (const r of RULES) {
    const applies = r.meta.appliesTo === 'all' ? (lang === 'vi' ? 'tất cả' : 'all') : r.meta.appliesTo.join(', ');
    print('');
    print(`${r.meta.id}  [${lang === 'vi' ? 'trọng số' : 'weight'} ${r.meta.weight}]  ${r.meta.title[lang]}`);
    print(`  ${lang === 'vi' ? 'Áp dụng' : 'Applies to'}: ${applies}`);
    for (const b of r.meta.basis) {
      print(`  ${lang === 'vi' ? 'Căn cứ' : 'Basis'}: ${b.document}, ${b.provision} (${lang === 'vi' ? 'từ' : 'from'} ${b.from}${b.until ? ` ${lang === 'vi' ? 'đến' : 'until'} ${b.until}` : ''})`);
    }
  }
  return 0;
}
