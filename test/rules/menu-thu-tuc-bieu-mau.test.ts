import { describe } from 'vitest';
import rule from '../../rules/menu-thu-tuc-bieu-mau.js';
import { fixturePage, runRuleCases } from '../../src/engine/rule-tester.js';
import { crawledSite, legacy, nukeviet, phong, violet, wordpress } from './section-site.js';

const page = (name: string): string => fixturePage('menu-thu-tuc-bieu-mau', name);

describe('menu-thu-tuc-bieu-mau', () => {
  runRuleCases(rule, [
    {
      name: 'one NukeViet entry "Thủ tục - Biểu mẫu" passes',
      artifacts: nukeviet(),
      expected: { status: 'pass', messageId: 'thuTucBieuMauFound', data: { thuTuc: 'Thủ tục - Biểu mẫu', bieuMau: 'Thủ tục - Biểu mẫu' } },
    },
    {
      name: 'two upper-case entries "THỦ TỤC HÀNH CHÍNH" and "BIỂU MẪU" pass',
      artifacts: wordpress(),
      expected: {
        status: 'pass',
        messageId: 'thuTucBieuMauFound',
        data: { thuTuc: 'THỦ TỤC HÀNH CHÍNH', bieuMau: 'BIỂU MẪU' },
        evidence: ['/thu-tuc-hanh-chinh/', '/bieu-mau/'],
      },
    },
    {
      name: 'a "#" dropdown header "Thủ tục hành chính" with a "Biểu mẫu" anchor entry passes',
      artifacts: crawledSite(page('wordpress-thu-tuc-dropdown.html'), { website: 'https://thcs-vanlang.hcm.edu.vn/', type: 'thcs' }),
      expected: { status: 'pass', messageId: 'thuTucBieuMauFound', data: { bieuMau: 'Biểu mẫu' } },
    },
    {
      name: 'only "Thủ tục hành chính" warns that "Biểu mẫu" is missing',
      artifacts: phong(),
      expected: {
        status: 'warn',
        messageId: 'onlyThuTuc',
        data: { thuTuc: 'Thủ tục hành chính', keywords: 'biểu mẫu' },
        evidence: ['div#mainmenu', 'biểu mẫu'],
      },
    },
    {
      name: 'only "Biểu mẫu" warns that "Thủ tục" is missing (a "Thủ tục nhập học" headline does not count)',
      artifacts: crawledSite(page('mamnon-bieu-mau-only.html'), { website: 'https://mn-hoamai.hcm.edu.vn/', type: 'mam-non' }),
      expected: { status: 'warn', messageId: 'onlyBieuMau', data: { bieuMau: 'Biểu mẫu' } },
    },
    {
      name: 'a "Biểu mẫu" entry answering 404 leaves only "Thủ tục": warn naming the broken URL',
      artifacts: wordpress({ '/bieu-mau/': 404 }),
      expected: { status: 'warn', messageId: 'onlyThuTuc', evidence: ['https://thcs-vanlang.hcm.edu.vn/bieu-mau/ (HTTP 404)'] },
    },
    {
      name: 'the single combined entry answering 404 fails with its URL',
      artifacts: nukeviet({ '/thu-tuc-bieu-mau/': 404 }),
      expected: { status: 'fail', messageId: 'thuTucBieuMauBroken', data: { url: 'https://thcs-nguyendu.hcm.edu.vn/thu-tuc-bieu-mau/' } },
    },
    {
      name: 'an unverified half cannot be judged',
      artifacts: wordpress({ '/bieu-mau/': { reason: 'timeout' } }),
      expected: { status: 'error', messageId: 'thuTucBieuMauUnverified' },
    },
    {
      name: 'Violet without either entry fails (words in headlines do not count)',
      artifacts: violet(),
      expected: { status: 'fail', messageId: 'noThuTucBieuMau', evidence: ['div#menu', 'thủ tục hành chính | thủ tục | biểu mẫu'] },
    },
    {
      name: 'the legacy table menu without either entry fails',
      artifacts: legacy(),
      expected: { status: 'fail', messageId: 'noThuTucBieuMau' },
    },
  ]);
});
