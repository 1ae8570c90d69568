import { describe, expect, it } from 'vitest';
import { workerIndexFor } from '../../src/run/unit-pool.js';
import type { Unit } from '../../src/model/unit.js';

const unit = (id: string, website?: string): Unit =>
  ({ id, name: id, type: 'thcs', district: 'Q1', province: ['hcm'], ...(website ? { website } : {}) }) as Unit;

describe('workerIndexFor', () => {
  it('sends every unit of one host to the same worker, whatever the path (per-host limits stay exact)', () => {
    const a = workerIndexFor(unit('1', 'https://portal.hcm.edu.vn/thcs-a/'), 4);
    expect(workerIndexFor(unit('2', 'https://portal.hcm.edu.vn/thcs-b/'), 4)).toBe(a);
    expect(workerIndexFor(unit('3', 'http://portal.hcm.edu.vn'), 4)).toBe(a);
  });

  it('spreads different hosts over the workers, always within range', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 200; i++) {
      const k = workerIndexFor(unit(String(i), `https://truong-${i}.hcm.edu.vn/`), 3);
      expect(k).toBeGreaterThanOrEqual(0);
      expect(k).toBeLessThan(3);
      seen.add(k);
    }
    expect(seen.size).toBe(3);
    expect(workerIndexFor(unit('x'), 2)).toBeLessThan(2);
  });
});

describe('defaultWorkers', () => {
  it('keeps one core for the main thread, in-process on 2 cores, at most 4 workers', async () => {
    const { defaultWorkers } = await import('../../src/run/start-pool.js');
    expect(defaultWorkers(1)).toBe(1);
    expect(defaultWorkers(2)).toBe(1);
    expect(defaultWorkers(3)).toBe(2);
    expect(defaultWorkers(16)).toBe(4);
  });
});
