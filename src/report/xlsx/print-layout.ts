// How a sheet prints on A4: at a fixed scale an inspector can still read (never shrunk to one page width below
// MIN_PRINT_SCALE), several pages wide when it must be, with the identifying columns and the header row repeated
// on every page. Widths are Excel column widths (characters of the default font): in Excel with Calibri 11 a
// width w is w × 7 + 5 px at 96 dpi; LibreOffice (with Carlito, Calibri's metric twin) lays columns out a few per
// cent wider, so pages are planned at 7.5 px a character to fit both.
export type Orientation = 'portrait' | 'landscape';

export interface PrintLayout {
  orientation?: Orientation;
  /** The first N columns (id, name) are printed again on every page across. */
  repeatColumns?: number;
}

/** Below this a printed A4 page of 9-point-equivalent text is hard to read; wider sheets go several pages across. */
export const MIN_PRINT_SCALE = 60;

export const MARGINS = { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.25, footer: 0.25 };

/** Printable width of an A4 page in px (96 dpi) inside MARGINS. */
const PRINTABLE_PX: Record<Orientation, number> = {
  portrait: (8.27 - MARGINS.left - MARGINS.right) * 96,
  landscape: (11.69 - MARGINS.left - MARGINS.right) * 96,
};

/** Page breaks fall between columns, so a page holds a little less than its width. */
const BREAK_SLACK = 0.94;

export const columnPx = (width: number): number => Math.ceil(width * 7.5 + 5);

export interface PrintScale {
  scale: number;
  pagesWide: number;
  /** How many columns the first page holds (the title is kept within them). */
  firstPageColumns: number;
}

/**
 * One page wide when that needs no more than shrinking to MIN_PRINT_SCALE; otherwise as few pages across as
 * MIN_PRINT_SCALE allows (the repeated columns on each), printed as large as that page count permits.
 */
export function printScale(widths: readonly number[], layout: PrintLayout = {}): PrintScale {
  const page = PRINTABLE_PX[layout.orientation ?? 'landscape'];
  const px = widths.map(columnPx);
  const total = px.reduce((a, b) => a + b, 0);
  const oneWide = Math.floor((100 * page * BREAK_SLACK) / total);
  if (oneWide >= MIN_PRINT_SCALE) return { scale: Math.min(100, oneWide), pagesWide: 1, firstPageColumns: widths.length };
  const repeated = px.slice(0, layout.repeatColumns ?? 0).reduce((a, b) => a + b, 0);
  const rest = total - repeated;
  const perPage = (page * BREAK_SLACK * 100) / MIN_PRINT_SCALE - repeated;
  const pagesWide = Math.max(1, Math.ceil(rest / perPage));
  const scale = Math.max(MIN_PRINT_SCALE, Math.min(100, Math.floor((100 * page * BREAK_SLACK) / (repeated + rest / pagesWide))));
  let firstPageColumns = 0;
  for (let used = 0; firstPageColumns < px.length && used + px[firstPageColumns]! <= (page * 100) / scale; firstPageColumns += 1)
    used += px[firstPageColumns]!;
  return { scale, pagesWide, firstPageColumns: Math.max(1, firstPageColumns) };
}
