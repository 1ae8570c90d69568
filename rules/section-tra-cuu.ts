// Checks that the home page menu has a working look-up service (scores, exam results, diplomas) (CV 4210 mục III.3).
import { CV_4210, cite } from '../src/engine/basis.js';
import { sectionRule } from '../src/engine/section-rule.js';

export default sectionRule({
  id: 'section-tra-cuu',
  title: { vi: 'Có mục tra cứu', en: 'Has a look-up service' },
  failureTitle: { vi: 'Thiếu mục tra cứu', en: 'No working look-up service' },
  weight: 1,
  // Primary schools and kindergartens hold no exams or diplomas to look up (docs/catalogue.md, "Content sections").
  appliesTo: ['so', 'phong', 'thcs', 'thpt', 'lien-cap', 'gdtx'],
  basis: [cite(CV_4210, 'mục III.3 (tra cứu điểm, kết quả thi, văn bằng)')],
  section: 'traCuu',
  name: { vi: '"Tra cứu"', en: 'look-up ("Tra cứu")' },
  ids: { found: 'traCuuFound', broken: 'traCuuBroken', unverified: 'traCuuUnverified', missing: 'noTraCuu' },
});
