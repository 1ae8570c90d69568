// The worker crash paths (issue 12): a worker killed mid-unit fails only its units and is replaced; workers that
// die while starting are not respawned forever, and the units waiting for them are handed back, never lost.
import { describe, expect, it } from 'vitest';
import { MAX_START_FAILURES, PoolBrokenError, UnitPool, type WorkerInit } from '../../src/run/unit-pool.js';
import { createLogger } from '../../src/log/logger.js';
import type { Unit } from '../../src/model/unit.js';

const worker = (name: string): URL => new URL(`./workers/${name}.mjs`, import.meta.url);
const unit = (id: string): Unit =>
  ({ id, name: id, type: 'thcs', district: 'Q1', province: ['hcm'], website: 'https://one-host.hcm.edu.vn/' }) as Unit;
const init = { options: { perIp: 16, pageMemory: 12 } } as unknown as WorkerInit;
const logger = createLogger('silent');

describe('UnitPool crash paths', () => {
  it('fails the unit of a worker killed mid-unit, replaces the worker and goes on', async () => {
    const pool = new UnitPool(2, init, logger, worker('crash-on-unit'));
    try {
      expect((await pool.run(unit('A1'))).id).toBe('A1');
      await expect(pool.run(unit('CRASH1'))).rejects.toThrow(/exited with code 7/);
      // the same host maps to the same, now replaced, worker
      const after = await Promise.all(['A2', 'A3', 'A4'].map((id) => pool.run(unit(id))));
      expect(after.map((r) => r.id)).toEqual(['A2', 'A3', 'A4']);
      expect(pool.broken).toBeUndefined();
    } finally {
      await pool.close();
    }
  });

  it(`gives up after ${MAX_START_FAILURES} workers in a row die at start-up, handing back the units they never started`, async () => {
    const pool = new UnitPool(1, init, logger, worker('dies-at-start'));
    const waiting = pool.run(unit('B1'));
    await expect(waiting).rejects.toBeInstanceOf(PoolBrokenError);
    expect(pool.broken).toMatch(/died before they were ready/);
    await expect(pool.run(unit('B2'))).rejects.toBeInstanceOf(PoolBrokenError);
    expect(await pool.close()).toBe(0);
  });
});
