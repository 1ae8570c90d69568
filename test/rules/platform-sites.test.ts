// Catalogue v2 behaviours on the platform fixture sites' home pages (fixtures/sites/README.md, "Platform fixtures"):
// the real platform markup, with every menu target read from the fixture files.
import { describe } from 'vitest';
import sectionTinTuc from '../../rules/section-tin-tuc.js';
import sectionGioiThieu from '../../rules/section-gioi-thieu.js';
import menuThuTucBieuMau from '../../rules/menu-thu-tuc-bieu-mau.js';
import sectionTaiNguyen from '../../rules/section-tai-nguyen.js';
import sectionTraCuu from '../../rules/section-tra-cuu.js';
import { runRuleCases } from '../../src/engine/rule-tester.js';
import { platformSite } from './platform-site.js';

describe('v2 navigation on the platform fixture sites', () => {
  describe('section-tin-tuc', () => {
    runRuleCases(sectionTinTuc, [
      {
        name: 'NukeViet Edu Gate: the news entry of the top menu ul.slimmenu (no <nav>, no menu… class) is found',
        artifacts: platformSite('edugate'),
        expected: {
          status: 'pass',
          messageId: 'tinTucFound',
          evidence: [
            'Tin tức - Sự kiện → https://thcs-nguyentrai.hcm.edu.vn/news/',
            'div#wrapper > div:nth-of-type(1) > div > ul > li:nth-of-type(3) > a',
          ],
        },
      },
      {
        name: 'Joomla 4: the news entry of ul.mod-menu is found',
        artifacts: platformSite('joomla'),
        expected: { status: 'pass', messageId: 'tinTucFound', evidence: ['https://thpt-songsaigon.hcm.edu.vn/index.php/tin-tuc'] },
      },
    ]);
  });
  describe('section-gioi-thieu', () => {
    runRuleCases(sectionGioiThieu, [
      {
        name: 'NukeViet Edu Gate: "Giới thiệu" in ul.slimmenu leads to the leaders\' contacts',
        artifacts: platformSite('edugate'),
        expected: { status: 'pass', messageId: 'leaderContactFound', evidence: ['https://thcs-nguyentrai.hcm.edu.vn/about/'] },
      },
    ]);
  });
  describe('menu-thu-tuc-bieu-mau', () => {
    runRuleCases(menuThuTucBieuMau, [
      {
        name: 'NukeViet Edu Gate: the second menu ul.sf-menu.sf-navbar holds "Thủ tục - Biểu mẫu"',
        artifacts: platformSite('edugate'),
        expected: { status: 'pass', messageId: 'thuTucBieuMauFound', evidence: ['https://thcs-nguyentrai.hcm.edu.vn/thu-tuc-bieu-mau/'] },
      },
      {
        name: 'Joomla 4: "Thủ tục hành chính" with its submenu child "Biểu mẫu" (ul.mod-menu__sub)',
        artifacts: platformSite('joomla'),
        expected: { status: 'pass', messageId: 'thuTucBieuMauFound', evidence: ['https://thpt-songsaigon.hcm.edu.vn/index.php/bieu-mau'] },
      },
    ]);
  });
  describe('section-tai-nguyen and section-tra-cuu', () => {
    runRuleCases(sectionTaiNguyen, [
      {
        name: 'ASP.NET portal: the left-column table menu (table.tbl-leftmenu, one link per row) holds "Tài nguyên giáo dục"',
        artifacts: platformSite('aspnet'),
        expected: { status: 'pass', messageId: 'taiNguyenFound', evidence: ['https://haiphong.edu.vn/Pages/TaiNguyen.aspx'] },
      },
      {
        name: 'VHV: a bare "Thư viện" entry is not a resources section',
        artifacts: platformSite('vhv'),
        expected: { status: 'fail', messageId: 'noTaiNguyen' },
      },
    ]);
    runRuleCases(sectionTraCuu, [
      {
        name: 'NukeViet Edu Gate: "Tra cứu" in ul.sf-menu',
        artifacts: platformSite('edugate'),
        expected: { status: 'pass', messageId: 'traCuuFound', evidence: ['https://thcs-nguyentrai.hcm.edu.vn/tra-cuu/'] },
      },
      {
        name: 'province portal tenant: its own menu ul.menu-truong has no lookup entry',
        artifacts: platformSite('tenant'),
        expected: { status: 'fail', messageId: 'noTraCuu' },
      },
    ]);
  });
});
