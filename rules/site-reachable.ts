// Checks that the registry website answers 2xx with a real HTML home page (CV 4210 mục III.1; QĐ 1682/2018 Điều 12; HP 2023 item 1).
import { z } from 'zod';
import type { FetchFailureReason } from '../src/model/artifacts.js';
import { defineRule, type Evidence, type RuleOutcome, type UnitFacts } from '../src/model/rule.js';
import { CV_4210, HP_2023, QD_1682_2018, cite } from '../src/engine/basis.js';
import { detectPlatform } from '../src/engine/platform.js';
import { normalizeText } from '../src/util/text.js';
import { isBlankPage } from '../src/engine/page-shape.js';
import { textWithout, titleText } from '../src/page/dom-index.js';
import { FETCH_REASON_WORDS } from '../src/model/fetch-reason-words.js';

/** Elements whose text a visitor does not read as the page's words. */
const NOT_TEXT = new Set(['script', 'style', 'noscript', 'template']);

type FailId = 'unreachable' | 'tlsFailed' | 'blocked' | 'tooManyRedirects' | 'httpError';

/**
 * How each fetch failure is reported; `null`: the audit itself could not tell (an `error`, never a fail).
 * A bot wall answers the crawler, not a visitor: a browser may well see the site (`blockedByWaf`, an `error`).
 */
const FAILURE_MESSAGE: Record<FetchFailureReason, FailId | null | 'blockedByWaf'> = {
  invalid_url: 'unreachable',
  dns_error: 'unreachable',
  refused: 'unreachable',
  timeout: 'unreachable',
  network: 'unreachable',
  private_address: 'unreachable',
  tls_error: 'tlsFailed',
  blocked_by_robots: 'blocked',
  blocked_by_waf: 'blockedByWaf',
  too_many_redirects: 'tooManyRedirects',
  http_error: 'httpError',
  // Our own limits (body cap, the unit's crawl deadline), not the site's fault.
  too_large: null,
  deadline: null,
  too_complex: null,
  internal: null,
};

const rule = defineRule({
  meta: {
    id: 'site-reachable',
    title: { vi: 'Website truy cập được', en: 'Website is reachable' },
    failureTitle: { vi: 'Website không truy cập được', en: 'Website is not reachable' },
    weight: 3,
    appliesTo: 'all',
    basis: [
      cite(CV_4210, 'mục III.1 (website hoạt động hiệu quả)'),
      cite(QD_1682_2018, 'Điều 12 khoản 1 (hoạt động liên tục 24 giờ trong tất cả các ngày)'),
      cite(HP_2023, 'mục 1 (hủy bỏ trang không còn sử dụng)'),
    ],
    requires: ['homeFetch'],
    optional: ['tls', 'home'],
    // unreachable: the site met nothing, so its pages are not judged (src/engine/unit-verdict.ts)
    blocking: { condition: 'unreachable' },
    judgedUnder: ['unreachable', 'offsite', 'scriptShell'],
    options: {
      /** Text that marks a hosting default / parked / under-construction page. */
      parkedPageMarkers: z
        .array(z.string())
        .default([
          'apache2 debian default page',
          'apache2 ubuntu default page',
          'welcome to nginx',
          'iis windows server',
          'test page for the apache http server',
          'this domain is parked',
          'domain is for sale',
          'tên miền này đang được bán',
          'website đang được xây dựng',
          'trang web đang xây dựng',
          'under construction',
          'coming soon',
          'default web site page',
          'index of /',
        ]),
      /**
       * A parked-page marker outside the <title> decides only on pages shorter than this many words, so a marker quoted
       * in an article of a real portal ("coming soon") does not fail it.
       */
      parkedPageMaxWords: z.number().int().positive().default(300),
    },
    words: {
      reason: FETCH_REASON_WORDS,
      where: { title: { vi: 'tiêu đề trang', en: 'title' }, body: { vi: 'nội dung trang', en: 'page text' } },
    },
    messages: {
      reachable: { vi: 'Trang chủ trả lời HTTP {status} với nội dung HTML.', en: 'The home page answers HTTP {status} with HTML.' },
      noWebsite: { vi: 'Sổ đăng ký không có địa chỉ website của đơn vị.', en: 'The registry has no website for this unit.' },
      unreachable: {
        vi: 'Không truy cập được trang chủ ({reason}: {detail}).',
        en: 'The home page cannot be reached ({reason}: {detail}).',
      },
      tlsFailed: {
        vi: 'Lỗi TLS/chứng thư số khiến không tải được trang chủ ({detail}).',
        en: 'A TLS/certificate failure prevents fetching the home page ({detail}).',
      },
      blocked: { vi: 'Trang chủ chặn truy cập ({reason}: {detail}).', en: 'The home page blocks access ({reason}: {detail}).' },
      tooManyRedirects: {
        vi: 'Trang chủ chuyển hướng quá nhiều lần ({detail}).',
        en: 'The home page redirects too many times ({detail}).',
      },
      httpError: { vi: 'Trang chủ trả lời lỗi HTTP {status}.', en: 'The home page answers HTTP error {status}.' },
      notHtml: { vi: 'Trang chủ không phải HTML ({contentType}).', en: 'The home page is not HTML ({contentType}).' },
      parkedPage: {
        vi: 'Trang chủ là trang mặc định / tên miền chờ bán / "đang xây dựng" (dấu hiệu "{marker}" trong {where}).',
        en: 'The home page is a hosting default / parked / under-construction page ("{marker}" in the {where}).',
      },
      notVerified: {
        vi: 'Chưa xác minh được trang chủ ({reason}: {detail}).',
        en: 'The home page could not be verified ({reason}: {detail}).',
      },
      blockedByWaf: {
        vi: 'Chưa xác minh được: tường lửa hoặc hệ thống chống bot của website đã chặn công cụ kiểm tra ({detail}); người dùng bằng trình duyệt có thể vẫn xem được. Đề nghị đơn vị cho phép user agent "edu-site-audit" (hoặc địa chỉ IP của máy kiểm tra) trong tường lửa rồi kiểm tra lại.',
        en: 'Not verified: the site’s firewall or bot protection blocked the audit ({detail}); a visitor’s browser may still see the site. Ask the unit to allow the "edu-site-audit" user agent (or the auditing machine’s IP address) in its firewall, then audit again.',
      },
      blankPage: {
        vi: 'Trang chủ là trang trắng: HTTP {status} nhưng không có chữ nào hiển thị và không có liên kết.',
        en: 'The home page is blank: HTTP {status} but no visible text and no links.',
      },
      reachableTruncated: {
        vi: 'Trang chủ trả lời HTTP {status} với nội dung HTML; trang lớn hơn giới hạn {maxBytes} byte nên chỉ đánh giá phần đầu.',
        en: 'The home page answers HTTP {status} with HTML; it is larger than the {maxBytes}-byte cap, so only its beginning was judged.',
      },
    },
  },
  check(a, ctx) {
    const { homeFetch, unit } = a;
    const facts: UnitFacts = {};
    const certExpiry = a.tls?.validTo ?? homeFetch.tls?.validTo;
    // Node prints validTo as "Jan  1 00:00:00 2124 GMT"; ISO sorts and filters in spreadsheets.
    if (certExpiry) facts.certExpiry = Number.isNaN(Date.parse(certExpiry)) ? certExpiry : new Date(certExpiry).toISOString();
    const out = (o: Omit<RuleOutcome, 'facts'>): RuleOutcome => ({ ...o, facts });

    if (!homeFetch.ok) {
      if (!unit.website || homeFetch.url === '') {
        return out({
          status: 'fail',
          messageId: 'noWebsite',
          evidence: [{ url: '', selector: 'registry: website', excerpt: `${unit.source.file}:${unit.source.row}` }],
        });
      }
      const evidence: Evidence[] = [
        ...homeFetch.redirects.map((h) => ({ url: h.url, excerpt: `${h.status} → ${h.location}` })),
        { url: homeFetch.url, excerpt: `${homeFetch.reason}${homeFetch.status ? ` (HTTP ${homeFetch.status})` : ''}: ${homeFetch.detail}` },
      ];
      const data = { reason: homeFetch.reason, detail: homeFetch.detail || '-', status: homeFetch.status ?? '-' };
      const failId = FAILURE_MESSAGE[homeFetch.reason];
      if (failId === null) return out({ status: 'error', messageId: 'notVerified', data, evidence });
      if (failId === 'blockedByWaf') return out({ status: 'error', messageId: failId, data, evidence });
      return out({ status: 'fail', messageId: failId, data, evidence });
    }

    facts.finalUrl = homeFetch.finalUrl;
    const evidence: Evidence[] = [{ url: homeFetch.finalUrl, excerpt: `HTTP ${homeFetch.status} ${homeFetch.contentType}` }];
    if (homeFetch.status < 200 || homeFetch.status >= 300) {
      return out({ status: 'fail', messageId: 'httpError', data: { status: homeFetch.status }, evidence });
    }
    if (!homeFetch.isHtml) {
      return out({ status: 'fail', messageId: 'notHtml', data: { contentType: homeFetch.contentType || '-' }, evidence });
    }
    const home = a.home;
    if (!home) {
      return out({ status: 'error', messageId: 'notVerified', data: { reason: 'not parsed', detail: homeFetch.finalUrl }, evidence });
    }
    const $ = home.doc;
    const platform = detectPlatform($, home.finalUrl, home.text);
    if (platform) {
      facts.platform = platform.name;
      facts.platformMarker = platform.marker.slice(0, 200);
    }

    const rawTitle = titleText($).replace(/\s+/g, ' ').trim();
    const title = normalizeText(rawTitle);
    const markers = ctx.config.parkedPageMarkers.map(normalizeText);
    const inTitle = markers.find((m) => title.includes(m));
    if (inTitle) {
      return out({
        status: 'fail',
        messageId: 'parkedPage',
        data: { marker: inTitle, where: 'title' },
        evidence: [{ url: home.finalUrl, selector: 'title', excerpt: rawTitle }],
      });
    }
    // Outside the title a marker decides only on a short page: a real portal may quote "coming soon" in an article.
    const body = $('body').get(0);
    const bodyTextRaw = body ? textWithout(body, NOT_TEXT) : '';
    const bodyText = normalizeText(bodyTextRaw);
    const words = bodyText ? bodyText.split(' ').length : 0;
    const inBody = words < ctx.config.parkedPageMaxWords ? markers.find((m) => bodyText.includes(m)) : undefined;
    if (inBody) {
      const rawBody = bodyTextRaw
        .normalize('NFC')
        .replace(/[\s\u00a0]+/g, ' ')
        .trim();
      const at = Math.max(0, rawBody.toLocaleLowerCase('vi').indexOf(inBody));
      return out({
        status: 'fail',
        messageId: 'parkedPage',
        data: { marker: inBody, where: 'body', words },
        evidence: [{ url: home.finalUrl, selector: 'body', excerpt: rawBody.slice(Math.max(0, at - 60), at + 140) }],
      });
    }
    if (isBlankPage($)) {
      return out({
        status: 'fail',
        messageId: 'blankPage',
        data: { status: homeFetch.status },
        evidence: [
          { url: home.finalUrl, selector: 'body', excerpt: `HTTP ${homeFetch.status}, ${home.bytes} bytes, 0 visible characters, 0 links` },
        ],
      });
    }
    if (rawTitle) evidence.push({ url: home.finalUrl, selector: 'title', excerpt: rawTitle });
    if (home.truncated) {
      evidence.push({ url: home.finalUrl, selector: 'truncated', excerpt: `cut at ${home.bytes} bytes (--max-bytes)` });
      return out({ status: 'pass', messageId: 'reachableTruncated', data: { status: homeFetch.status, maxBytes: home.bytes }, evidence });
    }
    return out({ status: 'pass', messageId: 'reachable', data: { status: homeFetch.status }, evidence });
  },
});

export default rule;
