import { describe } from 'vitest';
import rule from '../../rules/section-gioi-thieu.js';
import { fixturePage, runRuleCases } from '../../src/engine/rule-tester.js';
import { crawledSite, html, nukeviet, phong } from './section-site.js';

const page = (name: string): string => fixturePage('section-gioi-thieu', name);

describe('section-gioi-thieu', () => {
  runRuleCases(rule, [
    {
      name: 'the leadership table of the introduction page passes',
      artifacts: nukeviet({ '/about/': page('about-bgh-table.html') }),
      expected: {
        status: 'pass',
        messageId: 'leaderContactFound',
        data: { title: 'Hiệu trưởng', contact: '028 3822 5612' },
        evidence: ['https://thcs-nguyendu.hcm.edu.vn/about/', 'tbody > tr:nth-of-type(1)', 'Thầy Nguyễn Minh Quang'],
      },
    },
    {
      name: 'a leader card one hop from the section page passes',
      artifacts: phong({ '/gioi-thieu': page('about-history-only.html'), '/about/ban-giam-hieu.html': page('ban-giam-hieu-cards.html') }),
      expected: {
        status: 'pass',
        messageId: 'leaderContactFound',
        data: { title: 'PHÓ HIỆU TRƯỞNG', contact: '0888.636.568' },
        evidence: ['https://pgdquan3.hcm.edu.vn/about/ban-giam-hieu.html'],
      },
    },
    {
      name: 'a dropdown entry of the section ("Ban giám hiệu") counts',
      artifacts: nukeviet({ '/about/ban-giam-hieu.html': page('ban-giam-hieu-cards.html') }),
      expected: { status: 'pass', messageId: 'leaderContactFound', evidence: ['ban-giam-hieu.html'] },
    },
    {
      name: 'a history page whose only "hiệu trưởng" is far from the phone, and an undiacritised "Hieu truong", warns',
      artifacts: phong({ '/gioi-thieu': page('about-history-only.html') }),
      expected: { status: 'warn', messageId: 'noLeaderContact', data: { pages: 1 }, evidence: ['https://pgdquan3.hcm.edu.vn/gioi-thieu'] },
    },
    {
      name: 'leaders named without phone or e-mail warn',
      artifacts: nukeviet({ '/about/': page('co-cau-names-only.html'), '/about/co-cau-to-chuc.html': page('co-cau-names-only.html') }),
      expected: { status: 'warn', messageId: 'noLeaderContact' },
    },
    {
      name: 'a hotline right after a "Thư của Hiệu trưởng" menu entry is not a leader contact (menus are left out)',
      // The hotline follows the menu directly: only leaving the menu out keeps it from counting for "Hiệu trưởng".
      artifacts: phong({
        '/gioi-thieu': page('about-bgh-table.html')
          .replace(/<h2>Ban giám hiệu<\/h2>[\s\S]*<\/table>/, '')
          .replace('</nav>', '</nav><p class="hotline">Đường dây nóng: 028 3822 5611</p>'),
      }),
      expected: { status: 'warn', messageId: 'noLeaderContact' },
    },
    {
      name: 'no introduction entry fails',
      artifacts: crawledSite(fixturePage('menu-cong-khai', 'ba-cong-khai-upper.html'), {
        website: 'https://thpt-phuoclong.hcm.edu.vn/',
        type: 'thpt',
      }),
      expected: { status: 'fail', messageId: 'noGioiThieu', evidence: ['div#nav-top', 'giới thiệu | cơ cấu tổ chức'] },
    },
    {
      name: 'the introduction page answering 404 fails',
      artifacts: phong({ '/gioi-thieu': 404 }),
      expected: { status: 'fail', messageId: 'gioiThieuBroken', evidence: ['https://pgdquan3.hcm.edu.vn/gioi-thieu'] },
    },
    {
      name: 'a robots-blocked introduction page is an error',
      artifacts: phong({ '/gioi-thieu': { reason: 'blocked_by_robots' } }),
      expected: { status: 'error', messageId: 'gioiThieuUnverified' },
    },
    {
      name: 'a leader contact outside the section (home page footer) does not count',
      artifacts: phong({
        '/gioi-thieu': html('Giới thiệu', '<p>Phòng Giáo dục và Đào tạo Quận 3 là cơ quan chuyên môn thuộc UBND Quận 3.</p>'),
      }),
      expected: { status: 'warn', messageId: 'noLeaderContact' },
    },
  ]);
});
