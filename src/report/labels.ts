// Report vocabulary in Vietnamese (default) and English.
import type { Status } from '../model/rule.js';
import type { Lang } from '../engine/messages.js';
import type { UnitResult } from '../model/result.js';

export const STATUS_LABELS: Record<Lang, Record<Status, string>> = {
  vi: { pass: 'Đạt', fail: 'Chưa đạt', warn: 'Một phần', na: 'Không áp dụng', error: 'Chưa xác minh', exempt: 'Miễn trừ' },
  en: { pass: 'Pass', fail: 'Fail', warn: 'Partial', na: 'N/A', error: 'Unverified', exempt: 'Exempt' },
};

/** ARGB fills used for statuses in the workbook (green, red, amber, grey, blue-grey, lavender). */
export const STATUS_FILLS: Record<Status, string> = {
  pass: 'FFC6EFCE',
  fail: 'FFFFC7CE',
  warn: 'FFFFEB9C',
  na: 'FFEDEDED',
  error: 'FFDDEBF7',
  exempt: 'FFE4DFEC',
};

export const GRADE_LABELS_EN: Record<string, string> = {
  Tốt: 'Good',
  Khá: 'Fair',
  Đạt: 'Passing',
  'Chưa đạt': 'Failing',
  'Chưa xác minh': 'Not verified',
};

export const gradeLabel = (grade: string, lang: Lang): string => (lang === 'en' ? (GRADE_LABELS_EN[grade] ?? grade) : grade);

export const CRAWL_LABELS: Record<Lang, Record<string, string>> = {
  vi: {
    ok: 'Truy cập được',
    no_website: 'Chưa có website',
    invalid_url: 'Địa chỉ không hợp lệ',
    dns_error: 'Lỗi tên miền (DNS)',
    refused: 'Từ chối kết nối',
    timeout: 'Quá thời gian chờ',
    tls_error: 'Lỗi TLS',
    http_error: 'Lỗi HTTP',
    too_many_redirects: 'Chuyển hướng quá nhiều',
    not_html: 'Không phải trang HTML',
    blocked_by_robots: 'Bị robots.txt chặn',
    blocked_by_waf: 'Bị tường lửa chặn',
    private_address: 'Địa chỉ nội bộ (bị từ chối)',
    internal_error: 'Lỗi nội bộ của công cụ',
    offsite: 'Chuyển hướng ra ngoài',
  },
  en: {
    ok: 'Reachable',
    no_website: 'No website',
    invalid_url: 'Invalid URL',
    dns_error: 'DNS error',
    refused: 'Connection refused',
    timeout: 'Timeout',
    tls_error: 'TLS error',
    http_error: 'HTTP error',
    too_many_redirects: 'Too many redirects',
    not_html: 'Not HTML',
    blocked_by_robots: 'Blocked by robots.txt',
    blocked_by_waf: 'Blocked by a firewall',
    private_address: 'Private address (refused)',
    internal_error: 'Internal tool error',
    offsite: 'Redirects off-site',
  },
};

/** "Truy cập được" is not what an inspector should read for a home page that lands on someone else's site. */
export function crawlLabel(u: UnitResult, lang: Lang): string {
  if (u.crawl.status === 'ok' && u.findings.some((f) => f.rule === 'redirect-offsite' && f.status === 'fail'))
    return CRAWL_LABELS[lang].offsite!;
  return CRAWL_LABELS[lang][u.crawl.status] ?? u.crawl.status;
}
