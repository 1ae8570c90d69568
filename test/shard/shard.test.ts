// Shard assignment: stable under registry reordering, a partition of the registry, and `--shard` parsing
// (K/N, `auto` under GitLab parallel: and a Kubernetes Indexed Job, bad values as usage errors naming the flag).
import { describe, expect, it } from 'vitest';
import { inShard, shardOf, sliceUnits } from '../../src/shard/shard.js';
import { resolveShard } from '../../src/shard/resolve-shard.js';
import { UsageError } from '../../src/options.js';

const ids = Array.from({ length: 500 }, (_, i) => ({ id: `79${String(i).padStart(6, '0')}` }));

/** Deterministic shuffle (mulberry32), so a failure reproduces. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let a = seed;
  const rand = (): number => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('shardOf', () => {
  it('is pinned: the first 8 bytes of SHA-256 of the NFC id, mod N, + 1', () => {
    // changing the hash would move units between shards of runs already in flight
    expect(['79000', '79760', '79769201', '79769101'].map((id) => shardOf(id, 3))).toEqual([3, 2, 1, 2]);
    expect(shardOf('79760', 7)).toBe(5);
    expect(shardOf('anything', 1)).toBe(1);
  });

  it('normalises the id to NFC first', () => {
    const nfc = 'Trường-Lê-Lợi'.normalize('NFC');
    expect(shardOf(nfc.normalize('NFD'), 5)).toBe(shardOf(nfc, 5));
  });

  it('puts every unit in exactly one shard, and spreads them', () => {
    for (const n of [1, 2, 3, 7]) {
      const slices = Array.from({ length: n }, (_, i) => sliceUnits(ids, { k: i + 1, n }).units.map((u) => u.id));
      expect(slices.flat().sort()).toEqual(ids.map((u) => u.id).sort());
      for (const s of slices) expect(s.length).toBeGreaterThan(ids.length / n / 2);
      for (const u of ids) expect(slices.filter((s) => s.includes(u.id))).toHaveLength(1);
    }
  });

  it('keeps each unit in its shard when the registry is reordered, and records registry indexes', () => {
    for (const seed of [1, 2, 3]) {
      const registry = shuffled(ids, seed);
      for (let k = 1; k <= 3; k++) {
        const { units, registryIndex } = sliceUnits(registry, { k, n: 3 });
        expect(new Set(units.map((u) => u.id))).toEqual(new Set(sliceUnits(ids, { k, n: 3 }).units.map((u) => u.id)));
        for (const u of units) {
          expect(inShard(u.id, { k, n: 3 })).toBe(true);
          expect(registry[registryIndex[u.id]!]).toBe(u);
        }
        // the slice keeps registry order
        expect(units.map((u) => registryIndex[u.id])).toEqual([...units.map((u) => registryIndex[u.id])].sort((a, b) => a! - b!));
      }
    }
  });
});

describe('resolveShard', () => {
  const usage = (f: () => unknown, pattern: RegExp): void => {
    expect(f).toThrow(UsageError);
    expect(f).toThrow(pattern);
  };

  it('parses K/N and returns undefined without --shard', () => {
    expect(resolveShard('2/3', undefined, {})).toEqual({ k: 2, n: 3 });
    expect(resolveShard(' 1 / 1 ', undefined, {})).toEqual({ k: 1, n: 1 });
    expect(resolveShard(undefined, undefined, {})).toBeUndefined();
  });

  it('refuses bad values, naming the flag', () => {
    for (const bad of ['0/3', '4/3', '3', '1/0', 'a/b', '-1/3', '1.5/3', '', '1/3/4'])
      usage(() => resolveShard(bad, undefined, {}), /^--shard: /);
    usage(() => resolveShard(undefined, 3, {}), /^--shards: /);
    usage(() => resolveShard('1/3', 3, {}), /^--shards: /);
  });

  it('auto: GitLab parallel: CI_NODE_INDEX (1-based) / CI_NODE_TOTAL', () => {
    expect(resolveShard('auto', undefined, { CI_NODE_INDEX: '2', CI_NODE_TOTAL: '5' })).toEqual({ k: 2, n: 5 });
    expect(resolveShard('auto', 5, { CI_NODE_INDEX: '5', CI_NODE_TOTAL: '5' })).toEqual({ k: 5, n: 5 });
    // a GitLab job without parallel: is one shard
    expect(resolveShard('auto', undefined, { CI_NODE_TOTAL: '1' })).toEqual({ k: 1, n: 1 });
    usage(() => resolveShard('auto', undefined, { CI_NODE_INDEX: '0', CI_NODE_TOTAL: '5' }), /^--shard auto: .*0\/5/);
    usage(() => resolveShard('auto', undefined, { CI_NODE_INDEX: '2' }), /^--shard auto: .*CI_NODE_TOTAL/);
    usage(() => resolveShard('auto', 4, { CI_NODE_INDEX: '2', CI_NODE_TOTAL: '5' }), /^--shards 4: /);
  });

  it('auto: Kubernetes Indexed Job: JOB_COMPLETION_INDEX (0-based) with --shards N', () => {
    expect(resolveShard('auto', 4, { JOB_COMPLETION_INDEX: '0' })).toEqual({ k: 1, n: 4 });
    expect(resolveShard('auto', 4, { JOB_COMPLETION_INDEX: '3' })).toEqual({ k: 4, n: 4 });
    usage(() => resolveShard('auto', undefined, { JOB_COMPLETION_INDEX: '0' }), /^--shard auto: .*--shards N/);
    usage(() => resolveShard('auto', 4, { JOB_COMPLETION_INDEX: '4' }), /^--shard auto: .*5\/4/);
    usage(() => resolveShard('auto', 4, { JOB_COMPLETION_INDEX: 'x' }), /^--shard auto: JOB_COMPLETION_INDEX/);
  });

  it('auto without a CI environment is a usage error that says what to do', () => {
    usage(() => resolveShard('auto', undefined, {}), /^--shard auto: .*--shard K\/N/);
  });
});
