// Timers that do not count time our own process could not run. A unit's timeouts guard against slow sites; when the
// event loop is held (a neighbour's page being parsed, a busy 2-core machine), a plain setTimeout fires the moment the
// loop comes back, before the answer already waiting in the socket is read, and a fast site is reported as a
// timeout. A light ticker measures how late the loop runs; these timers extend themselves by that lost time.

const TICK_MS = 50;
/** Lateness below this is ordinary timer jitter, not lost time. */
const JITTER_MS = 20;

let lost = 0;
let last = 0;
let ticker: NodeJS.Timeout | undefined;

function tick(): void {
  const now = performance.now();
  const late = now - last - TICK_MS;
  if (late > JITTER_MS) lost += late;
  last = now;
}

function start(): void {
  if (ticker) return;
  last = performance.now();
  // unref: the ticker never keeps a finished run alive
  ticker = setInterval(tick, TICK_MS).unref();
}

/** Milliseconds the event loop has been held since the clock started, the current hold included. */
export function lostMs(): number {
  start();
  const pending = performance.now() - last - TICK_MS;
  return lost + (pending > JITTER_MS ? pending : 0);
}

export interface FairTimer {
  clear(): void;
}

/** Calls `fn` after `ms` of time the process could run; every hold of the loop meanwhile extends the wait. */
export function fairTimeout(ms: number, fn: () => void): FairTimer {
  let seen = lostMs();
  let timer: NodeJS.Timeout | undefined;
  const fire = (): void => {
    const now = lostMs();
    const extra = now - seen;
    seen = now;
    if (extra > 1) timer = setTimeout(fire, extra);
    else fn();
  };
  timer = setTimeout(fire, ms);
  return { clear: () => clearTimeout(timer) };
}

/** A deadline `ms` of runnable time away: its signal aborts then, and `remainingMs` says how much is left. */
export interface FairDeadline {
  signal: AbortSignal;
  remainingMs(): number;
  clear(): void;
}

export function fairDeadline(ms: number, reason: string): FairDeadline {
  const controller = new AbortController();
  const startedAt = performance.now();
  const lostAtStart = lostMs();
  const timer = fairTimeout(ms, () => controller.abort(new Error(reason)));
  return {
    signal: controller.signal,
    remainingMs: () => (controller.signal.aborted ? 0 : Math.max(0, ms - (performance.now() - startedAt - (lostMs() - lostAtStart)))),
    clear: () => timer.clear(),
  };
}
