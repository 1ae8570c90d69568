// The human view of a RunDiff for the terminal, in Vietnamese (default) or English: totals, then a table of the
// units that got worse and of those that got better, then what could not be verified this time.
import type { Lang } from '../engine/messages.js';
import { STATUS_LABELS, gradeLabel } from '../report/labels.js';
import type { Better, RunDiff, UnitDiff, Was, Worse } from './types.js';

const T = {
  vi: {
    compare: 'So sánh',
    units: 'Đơn vị',
    added: 'thêm',
    removed: 'bớt',
    average: 'Điểm trung bình',
    worse: 'Xấu đi',
    better: 'Tốt lên',
    unitsWord: 'đơn vị',
    maliciousCount: 'có nội dung độc hại hoặc chuyển hướng ra ngoài mới',
    newFailures: 'Lỗi mới',
    fixed: 'Đã khắc phục',
    persisting: 'Vẫn chưa đạt',
    unverifiedNow: 'Chưa xác minh lần này',
    exemptNow: 'Miễn trừ mới',
    head: ['Mã đơn vị', 'Tên đơn vị', 'Điểm', 'Xếp loại', 'Thay đổi'],
    malicious: 'NỘI DUNG ĐỘC HẠI MỚI',
    offsite: 'MỚI CHUYỂN HƯỚNG RA NGOÀI',
    siteDown: 'website không còn truy cập được',
    siteUp: 'website truy cập lại được',
    unverifiedNote: 'không tính là xấu đi hay tốt lên',
    addedUnits: 'Đơn vị mới',
    removedUnits: 'Đơn vị không còn trong danh sách',
    none: 'Không có thay đổi xấu đi.',
    more: 'và {n} đơn vị khác (xem diff.json / --json)',
    absent: 'không có',
  },
  en: {
    compare: 'Compare',
    units: 'Units',
    added: 'added',
    removed: 'removed',
    average: 'Average score',
    worse: 'Worse',
    better: 'Better',
    unitsWord: 'units',
    maliciousCount: 'with new malicious content or a new off-site redirect',
    newFailures: 'New failures',
    fixed: 'Fixed',
    persisting: 'Still failing',
    unverifiedNow: 'Unverified now',
    exemptNow: 'Newly exempt',
    head: ['Unit id', 'Unit name', 'Score', 'Grade', 'Changes'],
    malicious: 'NEW MALICIOUS CONTENT',
    offsite: 'NEWLY REDIRECTS OFF-SITE',
    siteDown: 'site no longer reachable',
    siteUp: 'site reachable again',
    unverifiedNote: 'neither worse nor better',
    addedUnits: 'New units',
    removedUnits: 'Units no longer in the registry',
    none: 'Nothing got worse.',
    more: 'and {n} more units (see diff.json / --json)',
    absent: 'absent',
  },
} as const;

export interface FormatDiffOptions {
  lang: Lang;
  /** Names shown for the two runs (their directories). */
  oldName?: string;
  newName?: string;
  /** At most this many units per table (the rest are counted). */
  limit?: number;
}

export function formatDiff(diff: RunDiff, opts: FormatDiffOptions): string {
  const t = T[opts.lang];
  const limit = opts.limit ?? Infinity;
  const s = diff.summary;
  const lines = [
    `${t.compare}: ${opts.oldName ?? ''} (${diff.old.now.slice(0, 10)}) → ${opts.newName ?? ''} (${diff.new.now.slice(0, 10)})`,
    `${t.units}: ${diff.old.units} → ${diff.new.units} (${t.added} ${diff.added.length}, ${t.removed} ${diff.removed.length}) · ${t.average}: ${diff.old.averageScore ?? '—'} → ${diff.new.averageScore ?? '—'}`,
    `${t.worse}: ${s.regressedUnits} ${t.unitsWord}${s.maliciousUnits ? ` (${s.maliciousUnits} ${t.maliciousCount})` : ''} · ${t.better}: ${s.improvedUnits} ${t.unitsWord}`,
    `${t.newFailures}: ${diff.newFailures.length} · ${t.fixed}: ${diff.fixed.length} · ${t.persisting}: ${diff.persisting.length} · ${t.unverifiedNow}: ${diff.unverifiedNow.length} · ${t.exemptNow}: ${diff.exemptNow.length}`,
  ];
  const worse = diff.units.filter((u) => u.worse.length);
  const better = diff.units.filter((u) => u.better.length);
  lines.push('');
  if (worse.length) lines.push(`${t.worse}:`, ...table(worse, (u) => u.worse, opts, limit));
  else lines.push(t.none);
  if (better.length) lines.push('', `${t.better}:`, ...table(better, (u) => u.better, opts, limit));
  if (diff.unverifiedNow.length) {
    lines.push('', `${t.unverifiedNow} (${t.unverifiedNote}):`);
    // one line per unit: a site that went down makes every page rule unverified at once
    const byUnit = new Map<string, string[]>();
    for (const c of diff.unverifiedNow) byUnit.set(c.unit, [...(byUnit.get(c.unit) ?? []), c.rule]);
    const shown = [...byUnit].slice(0, limit === Infinity ? undefined : limit);
    for (const [unit, rules] of shown) lines.push(`  ${unit}  ${rules.join(', ')}`);
    if (shown.length < byUnit.size) lines.push(`  ${t.more.replace('{n}', String(byUnit.size - shown.length))}`);
  }
  if (diff.added.length) lines.push('', `${t.addedUnits}: ${diff.added.join(', ')}`);
  if (diff.removed.length) lines.push('', `${t.removedUnits}: ${diff.removed.join(', ')}`);
  return lines.join('\n');
}

function table(units: UnitDiff[], pick: (u: UnitDiff) => (Worse | Better)[], opts: FormatDiffOptions, limit: number): string[] {
  const t = T[opts.lang];
  const shown = units.slice(0, limit === Infinity ? undefined : limit);
  const rows = shown.map((u) => [
    u.id,
    clip(u.name, 32),
    `${u.before.score ?? '—'} → ${u.after.score ?? '—'}`,
    u.before.grade === u.after.grade
      ? gradeLabel(u.after.grade, opts.lang)
      : `${gradeLabel(u.before.grade, opts.lang)} → ${gradeLabel(u.after.grade, opts.lang)}`,
    pick(u)
      .filter((c) => c.kind !== 'score' && c.kind !== 'grade')
      .map((c) => change(c, opts.lang))
      .join('; '),
  ]);
  const all = [[...t.head], ...rows];
  const widths = t.head.map((_, i) => Math.max(...all.map((r) => [...r[i]!].length)));
  const out = all.map((r) => `  ${r.map((cell, i) => (i === r.length - 1 ? cell : pad(cell, widths[i]!))).join('  ')}`.trimEnd());
  if (shown.length < units.length) out.push(`  ${t.more.replace('{n}', String(units.length - shown.length))}`);
  return out;
}

function change(c: Worse | Better, lang: Lang): string {
  const t = T[lang];
  switch (c.kind) {
    case 'rule':
      return `${c.rule}: ${status(c.before, lang)} → ${status(c.after, lang)}`;
    case 'malicious':
      return t.malicious;
    case 'offsite':
      return t.offsite;
    case 'site-down':
      return `${t.siteDown} (${c.before} → ${c.after})`;
    case 'site-up':
      return `${t.siteUp} (${c.before} → ${c.after})`;
    default:
      return '';
  }
}

const status = (s: Was, lang: Lang): string => (s === 'absent' ? T[lang].absent : STATUS_LABELS[lang][s]);
/** Pads by code points, which is what a terminal shows for NFC Vietnamese. */
const pad = (s: string, width: number): string => s + ' '.repeat(Math.max(0, width - [...s].length));
const clip = (s: string, max: number): string => ([...s].length > max ? `${[...s].slice(0, max - 1).join('')}…` : s);
