// Registry URLs as people type them ("www.x.edu.vn", "X.EDU.VN/path", "trường.edu.vn") made into one
// comparable absolute http(s) URL, or a reason why not.

/** A failure carries its reason in each language; `problem` is both, for messages that show both. */
export type NormalizedUrl = { ok: true; url: string } | { ok: false; problem: string; vi: string; en: string };

const fail = (vi: string, en: string): NormalizedUrl => ({ ok: false, problem: `${vi} / ${en}`, vi, en });

/** `x:` not followed by a digit is a scheme; `x.edu.vn:8080` is a host and a port. */
const SCHEME_WITH_SLASHES = /^[a-z][a-z0-9+.-]*:\/\//i;
const SCHEME_ONLY = /^[a-z][a-z0-9+.-]*:(?!\d)/i;
const HOST_CHARS = /^[a-z0-9_.-]+$/;

export function normalizeUrl(raw: string): NormalizedUrl {
  const text = raw.normalize('NFC').trim();
  if (!text) return fail('URL trống', 'empty URL');

  let withScheme: string;
  if (SCHEME_WITH_SLASHES.test(text)) withScheme = text;
  else if (text.startsWith('//')) withScheme = `http:${text}`;
  else if (SCHEME_ONLY.test(text)) return fail(`chỉ chấp nhận http/https, không chấp nhận '${text.split(':')[0]}:'`, 'only http(s) URLs');
  else withScheme = `http://${text}`;

  const scheme = withScheme.slice(0, withScheme.indexOf(':')).toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') return fail(`chỉ chấp nhận http/https, không chấp nhận '${scheme}:'`, 'only http(s) URLs');

  // WHATWG URL would reject a spaced host with a vague error; say what is wrong instead.
  const authority = withScheme.slice(withScheme.indexOf('//') + 2).split(/[/?#\\]/)[0] ?? '';
  if (/\s/.test(authority)) return fail('tên miền chứa khoảng trắng', 'space in the host name');
  if (authority.includes('@')) return fail('URL chứa thông tin đăng nhập (@)', 'credentials in URL');

  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return fail('URL không phân tích được', 'unparseable URL');
  }
  // The WHATWG parser lower-cases the host and turns IDN into punycode.
  const host = url.hostname.replace(/\.$/, '');
  if (!host) return fail('thiếu tên miền', 'empty host');
  if (!HOST_CHARS.test(host)) return fail('tên miền chứa ký tự không hợp lệ', 'invalid characters in the host name');
  if (!host.includes('.')) return fail('tên miền không có dấu chấm', 'host name without a dot');
  if (host.split('.').some((label) => label === '')) return fail('tên miền có nhãn rỗng', 'empty label in the host name');
  url.hostname = host;
  url.hash = '';
  return { ok: true, url: url.href };
}
