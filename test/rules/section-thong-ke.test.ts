import { describe } from 'vitest';
import rule from '../../rules/section-thong-ke.js';
import { runRuleCases } from '../../src/engine/rule-tester.js';
import { crawledSite, html, nukeviet, phong, violet } from './section-site.js';

const so = (menu: string): string =>
  html('Sở Giáo dục và Đào tạo', '').replace(
    '<div id="content">',
    `<div id="mainmenu"><ul><li><a href="/">Trang chủ</a></li>${menu}</ul></div><div id="content">`,
  );

describe('section-thong-ke', () => {
  runRuleCases(rule, [
    {
      name: 'Phòng portal "Thống kê" passes',
      artifacts: phong(),
      expected: { status: 'pass', messageId: 'thongKeFound', evidence: ['https://pgdquan3.hcm.edu.vn/thong-ke'] },
    },
    {
      name: 'Sở portal "Niên giám thống kê" passes',
      artifacts: crawledSite(so('<li><a href="/nien-giam">Niên giám thống kê</a></li>'), { website: 'https://hcm.edu.vn/', type: 'so' }),
      expected: { status: 'pass', messageId: 'thongKeFound' },
    },
    {
      name: 'Sở portal without statistics fails, "thống kê" in a news title does not count',
      artifacts: crawledSite(
        so('<li><a href="/tin-tuc">Tin tức</a></li>').replace(
          '</h1>',
          '</h1><p><a href="/tin-tuc/so-lieu">Thống kê số liệu đầu năm học</a></p>',
        ),
        { website: 'https://hcm.edu.vn/', type: 'so' },
      ),
      expected: { status: 'fail', messageId: 'noThongKe', evidence: ['div#mainmenu'] },
    },
    {
      name: 'the statistics page answering 500 fails with its URL',
      artifacts: phong({ '/thong-ke': 500 }),
      expected: { status: 'fail', messageId: 'thongKeBroken', data: { url: 'https://pgdquan3.hcm.edu.vn/thong-ke' } },
    },
    {
      name: 'a school is not applicable (statistics are part of "Công khai")',
      artifacts: nukeviet(),
      expected: { status: 'na', messageId: 'notApplicable' },
    },
    {
      name: 'a school with "thống kê" in its news is still not applicable',
      artifacts: violet(),
      expected: { status: 'na', messageId: 'notApplicable' },
    },
  ]);
});
