// The bench's arithmetic, apart from the processes it runs, so that it can be unit-tested: how many units a run
// finished (from its results.jsonl), and figures that never claim more than the run did. A child that was killed at
// its time limit or failed reports the units it finished, the figure is marked incomplete and NOT MET, and nothing
// is projected from a count it did not reach (issue 13).

/** How an audit child ended, and what it left. */
export interface RunOutcome {
  /** Units in the registry given to the child. */
  units: number;
  /** Distinct unit ids in its results.jsonl (a re-check's later line supersedes, it is not a second unit). */
  finished: number;
  ms: number;
  exitCode: number | null;
  timedOut: boolean;
}

/** Distinct unit ids of a results.jsonl's complete lines (a torn last line is not a finished unit). */
export function finishedUnits(jsonl: string): number {
  const ids = new Set<string>();
  for (const line of jsonl.split('\n')) {
    if (!line.trim()) continue;
    try {
      const id = (JSON.parse(line) as { id?: unknown }).id;
      if (typeof id === 'string') ids.add(id);
    } catch {
      // a line cut by a kill
    }
  }
  return ids.size;
}

/** The audit exits 0, or 1 when units fail their rules (a finding, not a failure of the run). */
export const completed = (r: RunOutcome): boolean => !r.timedOut && (r.exitCode === 0 || r.exitCode === 1) && r.finished >= r.units;

/** Why a run is incomplete, in a few words, or undefined when it completed. */
export function incompleteReason(r: RunOutcome): string | undefined {
  if (completed(r)) return undefined;
  const how = r.timedOut
    ? `killed at its time limit after ${(r.ms / 1000).toFixed(0)} s`
    : r.exitCode === 0 || r.exitCode === 1
      ? 'ended early'
      : `exited with ${r.exitCode ?? 'a signal'}`;
  return `INCOMPLETE: ${how}, ${r.finished} of ${r.units} units finished`;
}

/** Units per minute over what the run finished (0 when it finished none). */
export const unitsPerMin = (r: RunOutcome): number => (r.ms > 0 ? r.finished / (r.ms / 60_000) : 0);

export interface Figure {
  name: string;
  value: string;
  target: string;
  met: boolean;
  detail: string;
}

const minutes = (ms: number): string => `${(ms / 60_000).toFixed(1)} min`;

/**
 * The time for `target` units at this run's rate. Only from a complete run: a killed run's rate is over the units
 * that were quick enough to finish, and the rest may never have. Measured, not projected, when the run had them all.
 */
export function timeFor(target: number, r: RunOutcome): { ms: number; projected: boolean } | undefined {
  if (!completed(r)) return undefined;
  if (r.units >= target) return { ms: (r.ms * target) / r.units, projected: r.units > target };
  return { ms: (target / unitsPerMin(r)) * 60_000, projected: true };
}

/** "2,000 units at L ms in under M minutes" as a figure. */
export function unitTimeFigure(name: string, target: number, limitMin: number, r: RunOutcome): Figure {
  const goal = `${target.toLocaleString('en')} units < ${limitMin} min`;
  const t = timeFor(target, r);
  const why = incompleteReason(r);
  if (!t || why) {
    return {
      name,
      value: `${why}; ${unitsPerMin(r).toFixed(0)} units/min over those, no projection`,
      target: goal,
      met: false,
      detail: `${r.finished} units in ${(r.ms / 1000).toFixed(1)} s`,
    };
  }
  return {
    name,
    value: `${minutes(t.ms)}${t.projected ? ` (projected from ${r.units} units at ${unitsPerMin(r).toFixed(0)} units/min)` : ' (measured)'}`,
    target: goal,
    met: t.ms < limitMin * 60_000,
    detail: `${r.units} units in ${(r.ms / 1000).toFixed(1)} s`,
  };
}

/** Latency sensitivity: units/min at the slow latency ÷ units/min at 0 ms, same units, same bench run. */
export function sensitivityFigure(slowMs: number, fast: RunOutcome, slow: RunOutcome, min = 0.8): Figure {
  const name = `latency sensitivity (${slowMs} ms vs 0 ms)`;
  const target = `≥ ${min.toFixed(2)}`;
  const rates = `${unitsPerMin(slow).toFixed(0)} ÷ ${unitsPerMin(fast).toFixed(0)} units/min`;
  const why = [incompleteReason(fast), incompleteReason(slow)]
    .map((w, i) => w && `${i ? `${slowMs} ms` : '0 ms'} run ${w}`)
    .filter(Boolean);
  if (why.length) return { name, value: `no figure: ${why.join('; ')}`, target, met: false, detail: `over the units finished: ${rates}` };
  const ratio = unitsPerMin(slow) / unitsPerMin(fast);
  return { name, value: ratio.toFixed(2), target, met: ratio >= min, detail: `${fast.units} units each: ${rates}` };
}

/** The median (the lower middle of an even count). */
export const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

/**
 * The run that stands for several repeats of the same phase: the one with the median rate (the lower middle of an
 * even count), or, when any repeat did not finish, the first that did not, so that the figure says INCOMPLETE.
 */
export function medianOutcome(runs: readonly RunOutcome[]): RunOutcome {
  const failed = runs.find((r) => !completed(r));
  if (failed) return failed;
  const sorted = [...runs].sort((a, b) => unitsPerMin(a) - unitsPerMin(b));
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}
