import { describe } from 'vitest';
import rule from '../../rules/menu-cong-khai.js';
import { fixturePage, makeArtifacts, runRuleCases } from '../../src/engine/rule-tester.js';
import { crawledSite, edugate, handMade, legacy, nukeviet, phong, violet, wordpress } from './section-site.js';

describe('menu-cong-khai', () => {
  runRuleCases(rule, [
    {
      name: 'NukeViet "Công khai" dropdown header (javascript:void) counts through its entries',
      artifacts: nukeviet(),
      expected: { status: 'pass', messageId: 'congKhaiFound', evidence: ['Chất lượng giáo dục → https://thcs-nguyendu.hcm.edu.vn/cong-khai/chat-luong-giao-duc.html'] },
    },
    { name: 'upper-case WordPress menu "CÔNG KHAI" passes', artifacts: wordpress(), expected: { status: 'pass', messageId: 'congKhaiFound', data: { text: 'CÔNG KHAI' } } },
    { name: 'diacritic-free table-layout menu "Cong khai" passes', artifacts: legacy(), expected: { status: 'pass', messageId: 'congKhaiFound', evidence: ['cong-khai.htm'] } },
    {
      name: '"3 CÔNG KHAI" passes',
      artifacts: crawledSite(fixturePage('menu-cong-khai', 'ba-cong-khai-upper.html'), { website: 'https://thpt-phuoclong.hcm.edu.vn/', type: 'thpt' }),
      expected: { status: 'pass', messageId: 'congKhaiFound', data: { text: '3 CÔNG KHAI' } },
    },
    {
      name: 'NukeViet Edu Gate side menu ul.sf-menu "Công khai" passes',
      artifacts: edugate(),
      expected: { status: 'pass', messageId: 'congKhaiFound', evidence: ['Công khai → https://thcs-leloi.hcm.edu.vn/cong-khai/'] },
    },
    { name: 'a hand-made portal\'s first link block (no marked menu) has "Công khai"', artifacts: handMade(), expected: { status: 'pass', messageId: 'congKhaiFound', evidence: ['congkhai.html'] } },
    {
      name: 'a keyword only in a headline (and an article header) is no section',
      artifacts: violet(),
      expected: { status: 'fail', messageId: 'noCongKhai', evidence: ['https://thcs-tanphu.violet.vn/', 'div#menu', 'công khai | ba công khai', 'trang chủ | giới thiệu'] },
    },
    {
      name: 'a menu link answering 404 fails with the broken URL',
      artifacts: phong({ '/cong-khai': 404 }),
      expected: { status: 'fail', messageId: 'congKhaiBroken', data: { url: 'https://pgdquan3.hcm.edu.vn/cong-khai', answer: 'HTTP 404' }, evidence: ['https://pgdquan3.hcm.edu.vn/cong-khai', 'HTTP 404'] },
    },
    { name: 'every dropdown entry answering 5xx fails', artifacts: nukeviet({ '/cong-khai/chat-luong-giao-duc.html': 500, '/cong-khai/tai-chinh.html': 503 }), expected: { status: 'fail', messageId: 'congKhaiBroken' } },
    { name: 'one dropdown entry working is enough', artifacts: nukeviet({ '/cong-khai/chat-luong-giao-duc.html': 404 }), expected: { status: 'pass', messageId: 'congKhaiFound', evidence: ['tai-chinh.html'] } },
    {
      name: 'one entry broken and the other unverified is an error (the second may work)',
      artifacts: nukeviet({ '/cong-khai/chat-luong-giao-duc.html': 404, '/cong-khai/tai-chinh.html': { reason: 'timeout' } }),
      expected: { status: 'error', messageId: 'congKhaiUnverified', evidence: ['HTTP 404', 'timeout'] },
    },
    { name: 'a timed-out section page is unverified, not a fail', artifacts: phong({ '/cong-khai': { reason: 'timeout' } }), expected: { status: 'error', messageId: 'congKhaiUnverified', evidence: ['timeout'] } },
    { name: 'a section page past the page budget is unverified', artifacts: phong({ '/cong-khai': null }), expected: { status: 'error', messageId: 'congKhaiUnverified' } },
    { name: 'a WAF 403 is unverified', artifacts: phong({ '/cong-khai': 403 }), expected: { status: 'error', messageId: 'congKhaiUnverified' } },
    { name: 'an unreachable home page is an error', artifacts: makeArtifacts({ failure: { reason: 'dns_error', detail: 'ENOTFOUND' } }), expected: { status: 'error', messageId: 'missingArtifact' } },
  ]);
});
