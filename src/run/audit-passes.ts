// The crawl passes of a run: every unit not yet stored, at --concurrency, then the gentler re-check of the units the
// first pass flagged (src/run/recheck.ts). Each pass stops starting units once the run is interrupted or halted.
import pLimit from 'p-limit';
import { setTimeout as wait } from 'node:timers/promises';
import type { Logger } from 'pino';
import type { AuditOptions } from '../options.js';
import type { RulesConfig } from '../engine/rules-config.js';
import type { Unit } from '../model/unit.js';
import type { RunResults } from '../model/result.js';
import type { CrawlContext } from '../collect/crawl-context.js';
import { addWaits, loopMeter } from '../collect/limit-waits.js';
import type { Progress } from '../log/progress.js';
import { openCrawl } from './open-crawl.js';
import { baselineIndex, gentler, recheckReason, type RecheckPlan } from './recheck.js';
import { crawlWaits, judgeRunLimits, SlotMeter, type RunLimits } from './run-limits.js';
import type { UnitPool } from './unit-pool.js';
import type { UnitExecutor } from './unit-executor.js';

export interface FirstPass {
  /** Units the re-check pass takes again, and why. */
  recheck: RecheckPlan;
  /** Which limit bounded the crawl and how long units waited for each. */
  limits: RunLimits;
  pagesFetched: number;
}

export async function firstPass(
  todo: readonly Unit[],
  run: {
    executor: UnitExecutor;
    crawl: CrawlContext;
    pool: UnitPool | undefined;
    options: AuditOptions;
    baseline: RunResults | undefined;
    progress: Progress;
    logger: Logger;
  },
): Promise<FirstPass> {
  const { executor, crawl, pool, options, progress, logger } = run;
  const baseline = baselineIndex(run.baseline);
  const recheck: RecheckPlan = { changed: [], unverified: [] };
  const limit = pLimit(options.concurrency);
  const slots = new SlotMeter(options.concurrency);
  const loop = loopMeter();
  const auditUnit = async (unit: Unit): Promise<void> => {
    if (executor.stopped()) return;
    const leave = slots.enter();
    let result;
    try {
      result = await executor.judge(unit, crawl, pool);
    } catch (error) {
      executor.halted ??= error;
      return;
    } finally {
      leave();
    }
    const reason = recheckReason(result, options, baseline);
    if (reason) recheck[reason].push(unit.id);
    progress.tick(result.crawl.pages, result.crawl.status !== 'ok' && result.crawl.status !== 'no_website');
    logger.debug({ unit: unit.id, status: result.crawl.status, score: result.score }, 'xong đơn vị / unit done');
  };
  let pagesFetched = 0;
  try {
    await Promise.all(todo.map((unit) => limit(() => auditUnit(unit))));
  } finally {
    progress.finish();
    pagesFetched += crawl.counters.pages + (pool ? await pool.close() : 0);
    await crawl.close();
  }
  // with workers, they crawled and judged: the main thread's idle loop says nothing about the CPU
  const waits = pool
    ? addWaits(
        crawlWaits(crawl, () => ({ loopBusyMs: 0, loopMs: 0 })),
        pool.waits,
      )
    : crawlWaits(crawl, loop);
  return { recheck, limits: judgeRunLimits(waits, slots, options), pagesFetched };
}

/** The second, gentler pass over the units the first pass flagged, in this process; returns the pages it fetched. */
export async function recheckPass(
  plan: RecheckPlan,
  units: readonly Unit[],
  run: {
    executor: UnitExecutor;
    options: AuditOptions;
    rulesConfig: RulesConfig;
    logger: Logger;
    signal?: AbortSignal;
  },
): Promise<number> {
  const ids = new Set([...plan.changed, ...plan.unverified]);
  if (!ids.size) return 0;
  const { executor, options, logger } = run;
  const gentle = gentler(options);
  logger.info(
    { changed: plan.changed.length, unverified: plan.unverified.length, delayMs: options.recheckDelay },
    'kiểm tra lại / re-checking',
  );
  // an interruption during the wait ends it: the queued re-checks are then skipped
  await wait(options.recheckDelay, undefined, { signal: run.signal }).catch(() => undefined);
  const crawl = await openCrawl(gentle, run.rulesConfig, logger);
  try {
    const limit = pLimit(gentle.concurrency);
    const again = async (unit: Unit): Promise<void> => {
      if (executor.stopped()) return;
      await executor.judge(unit, crawl);
    };
    await Promise.all(units.filter((u) => ids.has(u.id)).map((u) => limit(() => again(u))));
    return crawl.counters.pages;
  } finally {
    await crawl.close();
  }
}
