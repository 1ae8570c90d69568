// Checks that the newest dated item of the news section (or home page) is recent (CV 4210 mục III.1; QĐ 1682/2018 Điều 10).
import type { FetchedPage } from '../src/model/artifacts.js';
import { defineRule, type Evidence, type RuleOutcome } from '../src/model/rule.js';
import { CV_4210, QD_1682_2018, cite } from '../src/engine/basis.js';
import { datedItems, matchExcerpt, type DatedItem } from '../src/engine/dated-items.js';
import { daysBefore, formatViDate, newestPlausible } from '../src/engine/dates.js';
import { findSectionLinks, sectionPage, targetState } from '../src/engine/sections.js';

type Found = DatedItem & { url: string };

const rule = defineRule({
  meta: {
    id: 'content-freshness',
    title: { vi: 'Tin tức được cập nhật thường xuyên', en: 'News is kept up to date' },
    failureTitle: { vi: 'Tin tức không được cập nhật', en: 'News is not kept up to date' },
    weight: 2,
    appliesTo: 'all',
    basis: [
      cite(CV_4210, 'mục III.1 (website hoạt động hiệu quả, đăng tải đầy đủ thông tin; cập nhật thường xuyên và kịp thời)'),
      cite(QD_1682_2018, 'Điều 10 khoản 3 (tối thiểu 01 bài/tháng)'),
    ],
    requires: ['home', 'pages'],
    messages: {
      fresh: {
        vi: 'Tin mới nhất ngày {date} ({days} ngày trước ngày kiểm tra).',
        en: 'Newest item dated {date} ({days|day|days} before the audit).',
      },
      stale: {
        vi: 'Tin mới nhất ngày {date}, đã {days} ngày không cập nhật (quá {passDays} ngày).',
        en: 'Newest item dated {date}: no update for {days} days (more than {passDays}).',
      },
      outdated: {
        vi: 'Tin mới nhất ngày {date}, đã {days} ngày không cập nhật (quá {warnDays} ngày).',
        en: 'Newest item dated {date}: no update for {days} days (more than {warnDays}).',
      },
      noDatedItem: {
        vi: 'Không tìm thấy tin nào có ngày đăng trong chuyên mục tin tức và trên trang chủ.',
        en: 'No dated item in the news section or on the home page.',
      },
      newsUnverified: {
        vi: 'Chưa xác minh được: không tải được trang chuyên mục tin tức {url}, trang chủ không có tin mới.',
        en: 'Not verified: the news section page {url} could not be fetched and the home page has no recent item.',
      },
    },
  },
  check(a, ctx): RuleOutcome {
    const { home } = a;
    const cfg = ctx.config.freshness;
    const sections = findSectionLinks(a, ctx.config.sections.tinTuc, ctx.config);
    // The news section pages and the home page both show the site's news: the newest item on either counts.
    const pages: FetchedPage[] = [];
    for (const s of sections) {
      const page = sectionPage(s);
      if (page && !pages.some((p) => p.finalUrl === page.finalUrl)) pages.push(page);
    }
    if (!pages.some((p) => p.finalUrl === home.finalUrl)) pages.push(home);
    const found: Found[] = [];
    for (const page of pages) {
      if (!page.doc) continue;
      for (const item of datedItems(page.doc, cfg.todayWidgets)) found.push({ ...item, url: page.finalUrl });
    }
    const newest = newestPlausible(found, ctx.now, cfg.futureGraceDays);
    const looked = pages.map((p) => p.finalUrl).join(', ');
    if (!newest)
      return unverifiedOr({ status: 'fail', messageId: 'noDatedItem', evidence: [{ url: home.finalUrl, excerpt: `Đã xem: ${looked}` }] });
    const days = Math.max(0, daysBefore(newest.date, ctx.now));
    const data = { date: formatViDate(newest.date), days, passDays: cfg.passDays, warnDays: cfg.warnDays };
    const evidence: Evidence[] = [{ url: newest.url, selector: newest.selector, excerpt: matchExcerpt(newest) }];
    if (days <= cfg.passDays) return { status: 'pass', messageId: 'fresh', data, evidence };
    if (days <= cfg.warnDays) return unverifiedOr({ status: 'warn', messageId: 'stale', data, evidence });
    return unverifiedOr({ status: 'fail', messageId: 'outdated', data, evidence });

    /** A stale verdict is only as good as the pages read: a news page that timed out may hold the fresh item. */
    function unverifiedOr(outcome: RuleOutcome): RuleOutcome {
      if (pages.length > 1) return outcome;
      const missing = sections.find((s) => targetState(s, home.finalUrl) === 'unverified');
      if (!missing) return outcome;
      return {
        status: 'error',
        messageId: 'newsUnverified',
        data: { url: missing.link.href },
        evidence: [{ url: missing.link.href, selector: missing.link.selector }],
      };
    }
  },
});

export default rule;
