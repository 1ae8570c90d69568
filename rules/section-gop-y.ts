// Checks that the home page menu has a working feedback / Q&A section (TT 37/2020 Điều 9 khoản 5; CV 4210 mục III.3; QĐ 1682/2018).
import { CV_4210, QD_1682_2018, TT_37_2020, cite } from '../src/engine/basis.js';
import { sectionRule } from '../src/engine/section-rule.js';

export default sectionRule({
  id: 'section-gop-y',
  title: { vi: 'Có chuyên mục góp ý / hỏi đáp', en: 'Has a feedback / Q&A section' },
  failureTitle: { vi: 'Thiếu chuyên mục góp ý / hỏi đáp', en: 'No working feedback / Q&A section' },
  weight: 1,
  appliesTo: 'all',
  basis: [
    cite(TT_37_2020, 'Điều 9 khoản 5 (tiếp nhận, trả lời góp ý, phản ánh, kiến nghị)'),
    cite(CV_4210, 'mục III.3 (chuyên mục góp ý, hỏi đáp)'),
    cite(QD_1682_2018, 'chuyên mục "Hỏi – Đáp"'),
  ],
  section: 'gopY',
  name: { vi: '"Góp ý – Hỏi đáp"', en: 'feedback ("Góp ý – Hỏi đáp")' },
  ids: { found: 'gopYFound', broken: 'gopYBroken', unverified: 'gopYUnverified', missing: 'noGopY' },
});
