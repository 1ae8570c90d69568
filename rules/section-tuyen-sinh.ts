// Checks that the home page menu has a working admissions section (TT 37/2020 Điều 9; CV 4210 mục III.3).
import { CV_4210, TT_37_2020, cite } from '../src/engine/basis.js';
import { sectionRule } from '../src/engine/section-rule.js';

export default sectionRule({
  id: 'section-tuyen-sinh',
  title: { vi: 'Có chuyên mục tuyển sinh', en: 'Has an admissions section' },
  failureTitle: { vi: 'Thiếu chuyên mục tuyển sinh', en: 'No working admissions section' },
  weight: 2,
  appliesTo: 'all',
  basis: [cite(TT_37_2020, 'Điều 9 (thông tin tuyển sinh)'), cite(CV_4210, 'mục III.3 (chuyên mục tuyển sinh)')],
  section: 'tuyenSinh',
  name: { vi: '"Tuyển sinh"', en: 'admissions ("Tuyển sinh")' },
  ids: { found: 'tuyenSinhFound', broken: 'tuyenSinhBroken', unverified: 'tuyenSinhUnverified', missing: 'noTuyenSinh' },
});
