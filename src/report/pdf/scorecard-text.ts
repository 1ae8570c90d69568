// Words of the PDF scorecard, Vietnamese first.
const vi = {
  kicker: 'PHIẾU KẾT QUẢ KIỂM TRA WEBSITE', id: 'Mã đơn vị', type: 'Loại hình', district: 'Quận/huyện', website: 'Website đăng ký',
  finalUrl: 'Địa chỉ sau chuyển hướng', auditDate: 'Ngày kiểm tra', ruleSet: 'Bộ quy tắc', crawl: 'Truy cập', score: 'Điểm',
  grade: 'Xếp loại', verified: 'trọng số đã xác minh', reason: 'Lý do xếp loại', criteria: 'Kết quả từng tiêu chí',
  criterion: 'Tiêu chí', status: 'Kết quả', basis: 'Căn cứ pháp lý', evidence: 'Bằng chứng', fixes: 'Cần khắc phục (ưu tiên trước)',
  howToFix: 'Cách khắc phục', noFixes: 'Không có tiêu chí nào cần khắc phục.', screenshot: 'Ảnh chụp trang chủ', page: 'Trang',
  alerts: 'Cảnh báo: vi phạm tiêu chí chặn', byScore: (pct: number) => `Xếp loại theo điểm: Tốt từ 90, Khá từ 75, Đạt từ 50, Chưa đạt dưới 50 (${pct} % trọng số đã xác minh).`,
  district_title: (d: string) => `Phiếu kết quả các đơn vị — ${d}`, pages: 'trang',
  noBrowser: (why: string) => `Không tạo được phiếu kết quả PDF: không khởi động được trình duyệt (${why}). Cài Chrome/Chromium rồi chỉ đường dẫn bằng --browser hoặc biến môi trường EDU_AUDIT_BROWSER; các báo cáo khác vẫn được ghi đầy đủ.`,
};
const en: typeof vi = {
  kicker: 'WEBSITE AUDIT SCORECARD', id: 'Unit id', type: 'Type', district: 'District', website: 'Registered website',
  finalUrl: 'Final URL', auditDate: 'Audit date', ruleSet: 'Rule set', crawl: 'Crawl', score: 'Score',
  grade: 'Grade', verified: 'of the weight verified', reason: 'Why this grade', criteria: 'Result per criterion',
  criterion: 'Criterion', status: 'Result', basis: 'Legal basis', evidence: 'Evidence', fixes: 'To fix (most valuable first)',
  howToFix: 'How to fix', noFixes: 'Nothing to fix.', screenshot: 'Home page screenshot', page: 'Page',
  alerts: 'Alert: blocking rule failed', byScore: (pct: number) => `Graded by score: Good from 90, Fair from 75, Passing from 50, Failing under 50 (${pct} % of the weight verified).`,
  district_title: (d: string) => `Unit scorecards — ${d}`, pages: 'pages',
  noBrowser: (why: string) => `PDF scorecards not written: no browser could be started (${why}). Install Chrome/Chromium and name it with --browser or EDU_AUDIT_BROWSER; the other reports are complete.`,
};
export const scorecardText = { vi, en };
