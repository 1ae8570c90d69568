import { describe } from 'vitest';
import rule from '../../rules/section-tai-nguyen.js';
import { runRuleCases } from '../../src/engine/rule-tester.js';
import { legacy, nukeviet, phong, violet, wordpress } from './section-site.js';

describe('section-tai-nguyen', () => {
  runRuleCases(rule, [
    {
      name: 'Violet "Bài giảng" passes',
      artifacts: violet(),
      expected: { status: 'pass', messageId: 'taiNguyenFound', data: { text: 'Bài giảng' } },
    },
    { name: '"THƯ VIỆN SỐ" passes', artifacts: wordpress(), expected: { status: 'pass', messageId: 'taiNguyenFound' } },
    { name: 'Phòng portal "Học liệu" passes', artifacts: phong(), expected: { status: 'pass', messageId: 'taiNguyenFound' } },
    {
      name: 'a legacy menu without resources fails',
      artifacts: legacy(),
      expected: { status: 'fail', messageId: 'noTaiNguyen', evidence: ['tài nguyên | học liệu'] },
    },
    {
      name: 'the resources page answering 404 fails',
      artifacts: nukeviet({ '/tai-nguyen/': 404 }),
      expected: { status: 'fail', messageId: 'taiNguyenBroken', evidence: ['https://thcs-nguyendu.hcm.edu.vn/tai-nguyen/'] },
    },
  ]);
});
