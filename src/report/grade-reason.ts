// Why a unit's grade is what it is, in one note: a blocking rule failed, too little could be verified, the site could
// not be reached, criteria set aside by exemptions. The detail sheet's "Ghi chú" and the PDF scorecard show it.
import type { UnitResult } from '../model/result.js';
import type { Rule } from '../model/rule.js';
import type { Lang } from '../engine/messages.js';
import { unitAlerts } from './alerts.js';
import { exemptionNote } from './exemption-note.js';
import { plainWords } from './plain-words.js';
import { CRAWL_LABELS } from './labels.js';

const T = {
  vi: {
    blocked: (what: string) => `Xếp loại Chưa đạt do vi phạm tiêu chí chặn: ${what}`,
    noScore: 'Không chấm được điểm: không tiêu chí nào xác minh được',
    partial: (pct: number) => `Điểm chưa đầy đủ: chỉ ${pct} % trọng số đã xác minh`,
    unverified: 'Chưa xác minh: dưới 75 % trọng số xác minh được, nên không xếp loại theo điểm',
    unreachable: (why: string) => `Không truy cập được: ${why}`,
  },
  en: {
    blocked: (what: string) => `Graded Failing for a blocking rule: ${what}`,
    noScore: 'No score: no criterion could be verified',
    partial: (pct: number) => `Incomplete score: only ${pct} % of the weight verified`,
    unverified: 'Not verified: under 75 % of the weight could be verified, so no grade from the score',
    unreachable: (why: string) => `Unreachable: ${why}`,
  },
} as const;

export function gradeReasons(u: UnitResult, rules: ReadonlyMap<string, Rule>, lang: Lang): string[] {
  const t = T[lang];
  const notes: string[] = [];
  const blocked = [...new Set(unitAlerts(u, rules, lang).map((a) => a.problem))];
  if (blocked.length) notes.push(t.blocked(blocked.join('; ')));
  if (u.crawl.status !== 'ok') {
    const label = CRAWL_LABELS[lang][u.crawl.status] ?? u.crawl.status;
    notes.push(t.unreachable(u.crawl.error ? `${label} (${plainWords(u.crawl.error, lang)})` : label));
  }
  if (u.score === null) notes.push(t.noScore);
  else if (u.verified < 1) notes.push(t.partial(Math.round(u.verified * 100)));
  if (u.grade === 'Chưa xác minh') notes.push(t.unverified);
  for (const f of u.findings) {
    const note = exemptionNote(f, lang);
    if (note) notes.push(`${f.rule}: ${note}`);
  }
  return notes;
}
