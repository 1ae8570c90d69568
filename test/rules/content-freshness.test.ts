import { describe } from 'vitest';
import rule from '../../rules/content-freshness.js';
import type { Artifacts, FetchResult } from '../../src/model/artifacts.js';
import { fetchedPage, fixturePage, makeArtifacts, runRuleCases } from '../../src/engine/rule-tester.js';

const page = (name: string): string => fixturePage('content-freshness', name);
const SITE = 'https://thcs-nguyendu.hcm.edu.vn/';
const NOW = new Date('2026-11-15T02:00:00Z');

/** A unit whose crawler fetched `pages` (path → HTML, or a full FetchResult) besides the home page. */
function site(home: string, pages: Record<string, string | FetchResult> = {}): Artifacts {
  const a = makeArtifacts({ html: home });
  for (const [path, p] of Object.entries(pages)) {
    const url = new URL(path, SITE).href;
    a.pages.set(url, typeof p === 'string' ? fetchedPage(url, p) : p);
  }
  return a;
}

describe('content-freshness', () => {
  runRuleCases(rule, [
    {
      name: 'an ASP.NET portal dated "Thứ hai, 14/9/2026, 12:19" (weekday, time, no leading zero) is read',
      artifacts: makeArtifacts({
        html: fixturePage('navigation', 'aspnet-webforms.html'),
        unit: { website: 'https://pgdcangio.hcm.edu.vn/', type: 'phong' },
      }),
      now: NOW,
      expected: { status: 'pass', messageId: 'fresh', data: { date: '14/09/2026', days: 62 }, evidence: ['14/9/2026'] },
    },
    {
      name: 'NukeViet news list dated 10/11/2026 passes; the header date widget, the footer "cập nhật" date and a deadline in December are not items',
      artifacts: site(page('nukeviet-home.html'), { '/news/': page('nukeviet-news.html') }),
      now: NOW,
      expected: {
        status: 'pass',
        messageId: 'fresh',
        data: { date: '10/11/2026', days: 5 },
        evidence: [`${SITE}news/`, 'Hội thi giáo viên dạy giỏi'],
      },
    },
    {
      name: 'the news page not fetched and nothing dated on the home page is not verified',
      artifacts: site(page('nukeviet-home.html')),
      now: NOW,
      expected: { status: 'error', messageId: 'newsUnverified', evidence: [`${SITE}news/`] },
    },
    {
      name: 'the news page answering 404 and nothing dated on the home page fails',
      artifacts: site(page('nukeviet-home.html'), {
        '/news/': fetchedPage(`${SITE}news/`, '<html><body><h1>404 Not Found</h1></body></html>', { status: 404 }),
      }),
      now: NOW,
      expected: { status: 'fail', messageId: 'noDatedItem' },
    },
    {
      name: 'WordPress <time datetime> 118 days old warns (the #current-date widget in the masthead is ignored)',
      artifacts: site(page('wordpress-home.html')),
      now: NOW,
      expected: {
        status: 'warn',
        messageId: 'stale',
        data: { date: '20/07/2026', days: 118 },
        evidence: ['time', 'Tổng kết hoạt động hè'],
      },
    },
    {
      name: 'the same WordPress page audited on 30/08/2026 passes (41 days)',
      artifacts: site(page('wordpress-home.html')),
      now: new Date('2026-08-30T03:00:00Z'),
      expected: { status: 'pass', messageId: 'fresh', data: { date: '20/07/2026', days: 41 } },
    },
    {
      name: 'a configured 120-day threshold makes 118 days a pass',
      artifacts: site(page('wordpress-home.html')),
      now: NOW,
      config: { freshness: { passDays: 120, warnDays: 365, futureGraceDays: 2, congKhaiDays: 365, todayWidgets: ['current-date'] } },
      expected: { status: 'pass', messageId: 'fresh' },
    },
    {
      name: '"Thứ Hai, ngày 3 tháng 11 năm 2026 - 08:15" in a Violet entry passes',
      artifacts: site(page('violet-words.html')),
      now: NOW,
      expected: {
        status: 'pass',
        messageId: 'fresh',
        data: { date: '03/11/2026', days: 12 },
        evidence: ['ngày 3 tháng 11 năm 2026', 'Hội khỏe Phù Đổng'],
      },
    },
    {
      name: 'only today’s date (header clock, "Hôm nay" box, footer) is recent: the newest item, 05/03/2025, fails',
      artifacts: site(page('today-widget-only.html')),
      now: NOW,
      expected: { status: 'fail', messageId: 'outdated', data: { date: '05/03/2025', days: 620 }, evidence: ['Ngày hội bé vui khỏe'] },
    },
    {
      name: 'document numbers (4210/GDĐT-TTTT, 37/2020/TT-BGDĐT) and a founding year are not dates: no dated item fails',
      artifacts: site(page('no-dates.html')),
      now: NOW,
      expected: { status: 'fail', messageId: 'noDatedItem' },
    },
    {
      name: 'an unreachable home page is an error',
      artifacts: makeArtifacts({ failure: { reason: 'timeout', detail: 'headers timeout' } }),
      now: NOW,
      expected: { status: 'error', messageId: 'missingArtifact' },
    },
  ]);
});
