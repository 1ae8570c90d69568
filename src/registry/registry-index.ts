// The registry as rules see it: children looked up by website host in O(1), for fleets of thousands of units.
import type { RegistryIndex } from '../model/rule.js';
import type { Unit } from '../model/unit.js';
import { hostOf, stripWww } from '../util/hosts.js';

/** The key sameHost() compares: host without scheme, port, path or `www.`. */
function siteKey(url: string | undefined): string | undefined {
  const host = url === undefined ? undefined : hostOf(url);
  return host === undefined ? undefined : stripWww(host);
}

export function buildRegistryIndex(units: readonly Unit[]): RegistryIndex {
  const byParentSite = new Map<string, Unit[]>();
  for (const unit of units) {
    const key = siteKey(unit.parent);
    if (key === undefined) continue;
    const list = byParentSite.get(key);
    if (list) list.push(unit);
    else byParentSite.set(key, [unit]);
  }
  return {
    units,
    childrenOf(unit: Unit): Unit[] {
      const key = siteKey(unit.website);
      if (key === undefined) return [];
      // A unit naming its own site as parent is not its own child.
      return (byParentSite.get(key) ?? []).filter((child) => child !== unit);
    },
  };
}
