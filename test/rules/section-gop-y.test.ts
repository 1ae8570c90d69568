import { describe } from 'vitest';
import rule from '../../rules/section-gop-y.js';
import { runRuleCases } from '../../src/engine/rule-tester.js';
import { legacy, nukeviet, phong, violet, wordpress } from './section-site.js';

describe('section-gop-y', () => {
  runRuleCases(rule, [
    {
      name: '"HỎI – ĐÁP" with an en dash passes',
      artifacts: wordpress(),
      expected: { status: 'pass', messageId: 'gopYFound', data: { text: 'HỎI – ĐÁP' } },
    },
    { name: 'NukeViet "Hỏi đáp" passes', artifacts: nukeviet(), expected: { status: 'pass', messageId: 'gopYFound', evidence: ['/faq/'] } },
    { name: 'Phòng portal "Hỏi đáp" passes', artifacts: phong(), expected: { status: 'pass', messageId: 'gopYFound' } },
    {
      name: '"Góp ý" only in an article header and "Hỏi đáp" only in a summary make no section',
      artifacts: violet(),
      expected: { status: 'fail', messageId: 'noGopY', evidence: ['div#menu'] },
    },
    { name: 'a legacy menu without feedback fails', artifacts: legacy(), expected: { status: 'fail', messageId: 'noGopY' } },
    {
      name: 'the Q&A page answering 500 fails with its URL',
      artifacts: phong({ '/hoi-dap': 500 }),
      expected: { status: 'fail', messageId: 'gopYBroken', data: { answer: 'HTTP 500' } },
    },
  ]);
});
