// The main job as a library function: plan → first pass (crawl and judge, src/run/audit-passes.ts) → re-checks →
// finish (rollups, results.json, reports). Returns data; the CLI prints.
import { join, resolve } from 'node:path';
import type { Logger } from 'pino';
import type { RegistryReadResult } from '../registry/index.js';
import type { AuditOptions } from '../options.js';
import { UsageError } from '../options.js';
import type { RulesConfig } from '../engine/rules-config.js';
import type { Rule } from '../model/rule.js';
import type { DistrictSummary, RunResults } from '../model/result.js';
import type { Unit } from '../model/unit.js';
import { JsonlStore } from '../store/jsonl-store.js';
import { EvidenceStore } from '../store/evidence-store.js';
import { acquireRunLock } from '../store/run-lock.js';
import { writeRunMeta } from '../store/run-meta.js';
import type { ExemptionEntry } from '../exemptions/schema.js';
import { resolveShard } from '../shard/resolve-shard.js';
import { Progress } from '../log/progress.js';
import type { PlatformSummary } from '../aggregate/by-platform.js';
import type { TemplateRequest, WrittenReport } from '../report/write-reports.js';
import type { FinishedRun } from './finish-run.js';
import type { RunLimits } from './run-limits.js';
import { RunInterrupted } from './interrupted.js';
import { openCrawl } from './open-crawl.js';
import { defaultRunDir, prepareRunDir } from './run-dir.js';
import { invalidRowIssues, planAudit } from './audit-plan.js';
import { startPool } from './start-pool.js';
import { UnitExecutor } from './unit-executor.js';
import { firstPass, recheckPass } from './audit-passes.js';
import { finishAudit } from './finish-audit.js';

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

export async function runAudit(input: AuditInput): Promise<AuditSummary> {
  const { options } = input;
  if (options.resume && !options.out)
    throw new UsageError('--resume cần --out THƯ_MỤC của lần chạy bị dừng / --resume needs --out DIR of the interrupted run');
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
  const plan = await planAudit(input, dir, started, shard);
  const { units, runMeta } = plan;
  const crawl = await openCrawl(options, input.rulesConfig, logger);
  if (!plan.resuming) await writeRunMeta(dir, runMeta);

  const store = new JsonlStore(join(dir, 'results.jsonl'));
  const { recovered, tornBytes } = await store.open();
  if (plan.resuming) logger.info({ recovered, tornBytes }, 'tiếp tục lần chạy / resuming the run');
  const todo = units.filter((u) => !store.has(u.id));
  const resumedIds = new Set(units.filter((u) => store.has(u.id)).map((u) => u.id));
  // a bar on a TTY; without one (CI) a line every 30 s or 5 %, through the logger (a pino record in JSON mode)
  const progress = new Progress(
    todo.length,
    !options.progress
      ? {}
      : process.stderr.isTTY
        ? { tty: process.stderr }
        : { log: (fields, line) => logger.info({ progress: fields }, line) },
  );
  logger.info({ units: units.length, todo: todo.length, rules: rules.length, dir }, 'bắt đầu kiểm tra / audit started');

  const executor = new UnitExecutor({
    dir,
    options,
    rules,
    ruleCtx: plan.ruleCtx,
    needs: plan.needs,
    ruleSetVersion: input.ruleSetVersion,
    exemptions: plan.exemptions,
    store,
    logger,
    ...(options.evidence ? { evidence: new EvidenceStore(dir) } : {}),
    ...(input.signal ? { signal: input.signal } : {}),
  });
  const pool = await startPool(input, { now: plan.now, dir, logger });
  logger.info({ workers: pool?.size ?? 1 }, 'luồng xử lý / worker threads');

  /** After each pass: a failed store fails the run; an interruption ends it with what is stored (for --resume). */
  const stopIfInterrupted = async (): Promise<void> => {
    executor.throwIfHalted();
    if (executor.stopped()) throw await interrupted(store, dir, units);
  };
  let finished: FinishedRun;
  let pagesFetched = 0;
  try {
    const first = await firstPass(todo, { executor, crawl, pool, options, baseline: input.baseline, progress, logger });
    pagesFetched += first.pagesFetched;
    await stopIfInterrupted();
    pagesFetched += await recheckPass(first.recheck, units, {
      executor,
      options,
      rulesConfig: input.rulesConfig,
      logger,
      ...(input.signal ? { signal: input.signal } : {}),
    });
    await stopIfInterrupted();
    const { recheck, limits } = first;
    const rechecked = recheck.changed.length || recheck.unverified.length ? { rechecked: recheck } : {};
    const end = await finishAudit({
      dir,
      runMeta,
      units,
      store,
      resumedIds,
      extraChecks: invalidRowIssues(registry),
      extraRun: { ...(plan.exemptions.warnings.length ? { exemptionWarnings: plan.exemptions.warnings } : {}), ...rechecked, limits },
      report: {
        formats: options.format,
        lang: options.lang,
        rules: input.allRules ?? rules,
        ...(input.template ? { template: input.template } : {}),
      },
    });
    finished = end.finished;
    pagesFetched += end.resumedPages;
  } finally {
    await store.close();
  }
  // run.json too says what bounded the run (a resumed run: this part of it)
  if (finished.run.limits) await writeRunMeta(dir, { ...runMeta, limits: finished.run.limits });
  return {
    dir,
    ...finished,
    pagesFetched,
    durationMs: Date.now() - started.getTime(),
    ...(finished.run.limits ? { limits: finished.run.limits } : {}),
  };
}

/** The store flushed and closed (closing twice is harmless), and how much of the run it holds. */
async function interrupted(store: JsonlStore, dir: string, units: readonly Unit[]): Promise<RunInterrupted> {
  await store.close();
  return new RunInterrupted(dir, units.filter((u) => store.has(u.id)).length, units.length);
}
