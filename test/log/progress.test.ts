// Progress without a TTY: a line every 30 s or 5 % — driven by a fake clock and timer, never by wall time.
import { describe, expect, it } from 'vitest';
import { Progress, formatProgressLine, type ProgressClock, type ProgressFields } from '../../src/log/progress.js';

function fakeClock(): ProgressClock & { advance(ms: number): void; timers: number } {
  let now = 1_000_000;
  const timers: { every: number; next: number; fn: () => void; on: boolean }[] = [];
  return {
    now: () => now,
    every(ms, fn) {
      const t = { every: ms, next: now + ms, fn, on: true };
      timers.push(t);
      return () => {
        t.on = false;
      };
    },
    advance(ms) {
      const end = now + ms;
      for (;;) {
        const due = timers.filter((t) => t.on && t.next <= end).sort((a, b) => a.next - b.next)[0];
        if (!due) break;
        now = due.next;
        due.next += due.every;
        due.fn();
      }
      now = end;
    },
    get timers() {
      return timers.filter((t) => t.on).length;
    },
  };
}

function recorder(total: number, clock: ReturnType<typeof fakeClock>): { progress: Progress; lines: ProgressFields[]; texts: string[] } {
  const lines: ProgressFields[] = [];
  const texts: string[] = [];
  const progress = new Progress(total, {
    log: (f, line) => {
      lines.push(f);
      texts.push(line);
    },
    clock,
  });
  return { progress, lines, texts };
}

describe('Progress without a TTY', () => {
  it('logs each 5 % of the units, with pages, errors so far and the ETA', () => {
    const clock = fakeClock();
    const { progress, lines, texts } = recorder(200, clock);
    for (let i = 1; i <= 25; i += 1) {
      clock.advance(1000);
      progress.tick(3, i % 10 === 0);
    }
    // 5 % of 200 = 10 units: lines at 10 and 20
    expect(lines.map((l) => l.done)).toEqual([10, 20]);
    expect(lines[1]).toEqual({ done: 20, total: 200, pages: 60, errors: 2, etaSeconds: 180 });
    expect(texts[1]).toBe('tiến độ / progress: 20/200 đơn vị / units (10%) · 60 trang / pages · 2 lỗi / errors · còn / ETA ~03:00');
  });

  it('logs every 30 s while units are slow, even when none finishes (a stalled run still shows life)', () => {
    const clock = fakeClock();
    const { progress, lines } = recorder(2000, clock);
    progress.tick(5);
    expect(lines).toHaveLength(0);
    clock.advance(29_000);
    expect(lines).toHaveLength(0);
    clock.advance(1_000);
    expect(lines.map((l) => l.done)).toEqual([1]);
    clock.advance(60_000); // nothing finishes for a minute: two more lines
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatchObject({ done: 1, total: 2000, pages: 5 });
    progress.tick(2);
    clock.advance(10_000);
    expect(lines).toHaveLength(3); // the last line was under 30 s ago
  });

  it('ends with a line for the last units and stops its timer', () => {
    const clock = fakeClock();
    const { progress, lines } = recorder(1000, clock);
    progress.tick(1);
    progress.tick(1);
    progress.finish();
    expect(lines.at(-1)).toMatchObject({ done: 2, total: 1000 });
    expect(clock.timers).toBe(0);
    clock.advance(120_000);
    expect(lines).toHaveLength(1);
  });

  it('says nothing when progress is off, and draws a bar on a TTY instead of lines', () => {
    const clock = fakeClock();
    const off = new Progress(10, { clock });
    off.tick(1);
    off.finish();
    expect(clock.timers).toBe(0);
    const written: string[] = [];
    const lines: ProgressFields[] = [];
    const tty = new Progress(2, {
      tty: {
        write: (s: string) => {
          written.push(s);
          return true;
        },
      } as NodeJS.WritableStream,
      log: (f) => lines.push(f),
      clock,
    });
    clock.advance(500);
    tty.tick(4);
    tty.finish();
    expect(written[0]).toMatch(/^\r█{12}░{12} 1\/2 đơn vị · 8\.0 trang\/s · còn ~00:01/);
    expect(lines).toEqual([]);
  });

  it('an ETA is unknown before the first unit', () => {
    expect(formatProgressLine({ done: 0, total: 5, pages: 0, errors: 0 })).toBe(
      'tiến độ / progress: 0/5 đơn vị / units (0%) · 0 trang / pages · 0 lỗi / errors · còn / ETA ~?',
    );
  });
});
