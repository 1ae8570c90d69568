// The main job as a library function: registry → crawl → judge → store → aggregate. Returns data; the CLI prints.
import { mkdir, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import pLimit from 'p-limit';
import type { Logger } from 'pino';
import type { RegistryReadResult } from '../registry/index.js';
import { buildRegistryIndex } from '../registry/index.js';
import type { AuditOptions } from '../options.js';
import { auditDate, UsageError } from '../options.js';
import type { RulesConfig } from '../engine/rules-config.js';
import type { Rule, RuleContext } from '../model/rule.js';
import type { Unit } from '../model/unit.js';
import type { DistrictSummary, RegistryIssue, RunResults, UnitResult } from '../model/result.js';
import { neededArtifacts } from '../engine/select-rules.js';
import type { CrawlContext } from '../collect/crawl-context.js';
import { openCrawl } from './open-crawl.js';
import { JsonlStore } from '../store/jsonl-store.js';
import { EvidenceStore } from '../store/evidence-store.js';
import { acquireRunLock } from '../store/run-lock.js';
import { readRunMeta, resumeConflict, writeRunMeta, type RunMeta } from '../store/run-meta.js';
import { DistrictAggregator } from '../aggregate/districts.js';
import { traceOf, type UnitTrace } from '../aggregate/registry-checks.js';
import { finishRun, inRegistryOrder, type FinishedRun } from './finish-run.js';
import { baselineIndex, gentler, recheckReason, type RecheckPlan } from './recheck.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { auditOneUnit, unjudgedResult } from './audit-unit.js';
import { RunInterrupted } from './interrupted.js';
import { loopMeter, addWaits } from '../collect/limit-waits.js';
import { crawlWaits, judgeRunLimits, SlotMeter, type RunLimits } from './run-limits.js';
import { PoolBrokenError, UnitPool, workersAvailable } from './unit-pool.js';
import { findBrowser } from '../render/browser.js';
import { RULES_BY_ID } from '../../rules/index.js';
import { availableParallelism } from 'node:os';
import { setTimeout as wait } from 'node:timers/promises';
import { planExemptions } from '../exemptions/apply-exemptions.js';
import type { ExemptionEntry } from '../exemptions/schema.js';
import { resolveShard } from '../shard/resolve-shard.js';
import { sliceUnits } from '../shard/shard.js';
import { Progress } from '../log/progress.js';
import type { PlatformSummary } from '../aggregate/by-platform.js';
import type { TemplateRequest, WrittenReport } from '../report/write-reports.js';

export interface AuditInput {
  registry: RegistryReadResult;
  options: AuditOptions;
  rules: Rule[];
  ruleSetVersion: string;
  rulesConfig: RulesConfig;
  logger: Logger;
  /** Every rule of the rule set, for the criteria sheet (defaults to the selected ones). */
  allRules?: readonly Rule[];
  /** The run to compare with (--baseline), for --recheck-changed. */
  baseline?: RunResults;
  /** A department's workbook to fill as well (`--template`, `--template-map`). */
  template?: TemplateRequest;
  /** Shown in results.json: the options as resolved (config file + flags). */
  configPath?: string;
  /** Approved exemptions (`--exemptions`), read and validated before the run. */
  exemptions?: readonly ExemptionEntry[];
  /**
   * Stops the run (Ctrl-C, SIGTERM): no new unit starts, the units in progress finish and are stored, then the run
   * rejects with RunInterrupted instead of writing results.json and the reports.
   */
  signal?: AbortSignal;
}

export interface AuditSummary {
  dir: string;
  resultsFile: string;
  run: RunResults['run'];
  total: DistrictSummary;
  districts: DistrictSummary[];
  /** Rules ordered by how many units fail them. */
  worstRules: { rule: string; fail: number; warn: number; error: number }[];
  /** Units per platform, most first (the inspector's "which vendor do we call" view). */
  platforms: PlatformSummary[];
  reports: WrittenReport[];
  /** Units failing a blocking rule (src/report/alerts.ts). */
  alerts: FinishedRun['alerts'];
  /** Units measured and within the page-load thresholds (src/report/page-load.ts); unscored. */
  pageLoad?: FinishedRun['pageLoad'];
  /** Which limit bounded the crawl and how long units waited for each (src/run/run-limits.ts). */
  limits?: RunLimits;
  pagesFetched: number;
  durationMs: number;
}

export function defaultRunDir(now = new Date()): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `edu-audit-${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`;
}

/** A fresh run refuses a directory that already holds results; `--resume` requires one that has run.json. */
async function prepareRunDir(dir: string, resume: boolean): Promise<void> {
  await mkdir(dir, { recursive: true });
  if (resume) return;
  const existing = await stat(join(dir, 'results.jsonl')).catch(() => undefined);
  if (existing && existing.size > 0) {
    throw new UsageError(`${dir}: thư mục đã có kết quả; dùng --resume để tiếp tục hoặc chọn --out khác / the directory already holds results; use --resume to continue or choose another --out`);
  }
}

export async function runAudit(input: AuditInput): Promise<AuditSummary> {
  const { options } = input;
  if (options.resume && !options.out) throw new UsageError('--resume cần --out THƯ_MỤC của lần chạy bị dừng / --resume needs --out DIR of the interrupted run');
  const shard = resolveShard(options.shard, options.shards); // a bad --shard is bad usage before anything is written
  const started = new Date();
  const dir = resolve(options.out ?? defaultRunDir(started));
  await prepareRunDir(dir, options.resume);
  const releaseLock = await acquireRunLock(dir);
  try {
    return await runLocked(input, dir, started, shard);
  } finally {
    await releaseLock();
  }
}

async function runLocked(input: AuditInput, dir: string, started: Date, shard: ReturnType<typeof resolveShard>): Promise<AuditSummary> {
  const { registry, options, rules, logger } = input;
  const previous = options.resume ? await readRunMeta(dir) : undefined;
  // a resumed run keeps the audit date it started with, so date-based verdicts do not shift mid-run
  const now = previous && !options.now ? new Date(previous.now) : auditDate(options.now);
  if (previous && now.toISOString() !== previous.now) {
    throw new UsageError(`${dir}: không thể tiếp tục với --now khác / cannot resume with a different --now: the run audits ${previous.now.slice(0, 10)}, --now says ${now.toISOString().slice(0, 10)} (bỏ --now hoặc dùng đúng ngày / drop --now or give the same date)`);
  }

  // a shard crawls its slice, but rules (child-site-links) still see the whole registry
  const slice = shard ? sliceUnits(registry.units, shard) : undefined;
  const units = slice?.units ?? registry.units;
  const ruleCtx: RuleContext = { now, config: input.rulesConfig, registry: buildRegistryIndex(registry.units) };
  const needs = neededArtifacts(rules);
  // against the whole registry, so a shard does not warn about units of other shards
  const exemptions = planExemptions(input.exemptions ?? [], { unitIds: registry.units.map((u) => u.id), rules, now }, logger);
  const crawlCtx: CrawlContext = await openCrawl(options, input.rulesConfig, logger);

  const runMeta: RunMeta = {
    startedAt: previous?.startedAt ?? started.toISOString(),
    now: now.toISOString(),
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    ruleSetVersion: input.ruleSetVersion,
    registry: { file: registry.file, sha256: registry.sha256, units: registry.units.length, invalidRows: countRows(registry) },
    options: { ...options, ...(input.configPath ? { config: input.configPath } : {}), ...(shard ? { shard: { k: shard.k, n: shard.n } } : {}) },
    rules: rules.map((r) => r.meta.id),
    ...(shard && slice ? { shard: { k: shard.k, n: shard.n, registryIndex: slice.registryIndex } } : {}),
    rulesConfigSha256: createHash('sha256').update(JSON.stringify(input.rulesConfig)).digest('hex'),
    rulesConfig: input.rulesConfig,
  };
  if (previous) {
    const conflict = resumeConflict(previous, runMeta);
    if (conflict) throw new UsageError(`${dir}: không thể tiếp tục / cannot resume: ${conflict}`);
  } else {
    await writeRunMeta(dir, runMeta);
  }

  const store = new JsonlStore(join(dir, 'results.jsonl'));
  const { recovered, tornBytes } = await store.open();
  if (previous) logger.info({ recovered, tornBytes }, 'tiếp tục lần chạy / resuming the run');
  const todo = units.filter((u) => !store.has(u.id));
  const resumedIds = new Set(units.filter((u) => store.has(u.id)).map((u) => u.id));
  const evidence = options.evidence ? new EvidenceStore(dir) : undefined;
  // a bar on a TTY; without one (CI) a line every 30 s or 5 %, through the logger (a pino record in JSON mode)
  const progress = new Progress(todo.length, !options.progress ? {} : process.stderr.isTTY
    ? { tty: process.stderr }
    : { log: (fields, line) => logger.info({ progress: fields }, line) });
  const limit = pLimit(options.concurrency);
  logger.info({ units: units.length, todo: todo.length, rules: rules.length, dir }, 'bắt đầu kiểm tra / audit started');

  /** The first error that failed the run (the store could not write): the run stops as on Ctrl-C, then throws it. */
  let halted: unknown;
  const pool = await startPool(input, { now, dir, logger });
  logger.info({ workers: pool?.size ?? 1 }, 'luồng xử lý / worker threads');
  const judgeOne = async (unit: Unit, ctx: CrawlContext, inPool?: UnitPool): Promise<UnitResult> => {
    const inProcess = (): Promise<UnitResult> => auditOneUnit({
      unit, crawlCtx: ctx, needs, rules, ruleCtx, options, ruleSetVersion: input.ruleSetVersion, logger,
      ...(evidence ? { evidence } : {}),
      ...(options.saveArtifacts ? { saveArtifactsTo: dir } : {}),
    });
    const judged = inPool
      ? await inPool.run(unit).catch((error: unknown) => {
        // workers that cannot start: the run goes on in this process (unit-pool.ts logs it once)
        if (error instanceof PoolBrokenError) return inProcess();
        const detail = error instanceof Error ? error.message : String(error);
        logger.error({ unit: unit.id, err: error }, 'lỗi nội bộ / internal error');
        return unjudgedResult({ unit, detail, rules, ruleCtx, lang: options.lang, ruleSetVersion: input.ruleSetVersion, logger });
      })
      : await inProcess();
    const result = exemptions.apply(judged);
    // a later line for the same unit (a re-check) supersedes the earlier one
    await store.append(result).catch((error: unknown) => {
      halted ??= error; // a full or read-only disk: no unit starts any more, the run fails once those in progress end
      throw error;
    });
    return result;
  };
  const baseline = baselineIndex(input.baseline);
  const recheck: RecheckPlan = { changed: [], unverified: [] };
  const stopped = (): boolean => input.signal?.aborted === true || halted !== undefined;
  const slots = new SlotMeter(options.concurrency);
  const loop = loopMeter();
  const auditUnit = async (unit: Unit): Promise<void> => {
    if (stopped()) return; // interrupted or failed: units not started yet are left for --resume
    let result: UnitResult;
    const leave = slots.enter();
    try {
      result = await judgeOne(unit, crawlCtx, pool);
    } catch (error) {
      halted ??= error;
      return;
    } finally {
      leave();
    }
    const reason = recheckReason(result, options, baseline);
    if (reason) recheck[reason].push(unit.id);
    progress.tick(result.crawl.pages, result.crawl.status !== 'ok' && result.crawl.status !== 'no_website');
    logger.debug({ unit: unit.id, status: result.crawl.status, score: result.score }, 'xong đơn vị / unit done');
  };

  let finished: FinishedRun;
  let pagesFetched = 0;
  try {
    try {
      await Promise.all(todo.map((unit) => limit(() => auditUnit(unit))));
    } finally {
      progress.finish();
      pagesFetched += crawlCtx.counters.pages + (pool ? await pool.close() : 0);
      await crawlCtx.close();
    }
    // with workers, they crawled and judged: the main thread's idle loop says nothing about the CPU
    const waits = pool ? addWaits(crawlWaits(crawlCtx, () => ({ loopBusyMs: 0, loopMs: 0 })), pool.waits) : crawlWaits(crawlCtx, loop);
    const limits = judgeRunLimits(waits, slots, options);
    if (halted !== undefined) throw halted;
    if (stopped()) throw await interrupted(store, dir, units);
    pagesFetched += await runRechecks(recheck, units, { options, input, logger, judgeOne: async (u, c) => (stopped() ? undefined : judgeOne(u, c)) });
    if (halted !== undefined) throw halted;
    if (stopped()) throw await interrupted(store, dir, units);
    // rollups and checks are built from what the store finally holds (re-checks and resumed units included)
    const aggregator = new DistrictAggregator();
    const traces: UnitTrace[] = [];
    for await (const u of inRegistryOrder(units, store)) {
      // a resumed run's summary counts the pages of the whole run, the earlier part's included
      if (resumedIds.has(u.id)) pagesFetched += u.crawl.pages;
      aggregator.add(u);
      traces.push(traceOf(u));
    }
    const rechecked = recheck.changed.length || recheck.unverified.length ? { rechecked: recheck } : {};
    finished = await finishRun({
      dir, runMeta, units, store, aggregator, traces,
      extraChecks: invalidRowIssues(registry),
      extraRun: { ...(exemptions.warnings.length ? { exemptionWarnings: exemptions.warnings } : {}), ...rechecked, limits },
      formats: options.format, lang: options.lang, rules: input.allRules ?? rules,
      ...(input.template ? { template: input.template } : {}),
    });
  } finally {
    await store.close();
  }
  // run.json too says what bounded the run (a resumed run: this part of it)
  if (finished.run.limits) await writeRunMeta(dir, { ...runMeta, limits: finished.run.limits });
  return { dir, ...finished, pagesFetched, durationMs: Date.now() - started.getTime(), ...(finished.run.limits ? { limits: finished.run.limits } : {}) };
}

/**
 * Worker threads for the first pass (--workers, default: one per core but one, at most 4; on 2 cores that is one,
 * in-process: a second isolate bought 20 % speed for 25 % more memory there, bench/README.md). In-process also when
 * the rules are not the catalogue's own (a library caller's), or when running from TypeScript sources.
 */
export const defaultWorkers = (cores = availableParallelism()): number => Math.max(1, Math.min(4, cores - 1));

async function startPool(input: AuditInput, run: { now: Date; dir: string; logger: Logger }): Promise<UnitPool | undefined> {
  const { rules } = input;
  let { options } = input;
  const size = options.workers ?? defaultWorkers();
  if (size < 2 || !workersAvailable() || !rules.every((r) => RULES_BY_ID[r.meta.id]?.check === r.check)) return undefined;
  if (options.render !== 'never' || options.screenshots) {
    // the npm Chromium unpacks on first use: once here, so that workers starting browsers never race on it
    const found = await findBrowser(options.browser);
    if (!('error' in found)) options = { ...options, browser: found.path };
  }
  return new UnitPool(size, {
    options, rulesConfig: input.rulesConfig, ruleIds: rules.map((r) => r.meta.id),
    weights: Object.fromEntries(rules.map((r) => [r.meta.id, r.meta.weight])), now: run.now.toISOString(),
    registryUnits: input.registry.units, ruleSetVersion: input.ruleSetVersion,
    ...(options.evidence ? { evidenceDir: run.dir } : {}),
    ...(options.saveArtifacts ? { saveArtifactsTo: run.dir } : {}),
  }, run.logger);
}

/** The second, gentler pass over the units the first pass flagged; returns the pages it fetched. */
async function runRechecks(
  plan: RecheckPlan,
  units: readonly Unit[],
  ctx: { options: AuditOptions; input: AuditInput; logger: Logger; judgeOne: (unit: Unit, crawl: CrawlContext) => Promise<unknown> },
): Promise<number> {
  const ids = new Set([...plan.changed, ...plan.unverified]);
  if (!ids.size) return 0;
  const gentle = gentler(ctx.options);
  ctx.logger.info({ changed: plan.changed.length, unverified: plan.unverified.length, delayMs: ctx.options.recheckDelay }, 'kiểm tra lại / re-checking');
  // an interruption during the wait ends it: the queued re-checks are then skipped
  await wait(ctx.options.recheckDelay, undefined, { signal: ctx.input.signal }).catch(() => undefined);
  const crawl = await openCrawl(gentle, ctx.input.rulesConfig, ctx.logger);
  try {
    const limit = pLimit(gentle.concurrency);
    await Promise.all(units.filter((u) => ids.has(u.id)).map((u) => limit(() => ctx.judgeOne(u, crawl))));
    return crawl.counters.pages;
  } finally {
    await crawl.close();
  }
}

/** The store flushed and closed (closing twice is harmless), and how much of the run it holds. */
async function interrupted(store: JsonlStore, dir: string, units: readonly Unit[]): Promise<RunInterrupted> {
  await store.close();
  return new RunInterrupted(dir, units.filter((u) => store.has(u.id)).length, units.length);
}

function countRows(registry: RegistryReadResult): number {
  return new Set(registry.errors.map((e) => e.row)).size;
}

function invalidRowIssues(registry: RegistryReadResult): RegistryIssue[] {
  return registry.errors.map((e) => ({ kind: 'invalid-row' as const, units: [], detail: `${e.file}:${e.row}: ${e.field}: ${e.problem}` }));
}
