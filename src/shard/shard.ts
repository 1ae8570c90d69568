// Which shard a unit belongs to: a stable hash of its id, so a unit lands in the same shard whatever the
// registry order, and every unit lands in exactly one shard.
import { createHash } from 'node:crypto';

export interface Shard {
  /** 1-based shard number. */
  k: number;
  n: number;
}

/** First 8 bytes of SHA-256 of the NFC id, as an unsigned integer, mod n, + 1. */
export function shardOf(id: string, n: number): number {
  const digest = createHash('sha256').update(id.normalize('NFC'), 'utf8').digest();
  return Number(digest.readBigUInt64BE(0) % BigInt(n)) + 1;
}

export const inShard = (id: string, shard: Shard): boolean => shardOf(id, shard.n) === shard.k;

/** The units of one shard, in registry order, with each one's index in the whole registry (for `merge`). */
export function sliceUnits<T extends { id: string }>(
  units: readonly T[],
  shard: Shard,
): { units: T[]; registryIndex: Record<string, number> } {
  const slice: T[] = [];
  const registryIndex: Record<string, number> = {};
  units.forEach((unit, index) => {
    if (!inShard(unit.id, shard)) return;
    slice.push(unit);
    registryIndex[unit.id] = index;
  });
  return { units: slice, registryIndex };
}
