// `--format LIST`, the same for audit, check, demo, report, rejudge and merge: parsed and validated once, here,
// against the list of formats (src/report/formats.ts), so a typo fails before any work starts.
import { Option } from 'commander';
import { formatsHelp, parseFormats } from '../report/formats.js';

export function formatOption(whenOmitted: string): Option {
  return new Option(
    '--format <list>',
    `định dạng báo cáo, cách nhau bằng dấu phẩy / report formats, comma-separated — ${formatsHelp()} (${whenOmitted})`,
  ).argParser((value: string) => parseFormats(value));
}
