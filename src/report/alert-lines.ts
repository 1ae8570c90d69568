// The alerts as plain lines for the terminal: first thing the console summary and `check` print.
import type { Alert } from './alerts.js';
import type { Lang } from '../engine/messages.js';

const T = {
  vi: {
    head: (n: number, u: number) => `CẢNH BÁO: ${u} đơn vị vi phạm tiêu chí chặn (${n} vi phạm) — cần báo cáo và xử lý ngay`,
    basis: 'Căn cứ',
    found: 'Phát hiện',
    noWebsite: 'danh sách không ghi địa chỉ website',
  },
  en: {
    head: (n: number, u: number) => `ALERT: ${u} units fail a blocking rule (${n} failures) — report and act now`,
    basis: 'Basis',
    found: 'Found',
    noWebsite: 'the registry gives no website address',
  },
} as const;

/** At most `limit` alerts in full; the rest are counted (they are all in the "Cảnh báo" sheet). */
export function alertLines(alerts: readonly Alert[], lang: Lang, limit = 20): string[] {
  if (!alerts.length) return [];
  const t = T[lang];
  const lines = [t.head(alerts.length, new Set(alerts.map((a) => a.unitId)).size)];
  for (const a of alerts.slice(0, limit)) {
    const registered = a.website ?? t.noWebsite;
    const where = a.finalUrl && a.finalUrl !== a.website ? `${registered} → ${a.finalUrl}` : registered;
    lines.push(`  ! ${a.unitId} ${a.name} — ${a.problem}: ${where}`);
    lines.push(`    ${t.found}: ${a.found}`);
    if (a.basis) lines.push(`    ${t.basis}: ${a.basis}`);
  }
  if (alerts.length > limit) lines.push(`  … +${alerts.length - limit}`);
  return lines;
}
