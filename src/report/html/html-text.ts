// Words of report.html, Vietnamese first.
const vi = {
  title: 'Kết quả kiểm tra website các đơn vị giáo dục', auditDate: 'Ngày kiểm tra', ruleSet: 'bộ quy tắc', registry: 'Danh sách',
  summary: 'Tổng hợp theo quận/huyện', chartTitle: 'Điểm trung bình theo quận/huyện', units: 'Đơn vị', findings: 'Nội dung cần khắc phục',
  filter: 'Lọc theo tên, mã, quận/huyện…', allGrades: 'Mọi xếp loại', id: 'Mã', name: 'Tên đơn vị', type: 'Loại hình',
  district: 'Quận/huyện', crawl: 'Truy cập', score: 'Điểm', verified: '% xác minh', grade: 'Xếp loại', unitCount: 'Số đơn vị',
  reachable: 'Truy cập được', average: 'Điểm TB', allPass: 'Không có nội dung cần khắc phục.',
};
const en: typeof vi = {
  title: 'Website audit of education units', auditDate: 'Audit date', ruleSet: 'rule set', registry: 'Registry',
  summary: 'Summary by district', chartTitle: 'Average score by district', units: 'Units', findings: 'Findings to fix',
  filter: 'Filter by name, id, district…', allGrades: 'All grades', id: 'Id', name: 'Unit', type: 'Type',
  district: 'District', crawl: 'Crawl', score: 'Score', verified: '% verified', grade: 'Grade', unitCount: 'Units',
  reachable: 'Reachable', average: 'Avg score', allPass: 'Nothing to fix.',
};
export const htmlText = { vi, en };
