// Checks that a Sở/Phòng portal menu has a working statistics section (CV 4210 mục III.3); schools publish statistics under "Công khai".
import { CV_4210, cite } from '../src/engine/basis.js';
import { sectionRule } from '../src/engine/section-rule.js';

export default sectionRule({
  id: 'section-thong-ke',
  title: { vi: 'Có chuyên mục thống kê', en: 'Has a statistics section' },
  failureTitle: { vi: 'Thiếu chuyên mục thống kê', en: 'No working statistics section' },
  weight: 1,
  // For schools, statistics are part of "Công khai" (docs/catalogue.md, "Content sections"): the runner answers na.
  appliesTo: ['so', 'phong'],
  basis: [cite(CV_4210, 'mục III.3 (thống kê, số liệu ngành)')],
  section: 'thongKe',
  name: { vi: '"Thống kê"', en: 'statistics ("Thống kê")' },
  ids: { found: 'thongKeFound', broken: 'thongKeBroken', unverified: 'thongKeUnverified', missing: 'noThongKe' },
});
