// `json`: results.json is the store's own output, written at the end of every run (src/store/results-json.ts);
// as a report format it only names the file.
import { join } from 'node:path';
import type { Reporter } from './reporter.js';

export const jsonReporter: Reporter = {
  write: async (_view, dir) => [join(dir, 'results.json')],
};
