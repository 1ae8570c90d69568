import { describe, expect, it } from 'vitest';
import { auditDate, resolveOptions, UsageError } from '../../src/options.js';

describe('--now', () => {
  it('accepts YYYY-MM-DD and dd/mm/yyyy, and records the ISO form', () => {
    expect(resolveOptions({}, { now: '15/11/2026' }).now).toBe('2026-11-15');
    expect(resolveOptions({}, { now: '5/1/2026' }).now).toBe('2026-01-05');
    expect(resolveOptions({}, { now: '2026-11-15' }).now).toBe('2026-11-15');
    expect(auditDate('15/11/2026').toISOString()).toBe('2026-11-15T00:00:00.000Z');
    expect(auditDate('2026-11-15T08:30:00Z').toISOString()).toBe('2026-11-15T08:30:00.000Z');
  });

  it('refuses impossible or other dates as bad usage, before any run directory is made', () => {
    for (const bad of ['31/02/2026', '2026-13-01', 'Nov 15 2026', '15-11-2026']) {
      expect(() => resolveOptions({}, { now: bad }), bad).toThrow(UsageError);
    }
    expect(() => resolveOptions({}, { now: '31/02/2026' })).toThrow(
      '--now: ngày không hợp lệ, cần YYYY-MM-DD hoặc dd/mm/yyyy / invalid date, expected YYYY-MM-DD or dd/mm/yyyy: 31/02/2026',
    );
  });
});

describe('option messages', () => {
  it("are ours, not zod's English", () => {
    expect(() => resolveOptions({}, { concurrency: 'abc' })).toThrow('--concurrency: cần một số / expected a number: abc');
    expect(() => resolveOptions({}, { concurrency: '0' })).toThrow('--concurrency: phải lớn hơn 0 / must be greater than 0: 0');
    expect(() => resolveOptions({}, { retries: '9' })).toThrow('--retries: phải không quá 5 / must be at most 5: 9');
    expect(() => resolveOptions({}, { lang: 'fr' })).toThrow('--lang: phải là một trong vi, en / must be one of vi, en: fr');
  });
});
