// Which limit bounded a run (src/run/run-limits.ts), from measured waits: the rule's order and thresholds, and the
// plain words the console prints for it (src/report/limit-lines.ts).
import { describe, expect, it } from 'vitest';
import { addWaits, emptyWaits, type LimitWaits } from '../../src/collect/limit-waits.js';
import { judgeRunLimits, type SlotMeter } from '../../src/run/run-limits.js';
import { duration, limitLines } from '../../src/report/limit-lines.js';

const options = { perIp: 16, perHost: 2, concurrency: 32, pageMemory: 12 };
const slots = (fullMs: number, elapsedMs = 100_000, unitMs = 1_000_000): SlotMeter =>
  ({ fullMs, elapsedMs, unitMs }) as unknown as SlotMeter;
const waits = (over: Partial<LimitWaits>): LimitWaits => ({
  ...emptyWaits(),
  requests: 100,
  activeMs: 100_000,
  loopMs: 100_000,
  loopBusyMs: 10_000,
  ...over,
});

describe('judgeRunLimits', () => {
  it('names the limit requests waited for most, once it is a fifth of their time', () => {
    expect(judgeRunLimits(waits({ perIpMs: 300_000, perHostMs: 100_000 }), slots(90_000), options).bound).toBe('per-ip');
    expect(judgeRunLimits(waits({ perIpMs: 30_000, perHostMs: 60_000 }), slots(90_000), options).bound).toBe('per-host');
    expect(judgeRunLimits(waits({ spacingMs: 50_000 }), slots(0), options).bound).toBe('spacing');
    expect(judgeRunLimits(waits({ pageMemoryMs: 400_000, pageMemoryUnits: 7 }), slots(90_000), options).bound).toBe('page-memory');
  });

  it('says how many pages were parsed twice to let units in, summed over the threads', () => {
    const both = addWaits(waits({ pageMemoryReparsed: 5 }), waits({ pageMemoryReparsed: 3 }));
    expect(judgeRunLimits(both, slots(90_000), options).pageMemoryReparsed).toBe(8);
  });

  it('else a busy event loop is the CPU, else full slots are --concurrency, else the sites themselves', () => {
    expect(judgeRunLimits(waits({ perIpMs: 10_000, loopBusyMs: 90_000 }), slots(90_000), options).bound).toBe('cpu');
    expect(judgeRunLimits(waits({ perIpMs: 10_000 }), slots(90_000), options).bound).toBe('concurrency');
    expect(judgeRunLimits(waits({ perIpMs: 10_000 }), slots(20_000), options).bound).toBe('none');
    expect(judgeRunLimits(emptyWaits(), slots(0, 0, 0), options).bound).toBe('none'); // nothing crawled
  });

  it('lists the addresses carrying the most units', () => {
    const addresses = {
      '203.0.113.5': { units: 1240, waitMs: 2_460_000 },
      '203.0.113.9': { units: 3, waitMs: 0 },
      '198.51.100.1': { units: 40, waitMs: 10 },
      '198.51.100.2': { units: 2, waitMs: 0 },
    };
    const l = judgeRunLimits(waits({ perIpMs: 2_460_010, addresses }), slots(90_000), options);
    expect(l.busiest).toEqual([
      { address: '203.0.113.5', units: 1240, waitMs: 2_460_000 },
      { address: '198.51.100.1', units: 40, waitMs: 10 },
      { address: '203.0.113.9', units: 3, waitMs: 0 },
    ]);
    const [first, second] = limitLines(l, 'vi');
    expect(first).toBe(
      'Giới hạn tốc độ chính: số kết nối mỗi địa chỉ IP (--per-ip 16): các yêu cầu chờ 96 % thời gian, tổng 41 phút; ' +
        '1.240 đơn vị trên 203.0.113.5 (chờ 41 phút), 40 đơn vị trên 198.51.100.1 (chờ 0 giây), 3 đơn vị trên 203.0.113.9 (chờ 0 giây). ' +
        'Nếu máy chủ đó do đơn vị mình quản lý, có thể tăng --per-ip.',
    );
    expect(second).toBe('  Thời gian chờ: mỗi IP 41 phút · mỗi website 0 giây · khoảng nghỉ 0 giây · bộ nhớ trang 0 giây · 100 yêu cầu');
    expect(limitLines(l, 'en')[0]).toMatch(
      /^What set the pace: connections per IP address \(--per-ip 16\): requests waited 96 % of their time, 41 min in all; 1,240 units on 203\.0\.113\.5/,
    );
  });
});

describe('duration', () => {
  it('reads as people say it', () => {
    expect(duration(12_400, 'vi')).toBe('12 giây');
    expect(duration(125_000, 'vi')).toBe('2 phút 5 giây');
    expect(duration(41 * 60_000, 'vi')).toBe('41 phút');
    expect(duration(2 * 3_600_000 + 5 * 60_000, 'en')).toBe('2 h 5 min');
  });
});
