// Checks that the home page is served over HTTPS with a valid certificate (CV 4210 mục III.4 and V.1; TT 22/2023 Điều 4).
import { defineRule, type Evidence, type RuleOutcome } from '../src/model/rule.js';
import type { TlsFacts } from '../src/model/artifacts.js';
import { CV_4210, TT_22_2023, cite } from '../src/engine/basis.js';
import { hostOf } from '../src/util/hosts.js';

function invalidCert(url: string, tls: TlsFacts | undefined, detail?: string): RuleOutcome {
  const error = tls?.error ?? detail ?? 'invalid';
  const validTo = tls?.validTo ?? '-';
  return {
    status: 'fail',
    messageId: 'invalidCertificate',
    data: { host: tls?.host ?? hostOf(url) ?? url, error, validTo },
    evidence: [
      {
        url,
        selector: 'TLS certificate',
        excerpt: `${error}; validTo ${validTo}${tls?.subject ? `; ${tls.subject}` : ''}${tls?.issuer ? `; issuer ${tls.issuer}` : ''}`,
      },
    ],
  };
}

const rule = defineRule({
  meta: {
    id: 'https',
    title: { vi: 'Website dùng HTTPS hợp lệ', en: 'Website uses valid HTTPS' },
    failureTitle: { vi: 'Website không dùng HTTPS hợp lệ', en: 'Website lacks valid HTTPS' },
    weight: 2,
    appliesTo: 'all',
    basis: [
      cite(CV_4210, 'mục III.4 (yêu cầu kỹ thuật, giám sát an toàn an ninh thông tin)'),
      cite(CV_4210, 'mục V.1 (vận hành ổn định, an toàn thông tin)'),
      cite(TT_22_2023, 'Điều 4 (yêu cầu kỹ thuật chung của cổng/trang TTĐT)'),
    ],
    requires: ['homeFetch'],
    // it returns `error` itself when its requests got no answer; off-site, the stranger's HTTPS is not the unit's
    judgedUnder: ['unreachable', 'scriptShell'],
    optional: ['tls', 'httpProbe', 'httpsProbe'],
    // what the http:// twin did (src/collect/probes.ts), in words
    words: {
      http: {
        'redirects-to-https': { vi: 'tự chuyển sang https://', en: 'redirects to https://' },
        'redirects-elsewhere': { vi: 'chuyển hướng tới địa chỉ https:// khác', en: 'redirects to another https:// address' },
        'serves-http': { vi: 'vẫn phục vụ không mã hóa', en: 'still serves unencrypted' },
        unreachable: { vi: 'không trả lời', en: 'does not answer' },
        'not probed': { vi: 'chưa kiểm tra', en: 'not checked' },
      },
    },
    messages: {
      httpsOk: {
        vi: 'Trang chủ dùng HTTPS với chứng thư hợp lệ đến {validTo}; http://: {http}.',
        en: 'The home page uses HTTPS with a certificate valid until {validTo}; http://: {http}.',
      },
      httpNotRedirected: {
        vi: 'HTTPS hoạt động nhưng {httpUrl} vẫn phục vụ nội dung, không chuyển sang HTTPS.',
        en: 'HTTPS works but {httpUrl} still serves the site without redirecting to HTTPS.',
      },
      noHttps: { vi: 'Trang chủ không có HTTPS ({detail}).', en: 'The home page has no HTTPS ({detail}).' },
      invalidCertificate: {
        vi: 'Chứng thư số của {host} không hợp lệ ({error}, hết hạn {validTo}).',
        en: 'The certificate of {host} is not valid ({error}, expires {validTo}).',
      },
      notVerified: { vi: 'Chưa xác minh được HTTPS ({detail}).', en: 'HTTPS could not be verified ({detail}).' },
    },
  },
  check(a) {
    const { homeFetch } = a;
    const tls = a.tls ?? homeFetch.tls;
    const asked = homeFetch.url;
    if (!homeFetch.ok) {
      if (tls && !tls.valid) return invalidCert(asked, tls);
      if (homeFetch.reason === 'tls_error') return invalidCert(asked, undefined, homeFetch.detail);
      // DNS, timeout…: site-reachable reports it; the transport cannot be judged.
      return {
        status: 'error',
        messageId: 'notVerified',
        data: { detail: `${homeFetch.reason}: ${homeFetch.detail}` },
        evidence: asked ? [{ url: asked }] : [],
      };
    }
    const finalUrl = homeFetch.finalUrl;
    if (finalUrl.startsWith('https://')) {
      if (!tls)
        return { status: 'error', messageId: 'notVerified', data: { detail: 'no TLS facts collected' }, evidence: [{ url: finalUrl }] };
      if (!tls.valid) return invalidCert(finalUrl, tls);
      const validTo = tls.validTo ?? '-';
      const evidence: Evidence[] = [
        { url: finalUrl, selector: 'TLS certificate', excerpt: `valid; validTo ${validTo}${tls.issuer ? `; issuer ${tls.issuer}` : ''}` },
      ];
      // An http:// registry URL that redirected to https proves the http twin redirects.
      const firstHop = homeFetch.redirects[0];
      const probe = a.httpProbe;
      if (probe)
        evidence.push({
          url: probe.url,
          excerpt: `${probe.outcome}${probe.status ? ` HTTP ${probe.status}` : ''}${probe.location ? ` → ${probe.location}` : ''}`,
        });
      if (
        probe?.outcome === 'serves-http' ||
        (probe?.outcome === 'redirects-elsewhere' && !(probe.location ?? '').startsWith('https://'))
      ) {
        return { status: 'warn', messageId: 'httpNotRedirected', data: { httpUrl: probe.url }, evidence };
      }
      const http = probe ? probe.outcome : firstHop?.url.startsWith('http://') ? 'redirects-to-https' : 'not probed';
      return { status: 'pass', messageId: 'httpsOk', data: { validTo, http }, evidence };
    }
    // The site ended on http://: does its https:// twin work?
    const twin = a.httpsProbe;
    const evidence: Evidence[] = [{ url: finalUrl, excerpt: `HTTP ${homeFetch.status} over http://` }];
    if (!twin) return { status: 'fail', messageId: 'noHttps', data: { detail: 'https:// not available' }, evidence };
    if (!twin.ok) {
      if ((twin.tls && !twin.tls.valid) || twin.reason === 'tls_error') return invalidCert(twin.url, twin.tls, twin.detail);
      evidence.push({ url: twin.url, excerpt: `${twin.reason}: ${twin.detail}` });
      return { status: 'fail', messageId: 'noHttps', data: { detail: `${twin.reason}: ${twin.detail}` }, evidence };
    }
    if (twin.tls && !twin.tls.valid) return invalidCert(twin.finalUrl, twin.tls);
    evidence.push({ url: twin.finalUrl, excerpt: `HTTP ${twin.status}` });
    if (twin.status >= 200 && twin.status < 300 && twin.finalUrl.startsWith('https://')) {
      return { status: 'warn', messageId: 'httpNotRedirected', data: { httpUrl: finalUrl }, evidence };
    }
    return { status: 'fail', messageId: 'noHttps', data: { detail: `https:// → HTTP ${twin.status} ${twin.finalUrl}` }, evidence };
  },
});

export default rule;
