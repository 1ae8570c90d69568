// A one-line progress bar on a TTY: units done/total, pages per second and ETA. Silent when not a TTY.
export class Progress {
  private done = 0;
  private pages = 0;
  private readonly started = Date.now();
  private lastDraw = 0;

  constructor(
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream | undefined = process.stderr.isTTY ? process.stderr : undefined,
  ) {}

  tick(pages: number): void {
    this.done += 1;
    this.pages += pages;
    const now = Date.now();
    if (now - this.lastDraw > 100 || this.done === this.total) {
      this.lastDraw = now;
      this.draw(now);
    }
  }

  private draw(now: number): void {
    if (!this.stream) return;
    const elapsed = Math.max((now - this.started) / 1000, 0.001);
    const width = 24;
    const filled = this.total ? Math.round((this.done / this.total) * width) : width;
    const rate = this.pages / elapsed;
    const eta = this.done ? ((this.total - this.done) * elapsed) / this.done : 0;
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
    this.stream.write(`\r${bar} ${this.done}/${this.total} đơn vị · ${rate.toFixed(1)} trang/s · còn ~${formatDuration(eta)}   `);
  }

  finish(): void {
    if (this.stream) this.stream.write('\n');
  }
}

export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  const m = Math.floor(s / 60);
  const h = Math.floor(m / 60);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return h ? `${h}:${pad(m % 60)}:${pad(s % 60)}` : `${pad(m)}:${pad(s % 60)}`;
}
