// Words of report.html, Vietnamese first.
const vi = {
  title: 'Kết quả kiểm tra website các đơn vị giáo dục', auditDate: 'Ngày kiểm tra', ruleSet: 'bộ quy tắc', registry: 'Danh sách',
  summary: 'Tổng hợp theo quận/huyện', chartTitle: 'Điểm trung bình theo quận/huyện', units: 'Đơn vị', findings: 'Nội dung cần khắc phục',
  filter: 'Lọc theo tên, mã, quận/huyện…', allGrades: 'Mọi xếp loại', id: 'Mã', name: 'Tên đơn vị', type: 'Loại hình',
  district: 'Quận/huyện', crawl: 'Truy cập', score: 'Điểm', verified: '% xác minh', grade: 'Xếp loại', unitCount: 'Số đơn vị',
  reachable: 'Truy cập được', average: 'Điểm TB', allPass: 'Không có nội dung cần khắc phục.',
  backToTop: 'Về đầu trang', alerts: 'Cảnh báo: đơn vị vi phạm tiêu chí chặn', noAlerts: 'Không có đơn vị nào vi phạm tiêu chí chặn.', problem: 'Vấn đề',
  website: 'Website đăng ký', finalUrl: 'Địa chỉ sau chuyển hướng', found: 'Nội dung phát hiện', basis: 'Căn cứ pháp lý',
};
const en: typeof vi = {
  title: 'Website audit of education units', auditDate: 'Audit date', ruleSet: 'rule set', registry: 'Registry',
  summary: 'Summary by district', chartTitle: 'Average score by district', units: 'Units', findings: 'Findings to fix',
  filter: 'Filter by name, id, district…', allGrades: 'All grades', id: 'Id', name: 'Unit', type: 'Type',
  district: 'District', crawl: 'Crawl', score: 'Score', verified: '% verified', grade: 'Grade', unitCount: 'Units',
  reachable: 'Reachable', average: 'Avg score', allPass: 'Nothing to fix.',
  backToTop: 'Back to top', alerts: 'Alerts: units failing a blocking rule', noAlerts: 'No unit fails a blocking rule.', problem: 'Problem',
  website: 'Registered website', finalUrl: 'Final URL', found: 'What was found', basis: 'Legal basis',
};
export const htmlText = { vi, en };
