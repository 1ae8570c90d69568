// The end of an audit: rollups and registry checks from what the store finally holds (re-checks and resumed units
// included), then results.json and the reports (src/run/finish-run.ts, shared with `rejudge`).
import type { Unit } from '../model/unit.js';
import type { JsonlStore } from '../store/jsonl-store.js';
import type { RunMeta } from '../store/run-meta.js';
import { DistrictAggregator } from '../aggregate/districts.js';
import { traceOf, type UnitTrace } from '../aggregate/registry-checks.js';
import { finishRun, inRegistryOrder, type FinishedRun, type FinishInput } from './finish-run.js';

export interface FinishedAudit {
  finished: FinishedRun;
  /** Pages fetched by the earlier part of a resumed run, which its summary counts too. */
  resumedPages: number;
}

export async function finishAudit(input: {
  dir: string;
  runMeta: RunMeta;
  units: readonly Unit[];
  store: JsonlStore;
  resumedIds: ReadonlySet<string>;
  extraChecks: FinishInput['extraChecks'];
  extraRun: Record<string, unknown>;
  report: Pick<FinishInput, 'formats' | 'lang' | 'rules' | 'template'>;
}): Promise<FinishedAudit> {
  const { units, store } = input;
  const aggregator = new DistrictAggregator();
  const traces: UnitTrace[] = [];
  let resumedPages = 0;
  for await (const u of inRegistryOrder(units, store)) {
    if (input.resumedIds.has(u.id)) resumedPages += u.crawl.pages;
    aggregator.add(u);
    traces.push(traceOf(u));
  }
  const finished = await finishRun({
    dir: input.dir,
    runMeta: input.runMeta,
    units,
    store,
    aggregator,
    traces,
    ...(input.extraChecks ? { extraChecks: input.extraChecks } : {}),
    extraRun: input.extraRun,
    ...input.report,
  });
  return { finished, resumedPages };
}
