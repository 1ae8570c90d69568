// Website text is untrusted. In HTML every character with meaning is escaped (CSV cells are kept from becoming
// formulas by csv-stringify's escape_formulas, src/report/csv-report.ts).

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
