// Judges one unit and stores its line: in a worker when the pool runs, else in this process; exemptions applied;
// the first store failure (a full or read-only disk) halts the run the way Ctrl-C does.
import type { Logger } from 'pino';
import type { AuditOptions } from '../options.js';
import type { Rule, RuleContext } from '../model/rule.js';
import type { Unit } from '../model/unit.js';
import type { UnitResult } from '../model/result.js';
import type { ArtifactKey } from '../model/artifacts.js';
import type { CrawlContext } from '../collect/crawl-context.js';
import type { JsonlStore } from '../store/jsonl-store.js';
import type { EvidenceStore } from '../store/evidence-store.js';
import type { ExemptionPlan } from '../exemptions/apply-exemptions.js';
import { auditOneUnit, unjudgedResult } from './audit-unit.js';
import { PoolBrokenError, type UnitPool } from './unit-pool.js';

export interface ExecutorSetup {
  dir: string;
  options: AuditOptions;
  rules: readonly Rule[];
  ruleCtx: RuleContext;
  needs: ReadonlySet<ArtifactKey>;
  ruleSetVersion: string;
  exemptions: ExemptionPlan;
  store: JsonlStore;
  evidence?: EvidenceStore;
  logger: Logger;
  signal?: AbortSignal;
}

export class UnitExecutor {
  /** The first error that failed the run (the store could not write): the run stops as on Ctrl-C, then throws it. */
  halted: unknown;

  constructor(private readonly setup: ExecutorSetup) {}

  /** Interrupted or failed: units not started yet are left for --resume. */
  stopped(): boolean {
    return this.setup.signal?.aborted === true || this.halted !== undefined;
  }

  /** Judges the unit and appends its line to the store; a later line for the same unit (a re-check) supersedes the earlier one. */
  async judge(unit: Unit, ctx: CrawlContext, pool?: UnitPool): Promise<UnitResult> {
    const { options, rules, ruleCtx, logger, ruleSetVersion, evidence, dir } = this.setup;
    const inProcess = (): Promise<UnitResult> =>
      auditOneUnit({
        unit,
        crawlCtx: ctx,
        needs: this.setup.needs,
        rules,
        ruleCtx,
        options,
        ruleSetVersion,
        logger,
        ...(evidence ? { evidence } : {}),
        ...(options.saveArtifacts ? { saveArtifactsTo: dir } : {}),
      });
    const judged = pool
      ? await pool.run(unit).catch((error: unknown) => {
          // workers that cannot start: the run goes on in this process (unit-pool.ts logs it once)
          if (error instanceof PoolBrokenError) return inProcess();
          const detail = error instanceof Error ? error.message : String(error);
          logger.error({ unit: unit.id, err: error }, 'lỗi nội bộ / internal error');
          return unjudgedResult({ unit, detail, rules, ruleCtx, lang: options.lang, ruleSetVersion, logger });
        })
      : await inProcess();
    const result = this.setup.exemptions.apply(judged);
    await this.setup.store.append(result).catch((error: unknown) => {
      this.halted ??= error; // no unit starts any more; the run fails once those in progress end
      throw error;
    });
    return result;
  }

  /** Throws what halted the run, if anything did. */
  throwIfHalted(): void {
    if (this.halted !== undefined) throw this.halted;
  }
}
