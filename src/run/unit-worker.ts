// A worker thread of the unit pool (unit-pool.ts): crawls and judges the units the main thread sends it, with its
// own dispatcher, host limits, robots cache and page-memory share, and posts each UnitResult back. Parsing and the
// rules are most of an audit's CPU (bench/README.md); one isolate per core lets them run side by side.
import { parentPort, workerData } from 'node:worker_threads';
import type { UnitResult } from '../model/result.js';
import type { RuleContext } from '../model/rule.js';
import { RULES } from '../../rules/index.js';
import { selectRules, neededArtifacts } from '../engine/select-rules.js';
import { buildRegistryIndex } from '../registry/index.js';
import { createLogger } from '../log/logger.js';
import { EvidenceStore } from '../store/evidence-store.js';
import { auditOneUnit } from './audit-unit.js';
import { openCrawl } from './open-crawl.js';
import type { PoolRequest, PoolResponse, WorkerInit } from './unit-pool.js';
import { loopMeter } from '../collect/limit-waits.js';
import { crawlWaits } from './run-limits.js';

const init = workerData as WorkerInit;
const port = parentPort;
if (!port) throw new Error('unit-worker runs as a worker thread');

const logger = createLogger(init.options.logLevel);
const rules = selectRules(RULES, init.ruleIds, init.weights);
const needs = neededArtifacts(rules);
const ruleCtx: RuleContext = { now: new Date(init.now), config: init.rulesConfig, registry: buildRegistryIndex(init.registryUnits) };
const evidence = init.evidenceDir ? new EvidenceStore(init.evidenceDir) : undefined;
const crawlCtx = await openCrawl(init.options, init.rulesConfig, logger);
const loop = loopMeter();

const post = (m: PoolResponse): void => port.postMessage(m);

port.on('message', (m: PoolRequest) => {
  if (m.type === 'close') {
    const pages = crawlCtx.counters.pages;
    const waits = crawlWaits(crawlCtx, loop);
    void crawlCtx.close().finally(() => post({ type: 'closed', pages, waits }));
    return;
  }
  const { seq, unit } = m;
  auditOneUnit({
    unit,
    crawlCtx,
    needs,
    rules,
    ruleCtx,
    options: init.options,
    ruleSetVersion: init.ruleSetVersion,
    logger,
    ...(evidence ? { evidence } : {}),
    ...(init.saveArtifactsTo ? { saveArtifactsTo: init.saveArtifactsTo } : {}),
  }).then(
    (result: UnitResult) => post({ type: 'result', seq, result }),
    (error: unknown) => post({ type: 'failed', seq, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
post({ type: 'ready' });
