// Which of our limits bounded the run, from how long requests and units waited for each (src/collect/limit-waits.ts),
// how full the --concurrency slots were and how busy the event loop was. Many provinces host all their schools on
// one server: there --per-ip rightly sets the pace, and an inspector who owns that server should know to raise it.
//
// The rule, in order: a limit that requests (or, for --page-memory, units) spent at least a fifth of their time
// waiting for bounds the run — the one waited for most; else an event loop busy 85 % of the time means CPU; else
// slots that were all taken most of the crawl mean --concurrency; else nothing of ours did: the sites' own answer
// times set the pace.
import type { CrawlContext } from '../collect/crawl-types.js';
import type { LimitWaits } from '../collect/limit-waits.js';
import type { AuditOptions } from '../options.js';
import type { RunBound, RunLimits } from '../model/result.js';

export type { RunBound, RunLimits };

const WAIT_SHARE = 0.2;
const CPU_SHARE = 0.85;
const FULL_SHARE = 0.5;
const BUSIEST = 3;

/** One crawl context's waits: its host limits, its page-memory admission and its thread's event loop. */
export function crawlWaits(ctx: CrawlContext, loop: () => { loopBusyMs: number; loopMs: number }): LimitWaits {
  return {
    ...ctx.limits.waits,
    addresses: { ...ctx.limits.waits.addresses },
    pageMemoryMs: ctx.memory.waitedMs,
    pageMemoryUnits: ctx.memory.waitedUnits,
    pageMemoryReparsed: ctx.memory.recompacted,
    ...loop(),
  };
}

/** Counts how long every --concurrency slot was taken, and the time units spent in their slots. */
export class SlotMeter {
  private active = 0;
  private fullSince: number | undefined;
  private readonly started = performance.now();
  fullMs = 0;
  unitMs = 0;

  constructor(private readonly slots: number) {}

  /** A unit took a slot; call the returned function when it leaves. */
  enter(): () => void {
    const at = performance.now();
    if (++this.active >= this.slots && this.fullSince === undefined) this.fullSince = at;
    return () => {
      const now = performance.now();
      this.unitMs += now - at;
      if (this.active-- >= this.slots && this.fullSince !== undefined) {
        this.fullMs += now - this.fullSince;
        this.fullSince = undefined;
      }
    };
  }

  get elapsedMs(): number {
    return performance.now() - this.started;
  }
}

const ratio = (part: number, whole: number): number => (whole > 0 ? Math.min(1, part / whole) : 0);
const round2 = (n: number): number => Math.round(n * 100) / 100;

export function judgeRunLimits(
  waits: LimitWaits,
  slots: SlotMeter,
  options: Pick<AuditOptions, 'perIp' | 'perHost' | 'concurrency' | 'pageMemory'>,
): RunLimits {
  const requestMs = waits.activeMs + waits.perIpMs + waits.perHostMs + waits.spacingMs;
  const shares: RunLimits['shares'] = {
    'per-ip': ratio(waits.perIpMs, requestMs),
    'per-host': ratio(waits.perHostMs, requestMs),
    spacing: ratio(waits.spacingMs, requestMs),
    'page-memory': ratio(waits.pageMemoryMs, slots.unitMs),
    cpu: ratio(waits.loopBusyMs, waits.loopMs),
    concurrency: ratio(slots.fullMs, slots.elapsedMs),
  };
  const waited = (['per-ip', 'per-host', 'spacing', 'page-memory'] as const)
    .filter((k) => shares[k] >= WAIT_SHARE)
    .sort((a, b) => shares[b] - shares[a]);
  const bound: RunBound = waited[0] ?? (shares.cpu >= CPU_SHARE ? 'cpu' : shares.concurrency >= FULL_SHARE ? 'concurrency' : 'none');
  const busiest = Object.entries(waits.addresses)
    .map(([address, a]) => ({ address, units: a.units, waitMs: Math.round(a.waitMs) }))
    .sort((a, b) => b.units - a.units || b.waitMs - a.waitMs)
    .slice(0, BUSIEST);
  return {
    bound,
    shares: Object.fromEntries(Object.entries(shares).map(([k, v]) => [k, round2(v)])) as RunLimits['shares'],
    waitMs: {
      perIp: Math.round(waits.perIpMs),
      perHost: Math.round(waits.perHostMs),
      spacing: Math.round(waits.spacingMs),
      pageMemory: Math.round(waits.pageMemoryMs),
    },
    requests: waits.requests,
    pageMemoryUnits: waits.pageMemoryUnits,
    pageMemoryReparsed: waits.pageMemoryReparsed,
    busiest,
    limits: { perIp: options.perIp, perHost: options.perHost, concurrency: options.concurrency, pageMemory: options.pageMemory },
  };
}
