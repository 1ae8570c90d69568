// Progress of a run. On a TTY: a one-line bar (units done/total, pages per second, ETA). Without one (CI, a pipe):
// a plain line every 30 s or every 5 % of the units — done/total, pages, errors so far, ETA — handed to the logger,
// so a nightly job's log shows life; in JSON mode that line is a pino record with the numbers as fields.

export interface ProgressFields {
  done: number;
  total: number;
  pages: number;
  errors: number;
  /** Seconds left at the rate so far; undefined before the first unit is done. */
  etaSeconds?: number;
}

/** The clock and timer the reporter reads: the real ones by default, a fake in tests (no wall-clock waits). */
export interface ProgressClock {
  now(): number;
  /** Calls `fn` every `ms`; returns the function that stops it. */
  every(ms: number, fn: () => void): () => void;
}

export const realClock: ProgressClock = {
  now: () => Date.now(),
  every(ms, fn) {
    const timer = setInterval(fn, ms);
    timer.unref(); // never what keeps the process alive
    return () => clearInterval(timer);
  },
};

export interface ProgressOptions {
  /** Draw the bar here (a TTY). */
  tty?: NodeJS.WritableStream;
  /** Without a TTY: where the plain progress lines go (the logger's info). */
  log?: (fields: ProgressFields, line: string) => void;
  clock?: ProgressClock;
  /** Without a TTY: a line at least this often while units are in flight. */
  intervalMs?: number;
  /** Without a TTY: a line each time this share of the units is done. */
  stepPercent?: number;
}

export class Progress {
  private done = 0;
  private pages = 0;
  private errors = 0;
  private readonly clock: ProgressClock;
  private readonly started: number;
  private lastDraw = 0;
  private lastLine = 0;
  private lastStep = 0;
  private loggedDone = -1;
  private readonly stop: (() => void) | undefined;

  constructor(
    private readonly total: number,
    private readonly options: ProgressOptions = {},
  ) {
    this.clock = options.clock ?? realClock;
    this.started = this.clock.now();
    this.lastLine = this.started;
    const interval = options.intervalMs ?? 30_000;
    if (options.log && !options.tty && total > 0) {
      this.stop = this.clock.every(interval, () => {
        if (this.clock.now() - this.lastLine >= interval) this.logLine();
      });
    }
  }

  /** One unit finished, with the pages it fetched; `failed` when it could not be audited (unreachable…). */
  tick(pages: number, failed = false): void {
    this.done += 1;
    this.pages += pages;
    if (failed) this.errors += 1;
    const now = this.clock.now();
    if (this.options.tty) {
      if (now - this.lastDraw > 100 || this.done === this.total) {
        this.lastDraw = now;
        this.draw(now);
      }
      return;
    }
    if (!this.options.log) return;
    const step = Math.floor((this.done * 100) / (this.total * (this.options.stepPercent ?? 5)));
    if (step > this.lastStep || now - this.lastLine >= (this.options.intervalMs ?? 30_000)) {
      this.lastStep = Math.max(step, this.lastStep);
      this.logLine();
    }
  }

  fields(now = this.clock.now()): ProgressFields {
    const elapsed = Math.max((now - this.started) / 1000, 0.001);
    const eta = this.done ? ((this.total - this.done) * elapsed) / this.done : undefined;
    return {
      done: this.done,
      total: this.total,
      pages: this.pages,
      errors: this.errors,
      ...(eta !== undefined ? { etaSeconds: Math.round(eta) } : {}),
    };
  }

  private logLine(): void {
    const now = this.clock.now();
    this.lastLine = now;
    this.loggedDone = this.done;
    const f = this.fields(now);
    this.options.log?.(f, formatProgressLine(f));
  }

  private draw(now: number): void {
    const elapsed = Math.max((now - this.started) / 1000, 0.001);
    const width = 24;
    const filled = this.total ? Math.round((this.done / this.total) * width) : width;
    const rate = this.pages / elapsed;
    const eta = this.done ? ((this.total - this.done) * elapsed) / this.done : 0;
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
    this.options.tty?.write(`\r${bar} ${this.done}/${this.total} đơn vị · ${rate.toFixed(1)} trang/s · còn ~${formatDuration(eta)}   `);
  }

  finish(): void {
    this.stop?.();
    if (this.options.tty) this.options.tty.write('\n');
    else if (this.options.log && this.total > 0 && this.loggedDone !== this.done) this.logLine();
  }
}

/** "tiến độ / progress: 120/2000 đơn vị / units (6%) · 1534 trang / pages · 3 lỗi / errors · còn / ETA ~12:34" */
export function formatProgressLine(f: ProgressFields): string {
  const percent = f.total ? Math.floor((f.done * 100) / f.total) : 100;
  const eta = f.etaSeconds === undefined ? '?' : formatDuration(f.etaSeconds);
  return `tiến độ / progress: ${f.done}/${f.total} đơn vị / units (${percent}%) · ${f.pages} trang / pages · ${f.errors} lỗi / errors · còn / ETA ~${eta}`;
}

export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  const m = Math.floor(s / 60);
  const h = Math.floor(m / 60);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return h ? `${h}:${pad(m % 60)}:${pad(s % 60)}` : `${pad(m)}:${pad(s % 60)}`;
}
