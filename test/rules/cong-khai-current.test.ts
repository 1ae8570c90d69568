import { describe } from 'vitest';
import rule from '../../rules/cong-khai-current.js';
import type { Artifacts, FetchResult } from '../../src/model/artifacts.js';
import { fetchedPage, fixturePage, makeArtifacts, runRuleCases } from '../../src/engine/rule-tester.js';

const page = (name: string): string => fixturePage('cong-khai-current', name);
const SITE = 'https://thcs-nguyendu.hcm.edu.vn/';
const NOW = new Date('2026-11-15T02:00:00Z');

function site(home: string, pages: Record<string, string | FetchResult> = {}): Artifacts {
  const a = makeArtifacts({ html: home });
  for (const [path, p] of Object.entries(pages)) {
    const url = new URL(path, SITE).href;
    a.pages.set(url, typeof p === 'string' ? fetchedPage(url, p) : p);
  }
  return a;
}

const index = (sub: Record<string, string> = {}): Artifacts =>
  site(page('home.html'), { '/cong-khai/': page('section-index.html'), ...sub });

describe('cong-khai-current', () => {
  runRuleCases(rule, [
    {
      name: 'the section page lists "năm học 2025-2026" PDFs (previous school year) and passes',
      artifacts: site(page('home.html'), { '/cong-khai/': page('section-current.html') }),
      now: NOW,
      expected: {
        status: 'pass',
        messageId: 'currentSchoolYear',
        data: { year: '2025-2026' },
        evidence: [`${SITE}cong-khai/`, 'Biểu mẫu 09'],
      },
    },
    {
      name: 'the same page on 31/08/2027 still passes: 2025-2026 is the previous school year until 1 September',
      artifacts: site(page('home.html'), { '/cong-khai/': page('section-current.html') }),
      now: new Date('2027-08-31T03:00:00Z'),
      expected: { status: 'pass', messageId: 'currentSchoolYear' },
    },
    {
      name: 'the same page on 02/09/2027 fails: the school year turned to 2027-2028',
      artifacts: site(page('home.html'), { '/cong-khai/': page('section-current.html') }),
      now: new Date('2027-09-02T03:00:00Z'),
      expected: { status: 'fail', messageId: 'outdated', data: { schoolYears: '2026-2027, 2027-2028', newest: 'năm học 2025-2026' } },
    },
    {
      name: 'a 2022-2023 page fails: today’s date in the header, the footer date and a side menu naming 2026-2027 do not count',
      artifacts: site(page('home.html'), { '/cong-khai/': page('section-old-2023.html') }),
      now: NOW,
      expected: {
        status: 'fail',
        messageId: 'outdated',
        data: { newest: 'năm học 2022-2023; 15/09/2023' },
        evidence: [`${SITE}cong-khai/`],
      },
    },
    {
      name: 'a sub-page linked from the section content naming "dự toán ngân sách năm 2026" passes',
      artifacts: index({ '/cong-khai/thu-chi-tai-chinh.html': page('thu-chi-tai-chinh.html') }),
      now: NOW,
      expected: {
        status: 'pass',
        messageId: 'currentYear',
        data: { year: 2026 },
        evidence: [`${SITE}cong-khai/thu-chi-tai-chinh.html`, 'năm 2026'],
      },
    },
    {
      name: 'a sub-page item dated 20/12/2025 (within 12 months) passes',
      artifacts: index({ '/cong-khai/cam-ket-chat-luong.html': page('cam-ket-chat-luong.html') }),
      now: NOW,
      expected: { status: 'pass', messageId: 'currentDate', data: { date: '20/12/2025' } },
    },
    {
      name: 'the same item audited on 10/01/2027 is more than 12 months old and fails',
      artifacts: index({ '/cong-khai/cam-ket-chat-luong.html': page('cam-ket-chat-luong.html') }),
      now: new Date('2027-01-10T03:00:00Z'),
      expected: { status: 'fail', messageId: 'outdated', data: { newest: '20/12/2025' } },
    },
    {
      name: 'an index page whose sub-pages were not fetched fails; its footer link to a 2026-2027 news item does not count',
      artifacts: index({
        '/news/hoi-nghi-1520.html':
          '<html><body><div class="news-detail">Hội nghị cán bộ năm học 2026-2027, 14/11/2026</div></body></html>',
      }),
      now: NOW,
      expected: { status: 'fail', messageId: 'outdated' },
    },
    {
      name: 'no "Công khai" menu entry is na, even when an article mentions công khai',
      artifacts: site(page('home-no-section.html')),
      now: NOW,
      expected: { status: 'na', messageId: 'noSection' },
    },
    {
      name: 'the section page answering 404 fails with the broken URL',
      artifacts: site(page('home.html'), {
        '/cong-khai/': fetchedPage(`${SITE}cong-khai/`, '<html><body>Not Found</body></html>', { status: 404 }),
      }),
      now: NOW,
      expected: { status: 'fail', messageId: 'sectionBroken', data: { status: 404 }, evidence: [`${SITE}cong-khai/`] },
    },
    {
      name: 'a section page answering 200 with an error title fails as an error page, not "HTTP 200"',
      artifacts: site(page('home.html'), {
        '/cong-khai/': fetchedPage(
          `${SITE}cong-khai/`,
          '<html><head><title>Lỗi 404 - Không tìm thấy trang</title></head><body><h1>Không tìm thấy trang</h1></body></html>',
        ),
      }),
      now: NOW,
      expected: { status: 'fail', messageId: 'sectionErrorPage', data: { url: `${SITE}cong-khai/` }, evidence: [`${SITE}cong-khai/`] },
    },
    {
      name: 'the section page timing out is not verified',
      artifacts: site(page('home.html'), {
        '/cong-khai/': { ok: false, url: `${SITE}cong-khai/`, reason: 'timeout', detail: 'body timeout', redirects: [] },
      }),
      now: NOW,
      expected: { status: 'error', messageId: 'sectionUnverified' },
    },
  ]);
});
