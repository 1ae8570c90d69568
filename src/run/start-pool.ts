// Worker threads for the first pass, or none (in-process).
import { availableParallelism } from 'node:os';
import type { Logger } from 'pino';
import { findBrowser } from '../render/browser.js';
import { RULES_BY_ID } from '../../rules/index.js';
import { UnitPool, workersAvailable } from './unit-pool.js';
import type { AuditInput } from './audit.js';

/**
 * Worker threads for the first pass (--workers, default: one per core but one, at most 4; on 2 cores that is one,
 * in-process: a second isolate bought 20 % speed for 25 % more memory there, bench/README.md). In-process also when
 * the rules are not the catalogue's own (a library caller's), or when running from TypeScript sources.
 */
export const defaultWorkers = (cores = availableParallelism()): number => Math.max(1, Math.min(4, cores - 1));

export async function startPool(input: AuditInput, run: { now: Date; dir: string; logger: Logger }): Promise<UnitPool | undefined> {
  const { rules } = input;
  let { options } = input;
  const size = options.workers ?? defaultWorkers();
  if (size < 2 || !workersAvailable() || !rules.every((r) => RULES_BY_ID[r.meta.id]?.check === r.check)) return undefined;
  if (options.render !== 'never' || options.screenshots) {
    // the npm Chromium unpacks on first use: once here, so that workers starting browsers never race on it
    const found = await findBrowser(options.browser);
    if (!('error' in found)) options = { ...options, browser: found.path };
  }
  return new UnitPool(
    size,
    {
      options,
      rulesConfig: input.rulesConfig,
      ruleIds: rules.map((r) => r.meta.id),
      weights: Object.fromEntries(rules.map((r) => [r.meta.id, r.meta.weight])),
      now: run.now.toISOString(),
      registryUnits: input.registry.units,
      ruleSetVersion: input.ruleSetVersion,
      ...(options.evidence ? { evidenceDir: run.dir } : {}),
      ...(options.saveArtifacts ? { saveArtifactsTo: run.dir } : {}),
    },
    run.logger,
  );
}
