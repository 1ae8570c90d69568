// How long requests and units waited for each of our limits, measured where they wait: a slot on the site's address
// (--per-ip) or on the site (--per-host), the spacing robots.txt or a wall asked for (host-limits.ts), admission under
// --page-memory (page-memory.ts); and how busy the thread's event loop was. Two clock reads per request: cheap. Each
// worker thread measures its own and posts it back when it closes; the run adds them up (src/run/run-limits.ts says
// which limit bounded the run).
import { performance } from 'node:perf_hooks';

export interface AddressLoad {
  /** Units whose website is on this address (the per-IP key: the --connect-to target, or the resolved IP). */
  units: number;
  /** Time requests to this address waited for a --per-ip slot. */
  waitMs: number;
}

export interface LimitWaits {
  requests: number;
  /** Time requests held their slots (connecting, waiting for and reading the answer). */
  activeMs: number;
  perIpMs: number;
  perHostMs: number;
  /** Spacing between requests to a host: robots.txt Crawl-delay, the back-off after a wall or a reset. */
  spacingMs: number;
  /** Time units waited to be admitted under --page-memory, and how many had to. */
  pageMemoryMs: number;
  pageMemoryUnits: number;
  /** Pages made compact again to let units in (parsed a second time when judged). */
  pageMemoryReparsed: number;
  addresses: Record<string, AddressLoad>;
  /** Event-loop time of the threads that crawled and judged: busy, and in all (performance.eventLoopUtilization). */
  loopBusyMs: number;
  loopMs: number;
}

export const emptyWaits = (): LimitWaits => ({
  requests: 0,
  activeMs: 0,
  perIpMs: 0,
  perHostMs: 0,
  spacingMs: 0,
  pageMemoryMs: 0,
  pageMemoryUnits: 0,
  pageMemoryReparsed: 0,
  addresses: {},
  loopBusyMs: 0,
  loopMs: 0,
});

export function addWaits(into: LimitWaits, more: LimitWaits): LimitWaits {
  into.requests += more.requests;
  into.activeMs += more.activeMs;
  into.perIpMs += more.perIpMs;
  into.perHostMs += more.perHostMs;
  into.spacingMs += more.spacingMs;
  into.pageMemoryMs += more.pageMemoryMs;
  into.pageMemoryUnits += more.pageMemoryUnits;
  into.pageMemoryReparsed += more.pageMemoryReparsed;
  into.loopBusyMs += more.loopBusyMs;
  into.loopMs += more.loopMs;
  for (const [address, load] of Object.entries(more.addresses)) {
    const a = (into.addresses[address] ??= { units: 0, waitMs: 0 });
    a.units += load.units;
    a.waitMs += load.waitMs;
  }
  return into;
}

/** Starts measuring this thread's event loop; the returned function says how busy it was since. */
export function loopMeter(): () => { loopBusyMs: number; loopMs: number } {
  const start = performance.eventLoopUtilization();
  return () => {
    const d = performance.eventLoopUtilization(start);
    return { loopBusyMs: d.active, loopMs: d.active + d.idle };
  };
}

type Utilization = Pick<ReturnType<typeof performance.eventLoopUtilization>, 'active' | 'idle'>;

/**
 * How busy this thread's event loop was (0–1) over the latest window of at least `windowMs`, refreshed when asked:
 * page-memory.ts lets no parse go while the CPU, not memory, is what holds the run back. `clock` and `elu` are
 * performance.now and performance.eventLoopUtilization (tests pass their own).
 */
export function recentLoopLoad(
  windowMs = 1000,
  clock: () => number = () => performance.now(),
  elu: () => Utilization = () => performance.eventLoopUtilization(),
): () => number {
  let mark = elu();
  let markAt = clock();
  let load = 0;
  return () => {
    const at = clock();
    if (at - markAt < windowMs) return load;
    const u = elu();
    const active = u.active - mark.active;
    const all = active + u.idle - mark.idle;
    load = all > 0 ? active / all : 0;
    mark = u;
    markAt = at;
    return load;
  };
}
