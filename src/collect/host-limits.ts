// Politeness: requests at once per host and per IP (shared hosting carries hundreds of school sites on one
// address), spacing per host from robots crawl-delay, and back-off from hosts that wall or reset us.
import dns from 'node:dns/promises';
import { isIP } from 'node:net';
import { routeFor, type ConnectToRule } from './connect-to.js';
import { emptyWaits, type LimitWaits } from './limit-waits.js';

const MAX_SPACING_MS = 10_000;
/** Walls (403/429/challenge) after which the rest of a host's pages are not fetched in this run. */
const WALL_LIMIT = 3;

class Semaphore {
  private active = 0;
  private readonly waiters: (() => void)[] = [];
  constructor(private readonly size: number) {}

  async acquire(signal?: AbortSignal): Promise<() => void> {
    if (this.active >= this.size) {
      await new Promise<void>((resolve, reject) => {
        const wake = (): void => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        };
        const onAbort = (): void => {
          const i = this.waiters.indexOf(wake);
          if (i >= 0) this.waiters.splice(i, 1);
          reject(signal?.reason ?? new Error('aborted'));
        };
        if (signal?.aborted) return onAbort();
        signal?.addEventListener('abort', onAbort, { once: true });
        this.waiters.push(wake);
      });
    } else {
      this.active++;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiters.shift();
      // The slot passes straight to the next waiter, so `active` only drops when nobody waits.
      if (next) next();
      else this.active--;
    };
  }
}

interface HostState {
  sem: Semaphore;
  spacingMs: number;
  nextAt: number;
  walls: number;
}

export interface HostLimitsOptions {
  perHost: number;
  perIp: number;
  connectTo: ConnectToRule[];
}

const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(t);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

export class HostLimits {
  private readonly hosts = new Map<string, HostState>();
  private readonly ips = new Map<string, Semaphore>();
  private readonly ipKeys = new Map<string, Promise<string>>();
  /** How long requests waited for each limit (limit-waits.ts); page-memory and the event loop are added by the run. */
  readonly waits: LimitWaits = emptyWaits();

  constructor(private readonly opts: HostLimitsOptions) {}

  private address(key: string): { units: number; waitMs: number } {
    return (this.waits.addresses[key] ??= { units: 0, waitMs: 0 });
  }

  /** Counts a unit on its website's address, so the summary can name the addresses that carry the most units. */
  async noteUnit(website: string): Promise<void> {
    let url: URL;
    try {
      url = new URL(website);
    } catch {
      return;
    }
    const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
    const key = await this.ipKey(host, Number(url.port) || (url.protocol === 'https:' ? 443 : 80));
    this.address(key).units++;
  }

  private host(h: string): HostState {
    let s = this.hosts.get(h);
    if (!s) {
      s = { sem: new Semaphore(Math.max(1, this.opts.perHost)), spacingMs: 0, nextAt: 0, walls: 0 };
      this.hosts.set(h, s);
    }
    return s;
  }

  /** The per-IP key: the --connect-to target when routed, the IP literal, else the resolved address. */
  private ipKey(host: string, port: number): Promise<string> {
    const route = routeFor(this.opts.connectTo, host, port);
    if (route) return Promise.resolve(`${route.host}:${route.port}`);
    if (isIP(host)) return Promise.resolve(host);
    let p = this.ipKeys.get(host);
    if (!p) {
      // Only for grouping; the connector does its own guarded lookup. A failure groups by host name.
      p = dns.lookup(host).then(
        (r) => r.address,
        () => host,
      );
      this.ipKeys.set(host, p);
    }
    return p;
  }

  /** Waits for a slot for this URL; returns the release function. Rejects when `signal` aborts. */
  async acquire(url: URL, signal?: AbortSignal): Promise<() => void> {
    const host = url.hostname.toLowerCase();
    const port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
    const state = this.host(host);
    const key = await this.ipKey(host.replace(/^\[|\]$/g, ''), port);
    let ipSem = this.ips.get(key);
    if (!ipSem) {
      ipSem = new Semaphore(Math.max(1, this.opts.perIp));
      this.ips.set(key, ipSem);
    }
    const waits = this.waits;
    const asked = performance.now();
    const releaseHost = await state.sem.acquire(signal);
    const gotHost = performance.now();
    waits.perHostMs += gotHost - asked;
    let releaseIp: () => void;
    try {
      releaseIp = await ipSem.acquire(signal);
      const gotIp = performance.now();
      waits.perIpMs += gotIp - gotHost;
      this.address(key).waitMs += gotIp - gotHost;
      const wait = state.nextAt - Date.now();
      state.nextAt = Math.max(Date.now(), state.nextAt) + state.spacingMs;
      if (wait > 0) {
        await sleep(wait, signal);
        waits.spacingMs += performance.now() - gotIp;
      }
    } catch (e) {
      releaseHost();
      throw e;
    }
    const started = performance.now();
    waits.requests++;
    let released = false;
    return () => {
      if (!released) waits.activeMs += performance.now() - started;
      released = true;
      releaseIp();
      releaseHost();
    };
  }

  /** Minimum spacing between requests to a host (robots crawl-delay), capped so one site cannot stall a run. */
  setCrawlDelay(host: string, seconds: number): void {
    const s = this.host(host.toLowerCase());
    s.spacingMs = Math.max(s.spacingMs, Math.min(MAX_SPACING_MS, Math.max(0, seconds * 1000)));
  }

  /** A 403/429/challenge or a reset: slow down; after WALL_LIMIT walls the host is given up. */
  noteWall(host: string, kind: 'wall' | 'reset'): void {
    const s = this.host(host.toLowerCase());
    s.spacingMs = Math.min(MAX_SPACING_MS, Math.max(500, s.spacingMs * 2));
    if (kind === 'wall') s.walls++;
  }

  isGivenUp(host: string): boolean {
    return (this.hosts.get(host.toLowerCase())?.walls ?? 0) >= WALL_LIMIT;
  }
}
