// Why a fetch failed, in words, for rule messages that name the reason (RuleMeta.words).
import type { FetchFailureReason } from './artifacts.js';
import type { Localized } from './rule.js';

export const FETCH_REASON_WORDS: Readonly<Record<FetchFailureReason, Localized>> = {
  invalid_url: { vi: 'địa chỉ không hợp lệ', en: 'invalid address' },
  dns_error: { vi: 'lỗi tên miền', en: 'DNS error' },
  refused: { vi: 'máy chủ từ chối kết nối', en: 'connection refused' },
  timeout: { vi: 'quá thời gian chờ', en: 'timed out' },
  tls_error: { vi: 'lỗi chứng thư số', en: 'certificate error' },
  http_error: { vi: 'lỗi HTTP', en: 'HTTP error' },
  too_many_redirects: { vi: 'chuyển hướng quá nhiều lần', en: 'too many redirects' },
  blocked_by_robots: { vi: 'robots.txt không cho phép', en: 'disallowed by robots.txt' },
  blocked_by_waf: { vi: 'tường lửa chặn', en: 'blocked by a firewall' },
  private_address: { vi: 'địa chỉ nội bộ, bị từ chối', en: 'private address, refused' },
  too_large: { vi: 'trang quá lớn', en: 'page too large' },
  network: { vi: 'lỗi mạng', en: 'network error' },
  deadline: { vi: 'hết thời gian dành cho đơn vị', en: 'the unit ran out of time' },
  too_complex: { vi: 'trang quá phức tạp để phân tích', en: 'page too complex to analyse' },
  internal: { vi: 'lỗi nội bộ của công cụ', en: 'internal tool error' },
};
