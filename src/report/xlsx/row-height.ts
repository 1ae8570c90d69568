// Row heights for wrapped text. Excel and LibreOffice size a row to its wrapped text only when they recalculate
// it themselves; a streamed workbook states its heights, and exceljs does not measure text, so the lines a cell
// wraps to are estimated from its text and its column's width: words wrapped greedily at the width in characters,
// a line allowed to break after a space, a hyphen, a slash or '>' as LibreOffice and Excel do.
export const LINE_HEIGHT = 15; // points per line of the 11-point default font
const MAX_HEIGHT = 409; // Excel's maximum row height, in points

/** Lines a text takes in a column `width` characters wide: its own line breaks, then word wrap. */
export function wrappedLines(text: string, width: number): number {
  // average Vietnamese text is a little narrower than the digit widths the column width counts
  const capacity = Math.max(1, Math.floor(width * 1.05) - 1);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let used = 0;
    lines += 1;
    for (const word of paragraph.split(/\s+|(?<=[-/>])/).filter(Boolean)) {
      const len = [...word].length;
      if (used === 0) {
        lines += Math.ceil(len / capacity) - 1;
        used = len % capacity || capacity;
      } else if (used + 1 + len <= capacity) {
        used += len + 1;
      } else {
        lines += Math.ceil(len / capacity);
        used = len % capacity || capacity;
      }
    }
  }
  return lines;
}

/** The height (points) a row needs so every wrapped cell shows its whole text; undefined keeps the default. */
export function rowHeight(cells: readonly { text: string; width: number }[]): number | undefined {
  const lines = Math.max(1, ...cells.map((c) => wrappedLines(c.text, c.width)));
  return lines > 1 ? Math.min(MAX_HEIGHT, lines * LINE_HEIGHT + 3) : undefined;
}
