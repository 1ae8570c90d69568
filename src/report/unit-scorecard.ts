// One unit's scorecard for the terminal (`edu-audit check URL`): what to fix first, by how much it would raise
// the score (weight × missing credit), each with its legal basis.
import type { UnitResult } from '../model/result.js';
import type { Rule } from '../model/rule.js';
import type { Lang } from '../engine/messages.js';
import { messageIn } from './localize.js';
import { howToFix } from './rule-docs.js';
import { findingText } from './exemption-note.js';
import { blockingNote } from './blocking-note.js';
import { gradeLabel, crawlLabel } from './labels.js';
import { unitAlerts } from './alerts.js';
import { alertLines } from './alert-lines.js';
import { plainWords } from './plain-words.js';
import { fixList } from './fix-list.js';

const MARK: Record<string, string> = { pass: '✔', warn: '◐', fail: '✘', na: '·', error: '?', exempt: '~' };
const LABEL = {
  vi: {
    pass: 'Đạt',
    warn: 'Một phần',
    fail: 'Chưa đạt',
    na: 'Không áp dụng',
    error: 'Chưa xác minh',
    exempt: 'Miễn trừ',
    score: 'Điểm',
    grade: 'Xếp loại',
    verified: 'đã xác minh',
    fix: 'Cần khắc phục (ưu tiên trước)',
    basis: 'Căn cứ',
    crawl: 'Thu thập',
    pages: (n: number): string => `${n} trang`,
  },
  en: {
    pass: 'Pass',
    warn: 'Partial',
    fail: 'Fail',
    na: 'N/A',
    error: 'Unverified',
    exempt: 'Exempt',
    score: 'Score',
    grade: 'Grade',
    verified: 'verified',
    fix: 'To fix (most valuable first)',
    basis: 'Basis',
    crawl: 'Crawl',
    pages: (n: number): string => `${n} ${n === 1 ? 'page' : 'pages'}`,
  },
} as const;

export function formatScorecard(unit: UnitResult, rules: readonly Rule[], lang: Lang): string {
  const t = LABEL[lang];
  const byId = new Map(rules.map((r) => [r.meta.id, r]));
  const lines = [
    ...alertLines(unitAlerts(unit, byId, lang), lang),
    `${unit.name} — ${unit.finalUrl ?? unit.website ?? '—'}`,
    `${t.crawl}: ${crawlLabel(unit, lang)}${unit.crawl.error ? ` (${plainWords(unit.crawl.error, lang)})` : ''} · ${t.pages(unit.crawl.pages)} · ${unit.crawl.durationMs} ms`,
    `${t.score}: ${unit.score ?? '—'} · ${t.grade}: ${gradeLabel(unit.grade, lang)} · ${Math.round(unit.verified * 100)} % ${t.verified}`,
  ];
  const blocking = blockingNote(unit, byId, lang);
  if (blocking) lines.push(`‼ ${blocking}`);
  lines.push('');
  for (const f of unit.findings) {
    lines.push(`${MARK[f.status] ?? ' '} ${t[f.status].padEnd(14)} ${f.rule.padEnd(24)} ${findingText(f, byId, lang)}`);
  }
  const gains = fixList(unit, byId);
  if (gains.length) {
    lines.push('', `${t.fix}:`);
    gains.forEach(({ finding: f, rule }, i) => {
      lines.push(`${i + 1}. ${rule?.meta.title[lang] ?? f.rule} — ${messageIn(f, byId, lang)}`);
      const basis = rule?.meta.basis.map((b) => `${b.document} ${b.provision}`).join('; ');
      if (basis) lines.push(`   ${t.basis}: ${basis}`);
      for (const advice of howToFix(f.rule).slice(0, 3)) lines.push(`   • ${advice}`);
      for (const e of f.evidence.slice(0, 2))
        lines.push(`   ↳ ${e.url}${e.selector ? ` · ${e.selector}` : ''}${e.excerpt ? ` · “${plainWords(e.excerpt, lang)}”` : ''}`);
    });
  }
  return lines.join('\n');
}
