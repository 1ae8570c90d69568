// The end of a run, shared by `audit` and `rejudge`: registry checks in registry order, results.json streamed from
// the store, the reports, and the summary the CLI prints.
import { join } from 'node:path';
import type { DistrictSummary, RegistryIssue, RunResults, UnitResult } from '../model/result.js';
import type { Rule } from '../model/rule.js';
import type { Unit } from '../model/unit.js';
import type { Format } from '../report/formats.js';
import type { Lang } from '../engine/messages.js';
import type { JsonlStore } from '../store/jsonl-store.js';
import type { DistrictAggregator } from '../aggregate/districts.js';
import { registryChecks, type UnitTrace } from '../aggregate/registry-checks.js';
import type { PlatformSummary } from '../aggregate/by-platform.js';
export { traceOf } from '../aggregate/registry-checks.js';
import { writeResultsJson } from '../store/results-json.js';
import type { RunView } from '../report/run-view.js';
import { writeReports, type TemplateRequest, type WrittenReport } from '../report/write-reports.js';
import { unitAlerts, type Alert } from '../report/alerts.js';
import { rulesById } from '../report/localize.js';
import { PageLoadTally } from '../report/page-load.js';

export interface FinishInput {
  dir: string;
  runMeta: Omit<RunResults['run'], 'finishedAt' | 'registryChecks'>;
  /** Units in registry order (those missing from the store are skipped). */
  units: readonly Pick<Unit, 'id'>[];
  store: JsonlStore;
  aggregator: DistrictAggregator;
  traces: UnitTrace[];
  extraChecks?: RegistryIssue[];
  extraRun?: Record<string, unknown>;
  formats: readonly Format[];
  lang: Lang;
  rules: readonly Rule[];
  template?: TemplateRequest;
}

export interface FinishedRun {
  resultsFile: string;
  run: RunResults['run'];
  districts: DistrictSummary[];
  total: DistrictSummary;
  worstRules: { rule: string; fail: number; warn: number; error: number }[];
  /** Units per platform (the province summary of results.json). */
  platforms: PlatformSummary[];
  reports: WrittenReport[];
  /** Units failing a blocking rule, for the top of the console summary. */
  alerts: Alert[];
  /** Units whose rendered home page was measured, and how many are within the page-load thresholds (unscored). */
  pageLoad: { measured: number; within: number };
}

export async function finishRun(input: FinishInput): Promise<FinishedRun> {
  const { dir, units, store, aggregator } = input;
  // units finish in any order; the checks list them in registry order so runs compare line by line
  const position = new Map(units.map((u, i) => [u.id, i]));
  const traces = [...input.traces].sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0));
  const checks: RegistryIssue[] = [...(input.extraChecks ?? []), ...registryChecks(traces)];
  const run = { ...input.runMeta, finishedAt: new Date().toISOString(), registryChecks: checks, ...input.extraRun } as RunResults['run'];
  const districts = aggregator.summaries();
  const resultsFile = join(dir, 'results.json');
  const alerts: Alert[] = [];
  const byId = rulesById(input.rules);
  // the alerts and page timings are gathered while results.json streams the units, so the store is not read once more for them
  const pageLoad = new PageLoadTally();
  const platforms = await writeResultsJson(
    resultsFile,
    run,
    tap(inRegistryOrder(units, store), (u) => {
      alerts.push(...unitAlerts(u, byId, input.lang));
      pageLoad.add(u);
    }),
    districts,
  );
  const view: RunView = { run, districts, units: () => inRegistryOrder(units, store), rules: input.rules, lang: input.lang };
  const reports = await writeReports(view, dir, input.formats, input.template);
  const total = aggregator.total();
  return {
    resultsFile,
    run,
    districts,
    total,
    worstRules: worstRules(total),
    platforms,
    reports,
    alerts,
    pageLoad: { measured: pageLoad.measured, within: pageLoad.within },
  };
}

/** Units read back one at a time from results.jsonl by offset, so memory stays flat on large registries. */
export async function* inRegistryOrder(units: readonly Pick<Unit, 'id'>[], store: JsonlStore): AsyncGenerator<UnitResult> {
  for (const unit of units) {
    const found = await store.read(unit.id);
    if (found) yield found;
  }
}

async function* tap<T>(items: AsyncIterable<T>, see: (item: T) => void): AsyncGenerator<T> {
  for await (const item of items) {
    see(item);
    yield item;
  }
}

function worstRules(total: DistrictSummary): FinishedRun['worstRules'] {
  return Object.entries(total.rules)
    .map(([rule, c]) => ({ rule, fail: c.fail, warn: c.warn, error: c.error }))
    .filter((r) => r.fail + r.warn > 0)
    .sort((a, b) => b.fail - a.fail || b.warn - a.warn)
    .slice(0, 5);
}
