// Picks the rules of a run (`--rules`) and applies weight overrides from the config file.
import type { ArtifactKey } from '../model/artifacts.js';
import type { Rule } from '../model/rule.js';
import { UsageError } from '../options.js';

export function selectRules(all: readonly Rule[], ids: readonly string[] | undefined, weights: Record<string, number> = {}): Rule[] {
  const known = new Map(all.map((r) => [r.meta.id, r]));
  for (const id of [...(ids ?? []), ...Object.keys(weights)]) {
    if (!known.has(id)) throw new UsageError(`--rules: quy tắc không tồn tại / unknown rule: ${id} (xem / see: edu-audit rules)`);
  }
  const chosen = ids && ids.length ? all.filter((r) => ids.includes(r.meta.id)) : [...all];
  return chosen.map((r) => (weights[r.meta.id] === undefined ? r : { ...r, meta: { ...r.meta, weight: weights[r.meta.id]! } }));
}

/** Artifacts the collectors must gather for these rules. */
export function neededArtifacts(rules: readonly Rule[]): Set<ArtifactKey> {
  const needs = new Set<ArtifactKey>(['homeFetch']);
  for (const r of rules) for (const k of r.meta.requires) needs.add(k);
  for (const r of rules) for (const k of r.meta.optional ?? []) needs.add(k);
  return needs;
}
