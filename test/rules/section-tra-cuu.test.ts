import { describe } from 'vitest';
import rule from '../../rules/section-tra-cuu.js';
import { runRuleCases } from '../../src/engine/rule-tester.js';
import { crawledSite, home, legacy, nukeviet, phong, violet } from './section-site.js';

describe('section-tra-cuu', () => {
  runRuleCases(rule, [
    {
      name: '"Tra cứu điểm" inside the admissions dropdown passes',
      artifacts: nukeviet(),
      expected: { status: 'pass', messageId: 'traCuuFound', data: { text: 'Tra cứu điểm' } },
    },
    { name: 'Phòng portal "Tra cứu văn bằng" passes', artifacts: phong(), expected: { status: 'pass', messageId: 'traCuuFound' } },
    {
      name: 'a GDTX centre is judged',
      artifacts: crawledSite(home('portal-phong.html'), { website: 'https://gdtx-quan3.hcm.edu.vn/', type: 'gdtx' }),
      expected: { status: 'pass', messageId: 'traCuuFound' },
    },
    {
      name: '"tra cứu điểm" only in a news summary is no look-up',
      artifacts: violet(),
      expected: { status: 'fail', messageId: 'noTraCuu', evidence: ['tra cứu | tra cứu điểm'] },
    },
    {
      name: 'the look-up page answering 404 fails',
      artifacts: phong({ '/tra-cuu': 404 }),
      expected: { status: 'fail', messageId: 'traCuuBroken' },
    },
    { name: 'a primary school is not applicable', artifacts: legacy(), expected: { status: 'na', messageId: 'notApplicable' } },
    {
      name: 'a kindergarten is not applicable',
      artifacts: crawledSite(home('nukeviet4-thcs.html'), { website: 'https://mn-hoamai.hcm.edu.vn/', type: 'mam-non' }),
      expected: { status: 'na', messageId: 'notApplicable' },
    },
  ]);
});
