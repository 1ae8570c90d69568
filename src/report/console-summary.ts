// The end-of-run summary printed on stdout: units, reachable, average score, grades, the worst rules.
import type { AuditSummary } from '../run/audit.js';
import type { Rule } from '../model/rule.js';
import { GRADES } from '../model/result.js';
import { gradeLabel } from './labels.js';
import type { Lang } from '../engine/messages.js';
import { platformLabel } from '../aggregate/by-platform.js';

/** Platforms listed on the console; the rest are counted on one line (the reports list them all). */
const CONSOLE_PLATFORMS = 8;
import { alertLines } from './alert-lines.js';
import { PageLoadTally } from './page-load.js';
import { limitLines } from './limit-lines.js';

const T = {
  vi: {
    title: 'Kết quả kiểm tra',
    reachable: 'truy cập được',
    average: 'Điểm trung bình',
    grades: 'Xếp loại',
    worst: 'Tiêu chí nhiều đơn vị chưa đạt nhất',
    fail: 'chưa đạt',
    warn: 'một phần',
    pages: 'trang',
    results: 'Kết quả',
    registry: 'Lưu ý danh sách',
    platforms: 'Theo nền tảng (nhà cung cấp cần liên hệ)',
    unitsOf: 'đơn vị',
    failing: 'chưa đạt',
    unverified: 'chưa xác minh',
    avg: 'điểm TB',
    oftenFails: 'hay thiếu',
    morePlatforms: 'nền tảng khác',
  },
  en: {
    title: 'Audit results',
    reachable: 'reachable',
    average: 'Average score',
    grades: 'Grades',
    worst: 'Rules most units fail',
    fail: 'fail',
    warn: 'warn',
    pages: 'pages',
    results: 'Results',
    registry: 'Registry notes',
    platforms: 'By platform (the vendor to call)',
    unitsOf: 'units',
    failing: 'failing',
    unverified: 'not verified',
    avg: 'avg',
    oftenFails: 'often fails',
    morePlatforms: 'more platforms',
  },
} as const;

export function formatSummary(summary: AuditSummary, rules: readonly Rule[], lang: Lang): string {
  const t = T[lang];
  const { total } = summary;
  const titles = new Map(rules.map((r) => [r.meta.id, r.meta.title[lang]]));
  const seconds = summary.durationMs / 1000;
  const lines = [
    ...alertLines(summary.alerts ?? [], lang),
    `${t.title}: ${total.units} ${t.unitsOf} (${total.reachable} ${t.reachable}) · ${summary.pagesFetched} ${t.pages} · ${seconds.toFixed(1)} s`,
    `${t.average}: ${total.averageScore ?? '—'}`,
    `${t.grades}: ${GRADES.map((g) => `${gradeLabel(g, lang)} ${total.grades[g]}`).join(' · ')}`,
  ];
  if (summary.worstRules.length) {
    lines.push(`${t.worst}:`);
    for (const r of summary.worstRules) {
      lines.push(
        `  ${r.rule.padEnd(24)} ${String(r.fail).padStart(4)} ${t.fail}, ${String(r.warn).padStart(4)} ${t.warn}  ${titles.get(r.rule) ?? ''}`,
      );
    }
  }
  if (summary.platforms.length) {
    lines.push(`${t.platforms}:`);
    for (const p of summary.platforms.slice(0, CONSOLE_PLATFORMS)) {
      const fails = p.topFails.map((f) => `${f.rule} (${f.units})`).join(', ');
      lines.push(
        `  ${platformLabel(p.platform, lang).padEnd(32)} ${String(p.units).padStart(4)} ${t.unitsOf}, ${p.grades['Chưa đạt'] ?? 0} ${t.failing}, ${p.grades['Chưa xác minh'] ?? 0} ${t.unverified}, ${t.avg} ${p.averageScore ?? '—'}${fails ? ` · ${t.oftenFails}: ${fails}` : ''}`,
      );
    }
    const rest = summary.platforms.length - CONSOLE_PLATFORMS;
    if (rest > 0) lines.push(`  … ${rest} ${t.morePlatforms}`);
  }
  const load = Object.assign(new PageLoadTally(), summary.pageLoad ?? {}).line(lang);
  if (load) lines.push(load);
  if (summary.limits) lines.push(...limitLines(summary.limits, lang));
  const registryNotes = summary.run.registryChecks.length;
  if (registryNotes) lines.push(`${t.registry}: ${registryNotes}`);
  lines.push(`${t.results}: ${summary.dir}`);
  for (const r of summary.reports) for (const f of r.files) lines.push(`  ${f}`);
  return lines.join('\n');
}
