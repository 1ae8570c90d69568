import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-malicious-content.js';
import type { Artifacts } from '../../src/model/artifacts.js';
import { bettingHost, findBettingTerms } from '../../src/engine/spam.js';
import { optionDefaults } from '../../src/engine/rules-config.js';
import { fetchedPage, fixturePage, makeArtifacts, runRuleCases } from '../../src/engine/rule-tester.js';

const page = (name: string): string => fixturePage('no-malicious-content', name);
const site = 'https://thcs-nguyendu.hcm.edu.vn/';

function withExtras(html: string, extras: { pages?: Record<string, string>; searchbot?: string }): Artifacts {
  const a = makeArtifacts({ html });
  for (const [url, text] of Object.entries(extras.pages ?? {})) a.pages.set(url, fetchedPage(url, text));
  if (extras.searchbot !== undefined) a.searchbotHome = { ...fetchedPage(site, extras.searchbot), userAgent: 'searchbot' };
  return a;
}

describe('no-malicious-content', () => {
  runRuleCases(rule, [
    {
      name: 'a clean home page, searchbot version identical, passes (đá gạch, "cả đó", Judith, kiwing.example.com are not spam)',
      artifacts: withExtras(page('clean.html'), { searchbot: page('clean.html') }),
      expected: { status: 'pass', messageId: 'clean', data: { pages: 1 } },
    },
    {
      name: 'a hacked NukeViet footer with betting links in a display:none div fails as hidden',
      artifacts: makeArtifacts({ html: page('hacked-footer.html') }),
      expected: {
        status: 'fail',
        messageId: 'maliciousContent',
        data: { where: 'hidden' },
        evidence: ['[hidden] style="display:none"', 'nhà cái', 'footer#footer'],
      },
    },
    {
      name: 'a hidden link to a betting host fails as hidden even when its text has no betting word',
      artifacts: makeArtifacts({
        html: '<html lang="vi"><head><title>Trường THCS Nguyễn Du</title></head><body><div id="content"><p>Tin hoạt động của trường.</p></div><div style="display:none"><a href="https://nhacai-w88.example.com/">xem thêm</a></div></body></html>',
      }),
      expected: {
        status: 'fail',
        messageId: 'maliciousContent',
        data: { where: 'hidden' },
        evidence: ['[hidden]', 'nhacai-w88.example.com'],
      },
    },
    {
      name: 'title, meta description and og:title spam fail',
      artifacts: makeArtifacts({ html: page('title-spam.html'), unit: { website: 'https://thcstranphu.haiphong.edu.vn/' } }),
      expected: {
        status: 'fail',
        messageId: 'maliciousContent',
        data: { where: 'title, meta' },
        evidence: ['Nhà cái uy tín - Trường THCS Trần Phú', 'meta[property="og:title"]', 'meta[name="description"]'],
      },
    },
    {
      name: 'a "Hacked by" defacement fails',
      artifacts: makeArtifacts({ html: page('defaced.html') }),
      expected: { status: 'fail', messageId: 'maliciousContent', data: { where: 'defaced' }, evidence: ['[defaced] hacked by mr.x0r'] },
    },
    {
      name: 'an article warning against gambling (title, meta, body, a collapsed tab) is not spam, and the pass shows why',
      artifacts: withExtras(page('clean.html'), {
        pages: { [`${site}news/tin-hoat-dong/tuyen-truyen-1510.html`]: page('anti-gambling-article.html') },
      }),
      expected: {
        status: 'pass',
        messageId: 'cleanCloakingUnchecked',
        data: { pages: 2 },
        evidence: ['[warning context]', 'tuyen-truyen-1510.html'],
      },
    },
    {
      name: 'a crawled inner page carrying hidden spam fails even when the home page is clean',
      artifacts: withExtras(page('clean.html'), {
        pages: { [`${site}news/tin-hoat-dong/le-khai-giang-1501.html`]: page('hacked-footer.html') },
        searchbot: page('clean.html'),
      }),
      expected: { status: 'fail', messageId: 'maliciousContent', evidence: [`${site}news/tin-hoat-dong/le-khai-giang-1501.html`] },
    },
    {
      name: 'cloaking: the Googlebot version links to fb88 while visitors see a clean page',
      artifacts: withExtras(page('clean.html'), { searchbot: page('cloaked-bot.html') }),
      expected: {
        status: 'fail',
        messageId: 'maliciousContent',
        data: { where: 'cloaked' },
        evidence: ['[cloaked] Googlebot:', 'fb88.example.com'],
      },
    },
    {
      name: 'off-screen text, a zero-size box from a <style> rule and a betting link in a table menu fail',
      artifacts: makeArtifacts({ html: page('offscreen-nav.html'), unit: { website: 'https://thlelo.violet.vn/' } }),
      expected: {
        status: 'fail',
        messageId: 'maliciousContent',
        data: { where: 'hidden, nav' },
        evidence: ['.lk-doitac { off-screen }', '#seo_box { zero size }', 'sunwin-club.example.com'],
      },
    },
    {
      name: 'a meta refresh to a betting page: the soft-redirect target is scanned',
      artifacts: makeArtifacts({
        html: '<html lang="vi"><head><title>Trường THCS Nguyễn Du</title><meta http-equiv="refresh" content="0;url=https://w88vn.example.com/"></head><body></body></html>',
        softRedirect: {
          kind: 'meta-refresh',
          from: site,
          to: 'https://w88vn.example.com/',
          target: fetchedPage('https://w88vn.example.com/', page('title-spam.html')),
        },
      }),
      expected: { status: 'fail', messageId: 'maliciousContent', evidence: ['https://w88vn.example.com/', '[title]'] },
    },
    {
      name: 'an outbound link to a betting domain in the page body fails as link',
      artifacts: makeArtifacts({
        html: '<html lang="vi"><head><title>Trường</title></head><body><div class="sidebar"><a href="https://link-vao-188bet.example.com/"><img src="/b.gif" alt="Đối tác"></a></div></body></html>',
      }),
      expected: { status: 'fail', messageId: 'maliciousContent', data: { where: 'link' }, evidence: ['link-vao-188bet.example.com'] },
    },
  ]);

  it('matches terms as whole words, with diacritics or written bare, never inside another word', () => {
    const cfg = optionDefaults(rule);
    const terms = (t: string): string[] => findBettingTerms(t, cfg).map((h) => h.term);
    expect(terms('Nha cai uy tin so 1')).toContain('nhà cái');
    expect(terms('tất cả đó là')).toEqual([]);
    expect(terms('Cô Judith dạy tiếng Anh')).toEqual([]);
    expect(terms('situs judi online')).toContain('judi');
    expect(terms('mã kw88x')).toEqual([]);
    expect(terms('đá gạch, đá cầu')).toEqual([]);
    expect(findBettingTerms('Tuyên truyền phòng chống cá độ bóng đá', cfg)[0]?.warning).toBe('phòng chống');
  });

  it('recognises betting hosts by brand or word, not look-alike names', () => {
    const cfg = optionDefaults(rule);
    expect(bettingHost('https://nhacai-w88.example.com/', cfg)).toBe('w88');
    expect(bettingHost('https://fb88vip.example.com/x', cfg)).toBe('fb88');
    expect(bettingHost('https://kiwing.example.com/', cfg)).toBeUndefined();
    expect(bettingHost('https://newsletter.example.com/', cfg)).toBeUndefined();
    expect(bettingHost('https://hcm.edu.vn/', cfg)).toBeUndefined();
    expect(bettingHost('mailto:w88@example.com', cfg)).toBeUndefined();
  });
});
