// Checks that the "Công khai" section carries this or last school year's disclosures (TT 09/2024 Điều 15).
import type { FetchedPage } from '../src/model/artifacts.js';
import { defineRule, type Evidence, type RuleOutcome } from '../src/model/rule.js';
import { TT_09_2024, cite } from '../src/engine/basis.js';
import { datedItems, matchExcerpt, yearMentions, type ContentMatch } from '../src/engine/dated-items.js';
import { auditDay, daysBefore, formatSchoolYear, formatViDate, isPlausiblePublished, schoolYearStart } from '../src/engine/dates.js';
import { isHttpUrl, contentLinks } from '../src/page/links.js';
import { sameHost } from '../src/util/hosts.js';
import { locateSection } from '../src/engine/section-rule.js';
import { lookupPage, sectionEvidence, sectionPage, targetState } from '../src/engine/sections.js';

type Html = FetchedPage & { doc: NonNullable<FetchedPage['doc']> };

const rule = defineRule({
  meta: {
    id: 'cong-khai-current',
    title: { vi: 'Chuyên mục Công khai được cập nhật', en: 'The "Công khai" section is up to date' },
    failureTitle: { vi: 'Chuyên mục Công khai không được cập nhật', en: 'The "Công khai" section is out of date' },
    weight: 2,
    appliesTo: 'all',
    basis: [cite(TT_09_2024, 'Điều 15 (công khai trước ngày 30 tháng 6 hằng năm; cập nhật thay đổi trong 10 ngày làm việc)')],
    requires: ['home', 'pages'],
    messages: {
      currentDate: {
        vi: 'Chuyên mục Công khai có mục ngày {date}, trong vòng 12 tháng.',
        en: 'The "Công khai" section has an item dated {date}, within 12 months.',
      },
      currentSchoolYear: {
        vi: 'Chuyên mục Công khai có nội dung năm học {year}.',
        en: 'The "Công khai" section has content for school year {year}.',
      },
      currentYear: { vi: 'Chuyên mục Công khai có nội dung năm {year}.', en: 'The "Công khai" section has content for the year {year}.' },
      outdated: {
        vi: 'Chuyên mục Công khai không có nội dung năm học {schoolYears}, năm {year} hay trong 12 tháng gần đây (mới nhất: {newest}).',
        en: 'The "Công khai" section has nothing for school years {schoolYears}, the year {year} or the last 12 months (newest: {newest}).',
      },
      sectionBroken: {
        vi: 'Trang chuyên mục Công khai {url} trả về lỗi HTTP {status}.',
        en: 'The "Công khai" page {url} answers HTTP {status}.',
      },
      sectionErrorPage: {
        vi: 'Trang chuyên mục Công khai {url} là trang báo lỗi ("{shown}"), không có nội dung.',
        en: 'The "Công khai" page {url} is an error page ("{shown}"), with no content.',
      },
      sectionUnverified: {
        vi: 'Chưa xác minh được: không tải được trang chuyên mục Công khai {url}.',
        en: 'Not verified: the "Công khai" page {url} could not be fetched.',
      },
      noSection: {
        vi: 'Không có chuyên mục Công khai trên thanh điều hướng (xem quy tắc menu-cong-khai).',
        en: 'No "Công khai" section in the navigation (see menu-cong-khai).',
      },
    },
  },
  check(a, ctx): RuleOutcome {
    const { home } = a;
    // The entries that make the section exist: a placeholder parent ("#", the home page) counts through its dropdown.
    const located = locateSection(a, ctx.config.sections.congKhai, ctx.config);
    const sections = [...located.links, ...located.subLinks];
    const first = located.links[0];
    if (!first) return { status: 'na', messageId: 'noSection', evidence: [{ url: home.finalUrl, selector: 'nav' }] };

    // The section pages (a dropdown "Công khai năm học" is a section link too), then the same-site pages their own
    // content links to, as far as the crawler fetched them.
    const sectionPages: Html[] = [];
    for (const s of sections) {
      const page = sectionPage(s);
      if (page && !sectionPages.some((p) => p.finalUrl === page.finalUrl)) sectionPages.push(page);
    }
    if (sectionPages.length === 0) {
      const broken = sections.find((s) => targetState(s, home.finalUrl) === 'broken');
      if (broken) {
        const evidence = [sectionEvidence(broken, home.finalUrl)];
        // A soft 404 answers 200: its message names what the page says, never "lỗi HTTP 200".
        if (broken.notFound)
          return { status: 'fail', messageId: 'sectionErrorPage', data: { url: broken.link.href, shown: broken.notFound }, evidence };
        const status = broken.target?.ok ? broken.target.status : 0;
        return { status: 'fail', messageId: 'sectionBroken', data: { url: broken.link.href, status }, evidence };
      }
      return {
        status: 'error',
        messageId: 'sectionUnverified',
        data: { url: first.link.href },
        evidence: [sectionEvidence(first, home.finalUrl)],
      };
    }
    const pages = [...sectionPages];
    for (const sp of sectionPages) {
      for (const link of contentLinks(sp.doc, sp.finalUrl)) {
        if (!isHttpUrl(link.href) || !sameHost(link.href, sp.finalUrl)) continue;
        const t = lookupPage(a, link.href);
        if (t?.ok && t.status < 300 && t.doc && !pages.some((p) => p.finalUrl === t.finalUrl)) pages.push(t as Html);
      }
    }

    const cfg = ctx.config.freshness;
    const current = schoolYearStart(auditDay(ctx.now));
    const year = auditDay(ctx.now).getUTCFullYear();
    const ev = (url: string, m: ContentMatch): Evidence[] => [{ url, selector: m.selector, excerpt: matchExcerpt(m) }];
    let newest: { date: Date; url: string } | undefined;
    let newestStart: number | undefined;
    for (const page of pages) {
      const mentions = yearMentions(page.doc, cfg.todayWidgets);
      const sy = mentions.schoolYears.find((s) => s.start === current || s.start === current - 1);
      if (sy)
        return {
          status: 'pass',
          messageId: 'currentSchoolYear',
          data: { year: formatSchoolYear(sy.start) },
          evidence: ev(page.finalUrl, sy),
        };
      const named = mentions.years.find((y) => y.year === year);
      if (named) return { status: 'pass', messageId: 'currentYear', data: { year }, evidence: ev(page.finalUrl, named) };
      for (const item of datedItems(page.doc, cfg.todayWidgets)) {
        if (!isPlausiblePublished(item.date, ctx.now, cfg.futureGraceDays)) continue;
        if (daysBefore(item.date, ctx.now) <= cfg.congKhaiDays) {
          return { status: 'pass', messageId: 'currentDate', data: { date: formatViDate(item.date) }, evidence: ev(page.finalUrl, item) };
        }
        if (!newest || item.date > newest.date) newest = { date: item.date, url: page.finalUrl };
      }
      for (const s of mentions.schoolYears)
        if (s.start <= current && (newestStart === undefined || s.start > newestStart)) newestStart = s.start;
    }
    const parts = [
      newestStart !== undefined ? `năm học ${formatSchoolYear(newestStart)}` : '',
      newest ? formatViDate(newest.date) : '',
    ].filter(Boolean);
    return {
      status: 'fail',
      messageId: 'outdated',
      data: { schoolYears: `${formatSchoolYear(current - 1)}, ${formatSchoolYear(current)}`, year, newest: parts.join('; ') || '—' },
      evidence: pages.map((p) => ({ url: p.finalUrl })).slice(0, 10),
    };
  },
});

export default rule;
