// Bounds the pages the run holds at once. A unit keeps its pages until its rules have run, so memory is (units in
// flight) × (their pages): with 32 units of 20 × 60 KB pages held parsed that was 800 MB (bench/README.md); pages the
// crawler does not read now wait compact, charged a seventh of their text (page-body.ts). Units
// are admitted while the decoded HTML held by the units in flight, plus what the units just started are expected to
// hold, is under a budget (--page-memory, MB of text): many small or failing sites can be in flight at once, but not
// 32 large ones. At least one unit always runs.
export class PageMemory {
  private held = 0;
  /** Expected but not yet parsed text of the units in flight (their reservations). */
  private reserved = 0;
  private active = 0;
  /** Text a finished unit held, on average (moving): what the next unit reserves. Starts at an eighth of the budget. */
  private perUnit: number;
  private readonly waiting: (() => void)[] = [];
  /** Time units waited to be admitted, and how many had to. */
  waitedMs = 0;
  waitedUnits = 0;

  constructor(readonly limitChars: number) {
    this.perUnit = limitChars / 8;
  }

  /** Waits until the held and expected text is under the budget (or nothing runs), then counts one unit in flight. */
  async admit(): Promise<PageTicket> {
    if (this.active > 0 && this.held + this.reserved + this.perUnit > this.limitChars) {
      const asked = performance.now();
      while (this.active > 0 && this.held + this.reserved + this.perUnit > this.limitChars) {
        await new Promise<void>((resolve) => this.waiting.push(resolve));
      }
      this.waitedMs += performance.now() - asked; // what bounds a run is told at its end (src/run/run-limits.ts)
      this.waitedUnits++;
    }
    this.active++;
    this.reserved += this.perUnit;
    return new PageTicket(this, this.perUnit);
  }

  /** Characters of decoded HTML held by the units in flight. */
  get heldChars(): number {
    return this.held;
  }

  /** @internal `chars` parsed, of which `fromReserve` were expected. */
  add(chars: number, fromReserve: number): void {
    this.held += chars;
    this.reserved -= fromReserve;
  }

  /** @internal A unit is done: its pages are released; one waiting unit may start (each end admits one, no burst). */
  end(chars: number, unusedReserve: number): void {
    this.held -= chars;
    this.reserved -= unusedReserve;
    this.active--;
    this.perUnit = Math.max(this.limitChars / 1000, 0.8 * this.perUnit + 0.2 * chars);
    this.waiting.shift()?.();
  }
}

/** One unit's share: every parsed page is held on it until the unit is judged and closes it. */
export class PageTicket {
  private chars = 0;
  private closed = false;

  constructor(private readonly memory: PageMemory, private reserve: number) {}

  hold(chars: number): void {
    // A crawl abandoned at its hard deadline may still finish fetches after its ticket closed: they are not counted.
    if (this.closed) return;
    const fromReserve = Math.min(chars, this.reserve);
    this.reserve -= fromReserve;
    this.chars += chars;
    this.memory.add(chars, fromReserve);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.memory.end(this.chars, this.reserve);
  }
}
