import { describe } from 'vitest';
import rule from '../../rules/section-tuyen-sinh.js';
import { runRuleCases } from '../../src/engine/rule-tester.js';
import { edugate, legacy, nukeviet, violet, wordpress } from './section-site.js';

describe('section-tuyen-sinh', () => {
  runRuleCases(rule, [
    {
      name: 'an image menu link named by its alt text passes',
      artifacts: legacy(),
      expected: { status: 'pass', messageId: 'tuyenSinhFound', data: { text: 'Tuyển sinh' }, evidence: ['tuyen-sinh.htm'] },
    },
    {
      name: 'NukeViet dropdown parent "Tuyển sinh" passes',
      artifacts: nukeviet(),
      expected: { status: 'pass', messageId: 'tuyenSinhFound' },
    },
    { name: 'upper-case "TUYỂN SINH" passes', artifacts: wordpress(), expected: { status: 'pass', messageId: 'tuyenSinhFound' } },
    {
      name: 'an admissions headline on the home page is no section',
      artifacts: violet(),
      expected: { status: 'fail', messageId: 'noTuyenSinh', evidence: ['tuyển sinh | thi và tuyển sinh'] },
    },
    {
      name: 'the admissions page answering 404 fails',
      artifacts: wordpress({ '/tuyen-sinh/': 404 }),
      expected: { status: 'fail', messageId: 'tuyenSinhBroken', evidence: ['https://thcs-vanlang.hcm.edu.vn/tuyen-sinh/'] },
    },
    {
      name: 'NukeViet Edu Gate icon-menu "Tuyển sinh" with href="/" makes no section',
      artifacts: edugate(),
      expected: {
        status: 'fail',
        messageId: 'tuyenSinhBroken',
        evidence: ['Tuyển sinh → https://thcs-leloi.hcm.edu.vn/', 'chỉ trỏ về trang chủ'],
      },
    },
    {
      name: 'the admissions page timing out is an error',
      artifacts: legacy({ '/tuyen-sinh.htm': { reason: 'timeout' } }),
      expected: { status: 'error', messageId: 'tuyenSinhUnverified' },
    },
  ]);
});
