// Tool-made facts in words an inspector reads: network error codes, HTTP statuses, certificate dates as dd/mm/yyyy
// (yyyy-mm-dd in English). Reports pass crawl details, message data and evidence excerpts through here; results.json
// keeps the technical originals.
import type { Lang } from '../engine/messages.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** OpenSSL's date form, as Node reports a certificate's validity: "Jan  1 00:00:00 2124 GMT". */
const OPENSSL_DATE = /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +(\d{1,2}) \d\d:\d\d:\d\d (\d{4}) GMT\b/g;

const CODES: Record<string, { vi: string; en: string }> = {
  ECONNRESET: { vi: 'kết nối bị ngắt giữa chừng', en: 'the connection was cut off' },
  EPIPE: { vi: 'kết nối bị ngắt giữa chừng', en: 'the connection was cut off' },
  ECONNABORTED: { vi: 'kết nối bị ngắt giữa chừng', en: 'the connection was cut off' },
  UND_ERR_SOCKET: { vi: 'kết nối bị ngắt giữa chừng', en: 'the connection was cut off' },
  ECONNREFUSED: { vi: 'máy chủ từ chối kết nối', en: 'the server refused the connection' },
  ENOTFOUND: { vi: 'không tìm thấy tên miền', en: 'the domain name does not exist' },
  EAI_AGAIN: { vi: 'không tra được tên miền (lỗi DNS tạm thời)', en: 'the domain name could not be looked up' },
  ETIMEDOUT: { vi: 'quá thời gian chờ', en: 'timed out' },
  UND_ERR_CONNECT_TIMEOUT: { vi: 'quá thời gian chờ kết nối', en: 'timed out connecting' },
  UND_ERR_HEADERS_TIMEOUT: { vi: 'máy chủ không trả lời kịp', en: 'the server did not answer in time' },
  UND_ERR_BODY_TIMEOUT: { vi: 'trang tải quá chậm', en: 'the page loaded too slowly' },
  CERT_HAS_EXPIRED: { vi: 'chứng thư số đã hết hạn', en: 'the certificate has expired' },
  DEPTH_ZERO_SELF_SIGNED_CERT: { vi: 'chứng thư số tự ký', en: 'a self-signed certificate' },
  SELF_SIGNED_CERT_IN_CHAIN: { vi: 'chứng thư số tự ký', en: 'a self-signed certificate' },
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: { vi: 'không xác minh được chứng thư số', en: 'the certificate could not be verified' },
  ERR_TLS_CERT_ALTNAME_INVALID: { vi: 'chứng thư số không đúng tên miền', en: 'the certificate is for another name' },
  EPRIVATE: { vi: 'địa chỉ nội bộ, bị từ chối', en: 'a private address, refused' },
};

function httpWords(status: number, lang: Lang): string {
  const vi =
    status >= 500
      ? 'lỗi máy chủ'
      : status === 404 || status === 410
        ? 'không có trang này'
        : status === 401 || status === 403
          ? 'bị từ chối truy cập'
          : status === 429
            ? 'bị giới hạn số lần truy cập'
            : status >= 300 && status < 400
              ? 'chuyển hướng'
              : status >= 200 && status < 300
                ? 'trả lời bình thường'
                : 'lỗi';
  const en =
    status >= 500
      ? 'server error'
      : status === 404 || status === 410
        ? 'no such page'
        : status === 401 || status === 403
          ? 'access denied'
          : status === 429
            ? 'rate limited'
            : status >= 300 && status < 400
              ? 'redirect'
              : status >= 200 && status < 300
                ? 'normal answer'
                : 'error';
  return `HTTP ${status} (${lang === 'vi' ? vi : en})`;
}

const date = (mon: string, day: string, year: string, lang: Lang): string => {
  const mm = String(MONTHS.indexOf(mon) + 1).padStart(2, '0');
  const dd = day.padStart(2, '0');
  return lang === 'vi' ? `${dd}/${mm}/${year}` : `${year}-${mm}-${dd}`;
};

/** A tool-made fact in words: codes named, dates localised, HTTP statuses explained. */
export function plainWords(text: string, lang: Lang): string {
  let out = text.replace(OPENSSL_DATE, (_m, mon: string, day: string, year: string) => date(mon, day, year, lang));
  // "CODE: English detail" → the code's words (the detail stays in results.json)
  out = out.replace(/\b(?:network: )?([A-Z][A-Z_]{3,}): [^;—]*/g, (m, code: string) => CODES[code]?.[lang] ?? m);
  out = out.replace(/^(?:network|refused|timeout|dns_error|tls_error|http_error)(?: \(HTTP \d{3}\))?: /, '');
  out = out.replace(
    /\bHTTP (\d{3}) over http:\/\//g,
    (_m, s: string) => `${httpWords(Number(s), lang)} ${lang === 'vi' ? 'qua http:// (không mã hóa)' : 'over http:// (unencrypted)'}`,
  );
  out = out.replace(/^HTTP (\d{3}) → /, (_m, s: string) => `${httpWords(Number(s), lang)} → `);
  out = out.replace(/^HTTP (\d{3})\b(?! \()/, (_m, s: string) => httpWords(Number(s), lang));
  // labels of tool-made evidence (src/engine/section-rule.ts) are written in both languages; a report shows one
  out = out
    .replace(/^Từ khóa \/ keywords: /, lang === 'vi' ? 'Từ khóa: ' : 'Keywords: ')
    .replace(/^Mục menu \/ entries: /, lang === 'vi' ? 'Mục menu: ' : 'Menu entries: ');
  if (lang === 'vi') {
    out = out
      .replace(/\bno lang attribute\b/g, 'thiếu thuộc tính lang')
      .replace(/^valid; validTo /, 'hợp lệ; hết hạn ')
      .replace(/; validTo /g, '; hết hạn ')
      .replace(/; issuer /g, '; cấp bởi ')
      .replace(/^(\d+) pages scanned$/, '$1 trang đã quét')
      .replace(/^missing: /, 'thiếu: ')
      .replace(/ with alt; /, ' có alt; ');
  }
  return out;
}

/** Message data with its tool-made values in words (website text passes through unchanged). */
export function plainData(data: Record<string, unknown> | undefined, lang: Lang): Record<string, unknown> | undefined {
  if (!data) return data;
  return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, typeof v === 'string' ? plainWords(v, lang) : v]));
}
