import { describe } from 'vitest';
import rule from '../../rules/section-tin-tuc.js';
import { runRuleCases } from '../../src/engine/rule-tester.js';
import { edugate, handMade, html, legacy, nukeviet, site, violet } from './section-site.js';

describe('section-tin-tuc', () => {
  runRuleCases(rule, [
    {
      name: 'NukeViet "Tin tức - Sự kiện" passes',
      artifacts: nukeviet(),
      expected: { status: 'pass', messageId: 'tinTucFound', data: { text: 'Tin tức - Sự kiện' } },
    },
    {
      name: 'NukeViet Edu Gate top menu ul.slimmenu "Tin tức" passes',
      artifacts: edugate(),
      expected: { status: 'pass', messageId: 'tinTucFound', evidence: ['Tin tức → https://thcs-leloi.hcm.edu.vn/news/'] },
    },
    {
      name: 'a hand-made portal with no marked menu: "Tin tức" in its first link block passes',
      artifacts: handMade(),
      expected: { status: 'pass', messageId: 'tinTucFound', data: { text: 'Tin tức' } },
    },
    {
      name: 'Violet plain-link menu "Tin tức" passes',
      artifacts: violet(),
      expected: { status: 'pass', messageId: 'tinTucFound', evidence: ['div#menu > a:nth-of-type(3)'] },
    },
    {
      name: 'a "Hoạt động" menu entry counts as news',
      artifacts: site(
        html('Trường Mầm non Sen Hồng', '').replace(
          '<div id="content">',
          '<nav><a href="/">Trang chủ</a><a href="/hoat-dong/">Hoạt động</a></nav><div id="content">',
        ),
        { '/hoat-dong/': html('Hoạt động') },
      ),
      expected: { status: 'pass', messageId: 'tinTucFound' },
    },
    {
      name: 'a news headline in the content of a site without a news menu fails',
      artifacts: legacy(),
      expected: { status: 'fail', messageId: 'noTinTuc', evidence: ['tin tức | sự kiện'] },
    },
    {
      name: 'the news page answering 404 fails with its URL',
      artifacts: violet({ '/news/cat/0': 404 }),
      expected: { status: 'fail', messageId: 'tinTucBroken', evidence: ['https://thcs-tanphu.violet.vn/news/cat/0'] },
    },
    {
      name: 'every news entry unverified is an error',
      artifacts: violet({ '/news/cat/0': { reason: 'blocked_by_robots' } }),
      expected: { status: 'error', messageId: 'tinTucUnverified' },
    },
  ]);
});
