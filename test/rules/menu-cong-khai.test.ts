import { describe } from 'vitest';
import rule from '../../rules/menu-cong-khai.js';
import { fixturePage, makeArtifacts, runRuleCases } from '../../src/engine/rule-tester.js';
import { aspnet, crawledSite, edugate, handMade, html, legacy, nukeviet, phong, site, violet, wordpress } from './section-site.js';
import { fetchedPage } from '../../src/engine/rule-tester.js';

describe('menu-cong-khai', () => {
  runRuleCases(rule, [
    {
      name: 'NukeViet "Công khai" dropdown header (javascript:void) counts through its entries',
      artifacts: nukeviet(),
      expected: {
        status: 'pass',
        messageId: 'congKhaiFound',
        evidence: ['Chất lượng giáo dục → https://thcs-nguyendu.hcm.edu.vn/cong-khai/chat-luong-giao-duc.html'],
      },
    },
    {
      name: 'upper-case WordPress menu "CÔNG KHAI" passes',
      artifacts: wordpress(),
      expected: { status: 'pass', messageId: 'congKhaiFound', data: { text: 'CÔNG KHAI' } },
    },
    {
      name: 'diacritic-free table-layout menu "Cong khai" passes',
      artifacts: legacy(),
      expected: { status: 'pass', messageId: 'congKhaiFound', evidence: ['cong-khai.htm'] },
    },
    {
      name: '"3 CÔNG KHAI" passes',
      artifacts: crawledSite(fixturePage('menu-cong-khai', 'ba-cong-khai-upper.html'), {
        website: 'https://thpt-phuoclong.hcm.edu.vn/',
        type: 'thpt',
      }),
      expected: { status: 'pass', messageId: 'congKhaiFound', data: { text: '3 CÔNG KHAI' } },
    },
    {
      name: 'NukeViet Edu Gate side menu ul.sf-menu "Công khai" passes',
      artifacts: edugate(),
      expected: { status: 'pass', messageId: 'congKhaiFound', evidence: ['Công khai → https://thcs-leloi.hcm.edu.vn/cong-khai/'] },
    },
    {
      name: 'a hand-made portal\'s first link block (no marked menu) has "Công khai"',
      artifacts: handMade(),
      expected: { status: 'pass', messageId: 'congKhaiFound', evidence: ['congkhai.html'] },
    },
    {
      name: 'a keyword only in a headline (and an article header) is no section',
      artifacts: violet(),
      expected: {
        status: 'fail',
        messageId: 'noCongKhai',
        evidence: ['https://thcs-tanphu.violet.vn/', 'div#menu', 'công khai | ba công khai', 'trang chủ | giới thiệu'],
      },
    },
    {
      name: 'a menu link answering 404 fails with the broken URL',
      artifacts: phong({ '/cong-khai': 404 }),
      expected: {
        status: 'fail',
        messageId: 'congKhaiBroken',
        data: { url: 'https://pgdquan3.hcm.edu.vn/cong-khai', answer: 'HTTP 404' },
        evidence: ['https://pgdquan3.hcm.edu.vn/cong-khai', 'HTTP 404'],
      },
    },
    {
      name: 'every dropdown entry answering 5xx fails',
      artifacts: nukeviet({ '/cong-khai/chat-luong-giao-duc.html': 500, '/cong-khai/tai-chinh.html': 503 }),
      expected: { status: 'fail', messageId: 'congKhaiBroken' },
    },
    {
      name: 'one dropdown entry working is enough',
      artifacts: nukeviet({ '/cong-khai/chat-luong-giao-duc.html': 404 }),
      expected: { status: 'pass', messageId: 'congKhaiFound', evidence: ['tai-chinh.html'] },
    },
    {
      name: 'one entry broken and the other unverified is an error (the second may work)',
      artifacts: nukeviet({ '/cong-khai/chat-luong-giao-duc.html': 404, '/cong-khai/tai-chinh.html': { reason: 'timeout' } }),
      expected: { status: 'error', messageId: 'congKhaiUnverified', evidence: ['HTTP 404', 'timeout'] },
    },
    {
      name: 'a timed-out section page is unverified, not a fail',
      artifacts: phong({ '/cong-khai': { reason: 'timeout' } }),
      expected: { status: 'error', messageId: 'congKhaiUnverified', evidence: ['timeout'] },
    },
    {
      name: 'a section page past the page budget is unverified',
      artifacts: phong({ '/cong-khai': null }),
      expected: { status: 'error', messageId: 'congKhaiUnverified' },
    },
    {
      name: 'a WAF 403 is unverified',
      artifacts: phong({ '/cong-khai': 403 }),
      expected: { status: 'error', messageId: 'congKhaiUnverified' },
    },
    {
      name: 'a dropdown parent pointing at the home page is judged through its entries',
      artifacts: site(
        html(
          'Trường THCS Lê Lợi',
          '<nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/">Công khai</a><ul><li><a href="/cong-khai/tai-chinh">Công khai tài chính</a></li></ul></li></ul></nav>',
        ),
        { '/cong-khai/tai-chinh': html('Công khai tài chính') },
        { website: 'https://thcs-leloi.hcm.edu.vn/' },
      ),
      expected: { status: 'pass', messageId: 'congKhaiFound', evidence: ['https://thcs-leloi.hcm.edu.vn/cong-khai/tai-chinh'] },
    },
    {
      name: 'an entry pointing at the home page (index.php) with no dropdown makes no section',
      artifacts: site(
        html(
          'Trường THCS Lê Lợi',
          '<nav><a href="/gioi-thieu/">Giới thiệu</a><a href="http://www.thcs-leloi.hcm.edu.vn/index.php">Thông tin công khai</a></nav>',
        ),
        { '/gioi-thieu/': html('Giới thiệu') },
        { website: 'https://thcs-leloi.hcm.edu.vn/' },
      ),
      expected: { status: 'fail', messageId: 'congKhaiBroken', evidence: ['chỉ trỏ về trang chủ'] },
    },
    {
      name: 'a "#" parent of a div dropdown (no list) is judged through its entries',
      artifacts: site(
        html(
          'Trường THCS Lê Lợi',
          '<div class="navbar"><div class="dropdown"><a href="#" class="dropdown-toggle">Công khai</a><div class="dropdown-menu"><a href="/ck/chat-luong">Chất lượng</a></div></div><a href="/lien-he">Liên hệ</a></div>',
        ),
        { '/ck/chat-luong': html('Chất lượng') },
        { website: 'https://thcs-leloi.hcm.edu.vn/' },
      ),
      expected: { status: 'pass', messageId: 'congKhaiFound', evidence: ['/ck/chat-luong'] },
    },
    {
      name: 'an ASP.NET __doPostBack entry makes the section exist, unverified',
      artifacts: aspnet(),
      expected: {
        status: 'error',
        messageId: 'congKhaiUnverified',
        evidence: ['không kiểm tra được trang đích: liên kết postback', "__doPostBack('ctl00$MenuChinh','CongKhai')"],
      },
    },
    {
      name: 'a section page answering 200 with "Lỗi 404" in its title is broken (soft 404)',
      artifacts: phong({
        '/cong-khai':
          '<html><head><title>Lỗi 404 - Phòng GDĐT Quận 3</title></head><body><h1>Xin lỗi, trang bạn tìm không có</h1></body></html>',
      }),
      expected: {
        status: 'fail',
        messageId: 'congKhaiBroken',
        data: { url: 'https://pgdquan3.hcm.edu.vn/cong-khai' },
        evidence: ['https://pgdquan3.hcm.edu.vn/cong-khai', 'HTTP 200', 'Lỗi 404'],
      },
    },
    {
      name: 'a section page redirected to PageNotFoundError.aspx is broken',
      artifacts: (() => {
        const a = phong();
        const url = 'https://pgdquan3.hcm.edu.vn/cong-khai';
        a.pages.set(
          url,
          fetchedPage(url, html('Phòng GDĐT Quận 3'), {
            finalUrl: 'https://pgdquan3.hcm.edu.vn/PageNotFoundError.aspx?aspxerrorpath=/cong-khai',
          }),
        );
        return a;
      })(),
      expected: { status: 'fail', messageId: 'congKhaiBroken', evidence: ['PageNotFoundError.aspx'] },
    },
    {
      name: 'the soft-404 phrases come from the rules config',
      artifacts: phong({ '/cong-khai': html('Trang đang bảo trì') }),
      config: { softNotFound: { phrases: ['đang bảo trì'], urlPatterns: [] } },
      expected: { status: 'fail', messageId: 'congKhaiBroken', evidence: ['đang bảo trì'] },
    },
    {
      name: 'an unreachable home page is an error',
      artifacts: makeArtifacts({ failure: { reason: 'dns_error', detail: 'ENOTFOUND' } }),
      expected: { status: 'error', messageId: 'missingArtifact' },
    },
  ]);
});
