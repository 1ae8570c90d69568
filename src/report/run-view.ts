// What every reporter reads: the run's metadata, the district rollups, and the units as a stream
// (re-iterable: a workbook reads them once per sheet), so reporters never need all units in memory.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DistrictSummary, RunResults, UnitResult } from '../model/result.js';
import type { Rule } from '../model/rule.js';
import type { Lang } from '../engine/messages.js';

export interface RunView {
  run: RunResults['run'];
  districts: DistrictSummary[];
  units: () => AsyncIterable<UnitResult>;
  rules: readonly Rule[];
  lang: Lang;
}

/** A finished run directory, from its results.json. */
export async function loadRunView(dir: string, rules: readonly Rule[], lang: Lang): Promise<RunView> {
  const results = JSON.parse(await readFile(join(dir, 'results.json'), 'utf8')) as RunResults;
  return {
    run: results.run,
    districts: results.districts,
    units: async function* () {
      yield* results.units;
    },
    rules,
    lang,
  };
}
