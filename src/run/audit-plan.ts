// What a run will do, decided before anything is crawled: the audit date (a resumed run keeps its own), the units of
// this shard, what the rules need, the exemptions that apply, and the run metadata a resume must agree with.
import { createHash } from 'node:crypto';
import { buildRegistryIndex, type RegistryReadResult } from '../registry/index.js';
import { auditDate, UsageError } from '../options.js';
import type { RuleContext } from '../model/rule.js';
import type { Unit } from '../model/unit.js';
import type { RegistryIssue } from '../model/result.js';
import type { ArtifactKey } from '../model/artifacts.js';
import { neededArtifacts } from '../engine/select-rules.js';
import { readRunMeta, resumeConflict, type RunMeta } from '../store/run-meta.js';
import { planExemptions, type ExemptionPlan } from '../exemptions/apply-exemptions.js';
import type { resolveShard } from '../shard/resolve-shard.js';
import { sliceUnits } from '../shard/shard.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import type { AuditInput } from './audit.js';

export interface AuditPlan {
  now: Date;
  /** The units this run (or shard) audits, in registry order. */
  units: readonly Unit[];
  ruleCtx: RuleContext;
  needs: ReadonlySet<ArtifactKey>;
  exemptions: ExemptionPlan;
  runMeta: RunMeta;
  /** Whether run.json already exists (a --resume that agrees with it). */
  resuming: boolean;
}

export async function planAudit(input: AuditInput, dir: string, started: Date, shard: ReturnType<typeof resolveShard>): Promise<AuditPlan> {
  const { registry, options, rules, logger } = input;
  const previous = options.resume ? await readRunMeta(dir) : undefined;
  // a resumed run keeps the audit date it started with, so date-based verdicts do not shift mid-run
  const now = previous && !options.now ? new Date(previous.now) : auditDate(options.now);
  if (previous && now.toISOString() !== previous.now) {
    throw new UsageError(
      `${dir}: không thể tiếp tục với --now khác / cannot resume with a different --now: the run audits ${previous.now.slice(0, 10)}, --now says ${now.toISOString().slice(0, 10)} (bỏ --now hoặc dùng đúng ngày / drop --now or give the same date)`,
    );
  }
  // a shard crawls its slice, but rules (child-site-links) still see the whole registry
  const slice = shard ? sliceUnits(registry.units, shard) : undefined;
  const runMeta: RunMeta = {
    startedAt: previous?.startedAt ?? started.toISOString(),
    now: now.toISOString(),
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    ruleSetVersion: input.ruleSetVersion,
    registry: { file: registry.file, sha256: registry.sha256, units: registry.units.length, invalidRows: countRows(registry) },
    options: {
      ...options,
      ...(input.configPath ? { config: input.configPath } : {}),
      ...(shard ? { shard: { k: shard.k, n: shard.n } } : {}),
    },
    rules: rules.map((r) => r.meta.id),
    ...(shard && slice ? { shard: { k: shard.k, n: shard.n, registryIndex: slice.registryIndex } } : {}),
    rulesConfigSha256: createHash('sha256').update(JSON.stringify(input.rulesConfig)).digest('hex'),
    rulesConfig: input.rulesConfig,
  };
  if (previous) {
    const conflict = resumeConflict(previous, runMeta);
    if (conflict) throw new UsageError(`${dir}: không thể tiếp tục / cannot resume: ${conflict}`);
  }
  return {
    now,
    units: slice?.units ?? registry.units,
    ruleCtx: { now, config: input.rulesConfig, registry: buildRegistryIndex(registry.units) },
    needs: neededArtifacts(rules),
    // against the whole registry, so a shard does not warn about units of other shards
    exemptions: planExemptions(input.exemptions ?? [], { unitIds: registry.units.map((u) => u.id), rules, now }, logger),
    runMeta,
    resuming: previous !== undefined,
  };
}

function countRows(registry: RegistryReadResult): number {
  return new Set(registry.errors.map((e) => e.row)).size;
}

export function invalidRowIssues(registry: RegistryReadResult): RegistryIssue[] {
  return registry.errors.map((e) => ({ kind: 'invalid-row' as const, units: [], detail: `${e.file}:${e.row}: ${e.field}: ${e.problem}` }));
}
