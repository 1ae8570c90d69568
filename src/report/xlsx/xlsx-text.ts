// Sheet names, titles and headers of report.xlsx, Vietnamese first.
import type { RegistryIssue } from '../../model/result.js';

const vi = {
  auditDate: 'Ngày kiểm tra', ruleSet: 'bộ quy tắc', registry: 'Danh sách',
  sheetSummary: 'Tổng hợp', titleSummary: 'TỔNG HỢP KẾT QUẢ KIỂM TRA WEBSITE CÁC ĐƠN VỊ GIÁO DỤC',
  sheetDistricts: 'Theo quận huyện', titleDistricts: 'KẾT QUẢ THEO QUẬN/HUYỆN',
  sheetUnits: 'Chi tiết đơn vị', titleUnits: 'KẾT QUẢ CHI TIẾT TỪNG ĐƠN VỊ',
  sheetEmc: 'Rà soát EMC', titleEmc: 'RÀ SOÁT KẾT NỐI HỆ THỐNG EMC (TT 22/2023/TT-BTTTT Điều 4 khoản 6, 7)',
  sheetCriteria: 'Tiêu chí', titleCriteria: 'TIÊU CHÍ KIỂM TRA VÀ CĂN CỨ PHÁP LÝ',
  sheetEvidence: 'Bằng chứng', titleEvidence: 'BẰNG CHỨNG CÁC TIÊU CHÍ CHƯA ĐẠT, ĐẠT MỘT PHẦN HOẶC CHƯA XÁC MINH',
  sheetRegistry: 'Rà soát danh sách', titleRegistry: 'RÀ SOÁT DANH SÁCH ĐƠN VỊ (cần chủ danh sách xử lý)',
  sheetAlerts: 'Cảnh báo', titleAlerts: 'CẢNH BÁO: ĐƠN VỊ VI PHẠM TIÊU CHÍ CHẶN (cần báo cáo và xử lý ngay)',
  unreachableRow: (n: number): string => `Không truy cập được: ${n} tiêu chí chưa xác minh`,
  problem: 'Vấn đề', found: 'Nội dung phát hiện', noAlerts: 'Không có đơn vị nào vi phạm tiêu chí chặn.',
  page: 'Trang', total: 'Cộng', finalUrl: 'Địa chỉ sau chuyển hướng', unitIds: 'Mã các đơn vị',
  group: 'Quận/huyện', units: 'Số đơn vị', reachable: 'Truy cập được', average: 'Điểm TB', byType: 'Theo loại hình',
  district: 'Quận/huyện', passRate: '% đạt', no: 'STT', id: 'Mã đơn vị', name: 'Tên đơn vị', type: 'Loại hình', website: 'Website đăng ký',
  pageTitle: 'Tiêu đề trang', crawl: 'Trạng thái truy cập', score: 'Điểm', verified: 'Tỷ lệ đã xác minh (%)', grade: 'Xếp loại',
  notes: 'Ghi chú',
  c21: '2.1 Mã EMC', c22a: '2.2a Nhãn EMC', c22b: '2.2b Cổng → trang thành phần', c22c: '2.2c Trang → cổng cấp trên', emcSiteId: 'Mã site EMC',
  ruleId: 'Mã tiêu chí', ruleTitle: 'Tiêu chí', weight: 'Trọng số', appliesTo: 'Áp dụng cho', basis: 'Căn cứ pháp lý', all: 'Tất cả',
  from: 'từ', until: 'đến', status: 'Kết quả', message: 'Nhận xét', url: 'Địa chỉ', selector: 'Vị trí (selector)', excerpt: 'Trích đoạn',
  issue: 'Vấn đề', detail: 'Chi tiết',
  issues: {
    'invalid-row': 'Dòng lỗi trong danh sách', 'duplicate-website': 'Trùng website', 'duplicate-emc-id': 'Trùng mã site EMC',
    'redirects-to-other-unit': 'Chuyển hướng sang website đơn vị khác', 'http-but-https': 'Danh sách ghi http:// nhưng website dùng HTTPS', 'alternate-website': 'Ô website có thêm địa chỉ khác',
    unreachable: 'Không truy cập được',
  } satisfies Record<RegistryIssue['kind'], string>,
};

const en: typeof vi = {
  auditDate: 'Audit date', ruleSet: 'rule set', registry: 'Registry',
  sheetSummary: 'Summary', titleSummary: 'WEBSITE AUDIT OF EDUCATION UNITS — SUMMARY',
  sheetDistricts: 'By district', titleDistricts: 'RESULTS BY DISTRICT',
  sheetUnits: 'Units', titleUnits: 'RESULTS PER UNIT',
  sheetEmc: 'EMC review', titleEmc: 'EMC CONNECTION REVIEW (Circular 22/2023/TT-BTTTT Art. 4 cl. 6, 7)',
  sheetCriteria: 'Criteria', titleCriteria: 'CRITERIA AND LEGAL BASIS',
  sheetEvidence: 'Evidence', titleEvidence: 'EVIDENCE OF FAILED, PARTIAL AND UNVERIFIED CRITERIA',
  sheetRegistry: 'Registry review', titleRegistry: 'REGISTRY REVIEW (for the registry owner)',
  sheetAlerts: 'Alerts', titleAlerts: 'ALERTS: UNITS FAILING A BLOCKING RULE (report and act now)',
  unreachableRow: (n: number): string => `Unreachable: ${n} criteria not verified`,
  problem: 'Problem', found: 'What was found', noAlerts: 'No unit fails a blocking rule.',
  page: 'Page', total: 'Total', finalUrl: 'Final URL (after redirects)', unitIds: 'Unit ids',
  group: 'District', units: 'Units', reachable: 'Reachable', average: 'Avg score', byType: 'By unit type',
  district: 'District', passRate: '% pass', no: 'No.', id: 'Unit id', name: 'Unit name', type: 'Type', website: 'Registered website',
  pageTitle: 'Page title', crawl: 'Crawl status', score: 'Score', verified: 'Verified (%)', grade: 'Grade',
  notes: 'Notes',
  c21: '2.1 EMC code', c22a: '2.2a EMC label', c22b: '2.2b Portal → component sites', c22c: '2.2c Site → parent portal', emcSiteId: 'EMC site id',
  ruleId: 'Rule id', ruleTitle: 'Criterion', weight: 'Weight', appliesTo: 'Applies to', basis: 'Legal basis', all: 'All',
  from: 'from', until: 'until', status: 'Status', message: 'Message', url: 'URL', selector: 'Selector', excerpt: 'Excerpt',
  issue: 'Issue', detail: 'Detail',
  issues: {
    'invalid-row': 'Invalid registry row', 'duplicate-website': 'Duplicated website', 'duplicate-emc-id': 'Duplicated EMC site id',
    'redirects-to-other-unit': 'Redirects to another unit’s site', 'http-but-https': 'Registry says http:// but the site uses HTTPS', 'alternate-website': 'Website cell holds further addresses',
    unreachable: 'Unreachable',
  },
};

export const xlsxText = { vi, en };
