// Checks that the home page menu has a working "Công khai" section (TT 37/2020 Điều 9; CV 4210 mục III.3; TT 09/2024).
import { CV_4210, TT_09_2024, TT_37_2020, cite } from '../src/engine/basis.js';
import { sectionRule } from '../src/engine/section-rule.js';

export default sectionRule({
  id: 'menu-cong-khai',
  title: { vi: 'Có chuyên mục "Công khai"', en: 'Has a "Công khai" (disclosure) section' },
  failureTitle: { vi: 'Thiếu chuyên mục "Công khai"', en: 'No working "Công khai" (disclosure) section' },
  weight: 3,
  appliesTo: 'all',
  basis: [
    cite(TT_37_2020, 'Điều 9 (thông tin công khai trên cổng/trang thông tin điện tử)'),
    cite(CV_4210, 'mục III.3 (chuyên mục "Công khai")'),
    cite(TT_09_2024, 'Điều 15 (hình thức và thời điểm công khai trên trang thông tin điện tử)'),
  ],
  section: 'congKhai',
  name: { vi: '"Công khai"', en: '"Công khai" (disclosure)' },
  ids: { found: 'congKhaiFound', broken: 'congKhaiBroken', unverified: 'congKhaiUnverified', missing: 'noCongKhai' },
});
