import { describe, expect, it } from 'vitest';
import {
  completed,
  finishedUnits,
  incompleteReason,
  medianOutcome,
  sensitivityFigure,
  timeFor,
  unitTimeFigure,
  unitsPerMin,
  type RunOutcome,
} from '../../bench/figures.js';

const line = (id: string): string => JSON.stringify({ id, score: 80 });
const done = (over: Partial<RunOutcome> = {}): RunOutcome => ({
  units: 300,
  finished: 300,
  ms: 150_000,
  exitCode: 0,
  timedOut: false,
  ...over,
});

describe('finishedUnits', () => {
  it('counts distinct ids of complete lines: a re-check supersedes, a torn last line is not a unit', () => {
    const jsonl = [line('A'), line('B'), line('A'), '', `{"id":"C","sco`].join('\n');
    expect(finishedUnits(jsonl)).toBe(2);
    expect(finishedUnits('')).toBe(0);
  });
});

describe('a run that did not finish', () => {
  // issue 13: a child killed at 300 s after ~170 of 300 units printed "60 units/min" (300 ÷ 5 min)
  const killed = done({ finished: 170, ms: 300_000, exitCode: null, timedOut: true });

  it('reports the units it finished, not the units it was given', () => {
    expect(completed(killed)).toBe(false);
    expect(unitsPerMin(killed)).toBe(34);
    expect(incompleteReason(killed)).toBe('INCOMPLETE: killed at its time limit after 300 s, 170 of 300 units finished');
  });

  it('projects nothing and is NOT MET, however fast the part it finished', () => {
    expect(timeFor(2000, killed)).toBeUndefined();
    const f = unitTimeFigure('2,000 units @ 1000 ms', 2000, 15, { ...killed, ms: 10_000 });
    expect(f.met).toBe(false);
    expect(f.value).toContain('INCOMPLETE');
    expect(f.value).toContain('170 of 300');
    expect(f.value).toContain('no projection');
    expect(f.value).not.toMatch(/min \(projected/);
  });

  it('a crashed child (exit 3) or one whose results.jsonl lacks units is incomplete too', () => {
    expect(incompleteReason(done({ exitCode: 3, finished: 300 }))).toContain('exited with 3');
    expect(incompleteReason(done({ exitCode: 1, finished: 299 }))).toContain('ended early, 299 of 300');
    expect(completed(done({ exitCode: 1 }))).toBe(true);
  });

  it('latency sensitivity gives no ratio when either run is incomplete', () => {
    const f = sensitivityFigure(1000, done(), killed);
    expect(f.met).toBe(false);
    expect(f.value).toMatch(/^no figure: 1000 ms run INCOMPLETE/);
    expect(sensitivityFigure(1000, killed, done()).value).toMatch(/^no figure: 0 ms run INCOMPLETE/);
  });
});

describe('a complete run', () => {
  it('projects 2,000 units from its rate, and says it is a projection', () => {
    const f = unitTimeFigure('x', 2000, 15, done()); // 300 units in 2.5 min: 120 units/min → 16.7 min
    expect(f.value).toBe('16.7 min (projected from 300 units at 120 units/min)');
    expect(f.met).toBe(false);
    expect(unitTimeFigure('x', 2000, 20, done()).met).toBe(true);
  });

  it('measures rather than projects when it had the units', () => {
    const f = unitTimeFigure('x', 2000, 15, done({ units: 2000, finished: 2000, ms: 600_000 }));
    expect(f.value).toBe('10.0 min (measured)');
    expect(f.met).toBe(true);
  });

  it('latency sensitivity is the slow rate over the fast one, MET from 0.8', () => {
    const fast = done({ ms: 100_000 });
    expect(sensitivityFigure(1000, fast, done({ ms: 125_000 }))).toMatchObject({ value: '0.80', met: true });
    expect(sensitivityFigure(1000, fast, done({ ms: 126_000 }))).toMatchObject({ value: '0.79', met: false });
  });
});

describe('repeats of a phase', () => {
  it('stand for the run with the median rate (the lower middle of an even count)', () => {
    const [slow, mid, fast] = [done({ ms: 200_000 }), done({ ms: 150_000 }), done({ ms: 100_000 })];
    expect(medianOutcome([fast, slow, mid])).toBe(mid);
    expect(medianOutcome([fast, slow])).toBe(slow);
    expect(medianOutcome([fast])).toBe(fast);
  });

  it('stand for the first that did not finish, whatever the others did', () => {
    const killed = done({ finished: 120, timedOut: true, ms: 300_000 });
    expect(medianOutcome([done(), killed, done()])).toBe(killed);
    expect(unitTimeFigure('x', 2000, 15, medianOutcome([done(), killed])).met).toBe(false);
  });
});
