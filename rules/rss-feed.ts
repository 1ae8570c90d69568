// Checks that the home page advertises a working RSS/Atom feed (CV 4210 mục III.4: tích hợp hệ thống RSS).
import { defineRule, type Evidence, type RuleOutcome } from '../src/model/rule.js';
import { CV_4210, cite } from '../src/engine/basis.js';
import { advertisedFeeds, parseFeed } from '../src/engine/feeds.js';

/** Failures that say nothing about the feed itself: not verified, never a silent warn. */
const UNVERIFIED = new Set(['timeout', 'deadline', 'blocked_by_robots', 'blocked_by_waf']);

const rule = defineRule({
  meta: {
    id: 'rss-feed',
    title: { vi: 'Có nguồn tin RSS/Atom hoạt động', en: 'Working RSS/Atom feed' },
    failureTitle: { vi: 'Không có nguồn tin RSS/Atom', en: 'No RSS/Atom feed' },
    weight: 1,
    appliesTo: 'all',
    basis: [cite(CV_4210, 'mục III.4 (có tích hợp hệ thống RSS)')],
    requires: ['home'],
    optional: ['feed'],
    messages: {
      feedOk: { vi: 'Nguồn tin {kind} {url} có {items} tin.', en: 'The {kind} feed {url} has {items|item|items}.' },
      feedEmpty: { vi: 'Nguồn tin {url} không có tin nào.', en: 'The feed {url} has no items.' },
      feedHttpError: { vi: 'Nguồn tin {url} trả về lỗi HTTP {status}.', en: 'The feed {url} answers HTTP {status}.' },
      feedNotXml: {
        vi: 'Địa chỉ nguồn tin {url} không trả về RSS/Atom ({problem}).',
        en: 'The feed address {url} does not return RSS/Atom ({problem}).',
      },
      feedFetchFailed: { vi: 'Không tải được nguồn tin {url} ({reason}).', en: 'The feed {url} could not be fetched ({reason}).' },
      feedUnverified: { vi: 'Chưa xác minh được nguồn tin {url} ({reason}).', en: 'The feed {url} could not be verified ({reason}).' },
      notAdvertised: {
        vi: 'Trang chủ không khai báo nguồn tin RSS/Atom (<link rel="alternate" type="application/rss+xml"> hoặc liên kết RSS).',
        en: 'The home page advertises no RSS/Atom feed (<link rel="alternate" type="application/rss+xml"> or an RSS link).',
      },
    },
  },
  check(a): RuleOutcome {
    const { home } = a;
    const ads = advertisedFeeds(home.doc, home.finalUrl);
    const feed = a.feed;
    // The crawler fetches the first advertised feed; name the advertisement it came from.
    const ad = (feed && ads.find((f) => f.url === feed.url)) ?? ads[0];
    if (!ad)
      return {
        status: 'fail',
        messageId: 'notAdvertised',
        evidence: [{ url: home.finalUrl, selector: 'link[rel=alternate], a[href*=rss]' }],
      };
    const adEvidence: Evidence = { url: home.finalUrl, selector: ad.selector, excerpt: `${ad.text} → ${ad.url}`.trim() };
    if (!feed)
      return {
        status: 'error',
        messageId: 'feedUnverified',
        data: { url: ad.url, reason: 'không được tải / not fetched' },
        evidence: [adEvidence],
      };
    const url = feed.url;
    if (!feed.ok) {
      const data = { url, reason: `${feed.reason}${feed.detail ? `: ${feed.detail}` : ''}` };
      if (UNVERIFIED.has(feed.reason)) return { status: 'error', messageId: 'feedUnverified', data, evidence: [adEvidence, { url }] };
      return { status: 'warn', messageId: 'feedFetchFailed', data, evidence: [adEvidence, { url }] };
    }
    if (feed.status === 403 || feed.status === 429) {
      return {
        status: 'error',
        messageId: 'feedUnverified',
        data: { url, reason: `HTTP ${feed.status}` },
        evidence: [adEvidence, { url: feed.finalUrl }],
      };
    }
    if (feed.status >= 400)
      return {
        status: 'warn',
        messageId: 'feedHttpError',
        data: { url, status: feed.status },
        evidence: [adEvidence, { url: feed.finalUrl, excerpt: `HTTP ${feed.status}` }],
      };
    const parsed = parseFeed(feed.text);
    const bodyStart = feed.text.trim().slice(0, 120);
    if (!parsed.ok) {
      const problem = parsed.problem === 'html' ? 'trang HTML / an HTML page' : 'không phải XML RSS/Atom / not RSS/Atom XML';
      return {
        status: 'warn',
        messageId: 'feedNotXml',
        data: { url, problem },
        evidence: [adEvidence, { url: feed.finalUrl, excerpt: bodyStart }],
      };
    }
    if (parsed.items === 0)
      return { status: 'warn', messageId: 'feedEmpty', data: { url }, evidence: [adEvidence, { url: feed.finalUrl, excerpt: bodyStart }] };
    const kind = parsed.kind === 'atom' ? 'Atom' : 'RSS';
    return {
      status: 'pass',
      messageId: 'feedOk',
      data: { kind, url, items: parsed.items },
      evidence: [adEvidence, { url: feed.finalUrl, excerpt: [parsed.title, parsed.newest].filter(Boolean).join(' — ') }],
    };
  },
});

export default rule;
