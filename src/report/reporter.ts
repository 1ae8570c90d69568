// What every report format implements: given the run (metadata, rollups, the units as a stream) and the run
// directory, write its files there and say which. The list of formats is src/report/formats.ts.
import type { RunView } from './run-view.js';

export interface Reporter {
  /** Writes the format's files into `dir` and returns their paths. */
  write(view: RunView, dir: string): Promise<string[]>;
}
