// Website text is untrusted. In CSV a leading = + - @ (or tab / CR) would make Excel read a cell as a formula, so
// such cells get a leading single quote (OWASP's advice). In HTML every character with meaning is escaped.
const FORMULA_START = /^[=+\-@\t\r]/;

/** Neutralises a cell value that would start a formula (OWASP "CSV injection"). */
export function neutralizeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
