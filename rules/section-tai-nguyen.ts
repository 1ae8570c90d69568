// Checks that the home page menu has a working digital resources section (CV 4210 mục III.3).
import { CV_4210, cite } from '../src/engine/basis.js';
import { sectionRule } from '../src/engine/section-rule.js';

export default sectionRule({
  id: 'section-tai-nguyen',
  title: { vi: 'Có chuyên mục tài nguyên số', en: 'Has a digital resources section' },
  failureTitle: { vi: 'Thiếu chuyên mục tài nguyên số', en: 'No working digital resources section' },
  weight: 1,
  appliesTo: 'all',
  basis: [cite(CV_4210, 'mục III.3 (tài nguyên, học liệu, bài giảng điện tử)')],
  section: 'taiNguyen',
  name: { vi: '"Tài nguyên – Học liệu"', en: 'digital resources ("Tài nguyên – Học liệu")' },
  ids: { found: 'taiNguyenFound', broken: 'taiNguyenBroken', unverified: 'taiNguyenUnverified', missing: 'noTaiNguyen' },
});
