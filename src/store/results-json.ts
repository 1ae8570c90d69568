// results.json (docs/results.md): written at the end by streaming units back from results.jsonl in registry order,
// to a temporary file renamed into place, so a reader never sees half a document.
import { createWriteStream } from 'node:fs';
import { rename } from 'node:fs/promises';
import { once } from 'node:events';
import type { DistrictSummary, RunResults, UnitResult } from '../model/result.js';
import { PlatformAggregator, type PlatformSummary } from '../aggregate/by-platform.js';

export async function writeResultsJson(
  path: string,
  run: RunResults['run'],
  unitsInOrder: AsyncIterable<UnitResult>,
  districts: DistrictSummary[],
): Promise<PlatformSummary[]> {
  const tmp = `${path}.tmp`;
  const out = createWriteStream(tmp, 'utf8');
  const write = async (chunk: string): Promise<void> => {
    if (!out.write(chunk)) await once(out, 'drain');
  };
  await write(`{\n"schemaVersion": 1,\n"run": ${JSON.stringify(run)},\n"units": [`);
  let first = true;
  // The province summary per platform is counted on the way, so results.json needs one pass over the units.
  const platforms = new PlatformAggregator();
  for await (const unit of unitsInOrder) {
    await write(`${first ? '\n' : ',\n'}${JSON.stringify(unit)}`);
    platforms.add(unit);
    first = false;
  }
  const province = { platforms: platforms.summaries() };
  await write(`\n],\n"districts": ${JSON.stringify(districts)},\n"province": ${JSON.stringify(province)}\n}\n`);
  out.end();
  await once(out, 'finish');
  await rename(tmp, path);
  return province.platforms;
}
