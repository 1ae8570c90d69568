// Checks that the home page menu has a working news section (TT 37/2020 Điều 9 khoản 2; CV 4210 mục III.3).
import { CV_4210, TT_37_2020, cite } from '../src/engine/basis.js';
import { sectionRule } from '../src/engine/section-rule.js';

export default sectionRule({
  id: 'section-tin-tuc',
  title: { vi: 'Có chuyên mục tin tức', en: 'Has a news section' },
  failureTitle: { vi: 'Thiếu chuyên mục tin tức', en: 'No working news section' },
  weight: 1,
  appliesTo: 'all',
  basis: [cite(TT_37_2020, 'Điều 9 khoản 2 (tin tức, sự kiện)'), cite(CV_4210, 'mục III.3 (chuyên mục tin tức – sự kiện)')],
  section: 'tinTuc',
  name: { vi: '"Tin tức – Sự kiện"', en: 'news ("Tin tức – Sự kiện")' },
  ids: { found: 'tinTucFound', broken: 'tinTucBroken', unverified: 'tinTucUnverified', missing: 'noTinTuc' },
});
