// Worker threads that crawl and judge units (unit-worker.ts), so parsing and rules use every core. Units of one host
// always go to the same worker: per-host limits, crawl-delay and the robots cache stay exact; the per-IP limit and
// the page-memory budget are shared out between workers. A worker that dies fails only its units in flight (they
// are recorded as internal errors by the caller) and is replaced. A worker that dies before it is ready did not start
// its units: they wait for the replacement. After MAX_START_FAILURES such deaths in a row the pool gives up
// (PoolBrokenError) and the caller goes on in-process, instead of respawning a worker that can never start.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import type { AuditOptions } from '../options.js';
import type { RulesConfig } from '../engine/rules-config.js';
import type { UnitResult } from '../model/result.js';
import type { Unit } from '../model/unit.js';
import { addWaits, emptyWaits, type LimitWaits } from '../collect/limit-waits.js';

export interface WorkerInit {
  options: AuditOptions;
  rulesConfig: RulesConfig;
  ruleIds: string[];
  weights: Record<string, number>;
  now: string;
  /** The whole registry: rules such as child-site-links look units up in it. */
  registryUnits: readonly Unit[];
  ruleSetVersion: string;
  evidenceDir?: string;
  saveArtifactsTo?: string;
}

export type PoolRequest = { type: 'unit'; seq: number; unit: Unit } | { type: 'close' };
export type PoolResponse =
  | { type: 'ready' }
  | { type: 'result'; seq: number; result: UnitResult }
  | { type: 'failed'; seq: number; error: string }
  | { type: 'closed'; pages: number; waits?: LimitWaits };

const WORKER_FILE = new URL('./unit-worker.js', import.meta.url);

/** Workers need the compiled worker file next to this module (dist/); run from TypeScript sources, audits stay in-process. */
export const workersAvailable = (): boolean => existsSync(fileURLToPath(WORKER_FILE));

interface Waiter {
  resolve(r: UnitResult): void;
  reject(e: Error): void;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Waiter & { unit: Unit }>;
  /** The worker posted `ready`: units sent to it may have started. */
  ready: boolean;
  closed?: (pages: number) => void;
}

/** Workers that died before they were ready, in a row, after which the pool stops respawning them. */
export const MAX_START_FAILURES = 3;

/** The pool could not start its workers: the caller should run the unit in-process. */
export class PoolBrokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PoolBrokenError';
  }
}

/** FNV-1a of the unit's host: the same host always lands on the same worker. */
export function workerIndexFor(unit: Unit, workers: number): number {
  let host = unit.website ?? unit.id;
  try {
    host = new URL(host).hostname;
  } catch {
    // no usable website: any worker will do, by id
  }
  let h = 0x811c9dc5;
  for (let i = 0; i < host.length; i++) h = Math.imul(h ^ host.charCodeAt(i), 0x01000193);
  return (h >>> 0) % workers;
}

export class UnitPool {
  private readonly slots: Slot[] = [];
  private seq = 0;
  private closing = false;
  private startFailures = 0;
  /** Why the pool gave up starting workers, once it has. */
  broken: string | undefined;
  /** How long the workers' requests and units waited for each limit, summed as they close (limit-waits.ts). */
  readonly waits: LimitWaits = emptyWaits();

  constructor(
    readonly size: number,
    private readonly init: WorkerInit,
    private readonly logger: Logger,
    private readonly workerFile: URL = WORKER_FILE,
  ) {
    // each worker gets its share of the run-wide limits
    const options: AuditOptions = {
      ...init.options,
      perIp: Math.max(1, Math.floor(init.options.perIp / size)),
      pageMemory: init.options.pageMemory / size,
    };
    this.init = { ...init, options };
    for (let i = 0; i < size; i++) this.slots.push(this.spawn(i));
  }

  private spawn(index: number): Slot {
    const worker = new Worker(this.workerFile, { workerData: this.init });
    const slot: Slot = { worker, pending: new Map(), ready: false };
    worker.on('message', (m: PoolResponse) => {
      if (m.type === 'ready') {
        slot.ready = true;
        this.startFailures = 0;
      } else if (m.type === 'result' || m.type === 'failed') {
        const waiter = slot.pending.get(m.seq);
        slot.pending.delete(m.seq);
        if (m.type === 'result') waiter?.resolve(m.result);
        else waiter?.reject(new Error(m.error));
      } else if (m.type === 'closed') {
        if (m.waits) addWaits(this.waits, m.waits);
        slot.closed?.(m.pages);
      }
    });
    const failAll = (why: string): void => {
      for (const w of slot.pending.values()) w.reject(new Error(why));
      slot.pending.clear();
    };
    worker.on('error', (error) => {
      this.logger.error({ worker: index, err: error }, 'luồng kiểm tra gặp lỗi / unit worker crashed');
      // before `ready` its units have not started: the exit handler hands them to the replacement
      if (slot.ready) failAll(`unit worker crashed: ${error.message}`);
    });
    worker.on('exit', (code) => {
      slot.closed?.(0);
      if (this.closing) return failAll(`unit worker exited with code ${code}`);
      if (slot.ready) {
        failAll(`unit worker exited with code ${code}`);
        this.slots[index] = this.spawn(index);
        return;
      }
      // died before it was ready: its units never started
      if (++this.startFailures >= MAX_START_FAILURES)
        return this.giveUp(`${MAX_START_FAILURES} unit workers in a row died before they were ready (last exit code ${code})`);
      const waiting = [...slot.pending.values()];
      slot.pending.clear();
      const next = this.spawn(index);
      this.slots[index] = next;
      for (const w of waiting) this.send(next, w.unit, w);
    });
    return slot;
  }

  private giveUp(why: string): void {
    this.broken = why;
    this.logger.error(
      { why },
      'không khởi động được luồng kiểm tra, tiếp tục trong tiến trình chính / unit workers cannot start, going on in-process',
    );
    for (const slot of this.slots) {
      for (const w of slot.pending.values()) w.reject(new PoolBrokenError(why));
      slot.pending.clear();
      void slot.worker.terminate();
    }
  }

  private send(slot: Slot, unit: Unit, waiter: Waiter): void {
    const seq = ++this.seq;
    slot.pending.set(seq, { ...waiter, unit });
    const request: PoolRequest = { type: 'unit', seq, unit };
    slot.worker.postMessage(request);
  }

  /** Crawls and judges one unit in its worker. Rejects only when the worker itself failed. */
  run(unit: Unit): Promise<UnitResult> {
    if (this.broken) return Promise.reject(new PoolBrokenError(this.broken));
    const slot = this.slots[workerIndexFor(unit, this.size)] as Slot;
    return new Promise<UnitResult>((resolve, reject) => this.send(slot, unit, { resolve, reject }));
  }

  /** Closes every worker's connections and ends the threads; returns the pages they fetched. */
  async close(): Promise<number> {
    this.closing = true;
    if (this.broken) return 0;
    const pages = await Promise.all(
      this.slots.map(
        (slot) =>
          new Promise<number>((resolve) => {
            slot.closed = resolve;
            const request: PoolRequest = { type: 'close' };
            slot.worker.postMessage(request);
          }),
      ),
    );
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
    return pages.reduce((a, b) => a + b, 0);
  }
}
