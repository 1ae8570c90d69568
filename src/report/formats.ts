// The report formats, one line each: the name `--format` takes, what it writes (for --help), and its reporter,
// loaded on first use so commands and worker threads that write no report never load exceljs and the like.
// Everything that parses, validates, defaults or documents a format reads this list.
import { UsageError } from '../usage-error.js';
import type { Reporter } from './reporter.js';

interface FormatEntry {
  /** What the format writes, Vietnamese / English, for --help. */
  help: string;
  load: () => Promise<Reporter>;
}

const REPORT_FORMATS = {
  xlsx: {
    help: 'report.xlsx (Excel theo mẫu biểu / the review forms)',
    load: async () => (await import('./xlsx/xlsx-report.js')).xlsxReporter,
  },
  csv: { help: 'report.csv, report-units.csv', load: async () => (await import('./csv-report.js')).csvReporter },
  json: { help: 'results.json', load: async () => (await import('./json-reporter.js')).jsonReporter },
  html: { help: 'report.html', load: async () => (await import('./html/html-report.js')).htmlReporter },
  pdf: {
    help: 'scorecards/units/<mã>.pdf, scorecards/districts/<quận>.pdf (phiếu từng đơn vị, cần trình duyệt / a scorecard per unit, needs the browser)',
    load: async () => (await import('./pdf/pdf-reporter.js')).pdfReporter,
  },
} as const satisfies Record<string, FormatEntry>;

export type Format = keyof typeof REPORT_FORMATS;

export const FORMATS = Object.keys(REPORT_FORMATS) as [Format, ...Format[]];

export const isFormat = (value: string): value is Format => Object.hasOwn(REPORT_FORMATS, value);

/** `xlsx,csv` (or an already split list) → formats, in the order given, without repeats; an unknown name is a usage error. */
export function parseFormats(value: string | readonly string[], source = '--format'): Format[] {
  const names = (typeof value === 'string' ? value.split(',') : value).map((s) => s.trim()).filter(Boolean);
  const unknown = names.filter((n) => !isFormat(n));
  if (unknown.length) {
    throw new UsageError(`${source}: định dạng không hợp lệ / unknown format: ${unknown.join(', ')} (${FORMATS.join(', ')})`);
  }
  return [...new Set(names as Format[])];
}

/** The formats and what each writes, for a `--format` help line. */
export const formatsHelp = (): string => FORMATS.map((f) => `${f}: ${REPORT_FORMATS[f].help}`).join('; ');

export const loadReporter = (format: Format): Promise<Reporter> => REPORT_FORMATS[format].load();
