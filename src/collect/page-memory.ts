// Bounds the pages the run holds at once. A unit keeps its pages until its rules have run, so memory is (units in
// flight) × (their pages): with 32 units of 20 × 60 KB pages held parsed that was 800 MB (bench/README.md); pages the
// crawler does not read now wait compact, charged a seventh of their text (page-body.ts). A unit is charged what its
// pages hold while it crawls; pages the rules parse later are parsed one unit at a time and are not charged
// (crawl-unit.ts). Units are admitted while what the units in flight hold now, plus what those still crawling are
// expected to add, plus the next unit's expected share, fits a budget (--page-memory, MB of text): many small or
// failing sites can be in flight at once, but not 32 large ones. At least one unit always runs.
//
// When a unit's crawl ends its charge is final: what is left of its reservation returns at once (a site that failed
// at its home page gives back all of it) and the estimate learns from what it held. Admission is first come, first
// served, and every change that frees room lets in every waiting unit that now fits: at 1 s per response a unit
// crawls for ~15 s, and letting in at most one unit per finished unit kept the run near the eight units admitted at
// its start (bench/README.md, 2026-12-03 second session).
//
// The pages a crawling unit's crawler parsed (its home page, the sections it follows) cost seven times their compact
// share. When the next unit does not fit, but would once those pages were compact again, they go back to compact
// (oldest unit first) and are parsed again when their unit is judged: about 35 bench units fit 12 MB with their
// crawler's pages parsed, ~70 with them compact (bench/README.md, third session). Nothing is let go that would
// not let a unit in, nor while the event loop is busy (then the CPU bounds the run, and more units in flight would
// only parse pages twice), so a run whose units all fit, or that the CPU bounds, parses every page once.
import { performance } from 'node:perf_hooks';

/** Finished units whose shares are averaged plainly before the estimate becomes a moving average. */
const FIRST_UNITS = 5;
/** Weight of the newest finished unit in the moving average. */
const ALPHA = 0.2;

/**
 * What the next unit is expected to hold, from what finished units held (pure; the admission's estimate).
 * `seen` counts the finished units that held pages before this one. Units that held nothing (no website, refused,
 * a failure at the home page) say nothing about the next site's pages and leave the estimate as it was. The first
 * unit that held pages replaces the prior (an eighth of the budget), the first five are averaged plainly, later
 * ones move the average by a fifth: one large site neither opens nor shuts the door for everyone.
 */
export function nextEstimate(estimate: number, seen: number, held: number, floor: number): { estimate: number; seen: number } {
  if (held <= 0) return { estimate, seen };
  const next = seen < FIRST_UNITS ? (estimate * seen + held) / (seen + 1) : (1 - ALPHA) * estimate + ALPHA * held;
  return { estimate: Math.max(floor, next), seen: seen + 1 };
}

export class PageMemory {
  private held = 0;
  /** Expected but not yet held text of the units in flight (what is left of their reservations). */
  private reserved = 0;
  private active = 0;
  /** What a unit is expected to hold at its largest (nextEstimate); starts at an eighth of the budget. */
  private perUnit: number;
  private seen = 0;
  private readonly waiting: { asked: number; admit: (t: PageTicket) => void }[] = [];
  /** Units admitted whose crawl has not ended: what they parsed can be made compact again (makeRoom). */
  private readonly crawling = new Set<PageTicket>();
  /** Time units waited to be admitted, and how many had to. */
  waitedMs = 0;
  waitedUnits = 0;
  /** Pages the crawler had parsed that went back to compact to let units in (each is parsed again when judged). */
  recompacted = 0;

  /** `cpuBusy`: true while the event loop has no time to spare (then no page is made compact to let units in). */
  constructor(
    readonly limitChars: number,
    private readonly cpuBusy: () => boolean = () => false,
  ) {
    this.perUnit = limitChars / 8;
  }

  /** Resolves once the held and expected text, this unit's share included, fits the budget (or nothing runs). */
  admit(): Promise<PageTicket> {
    if (this.waiting.length === 0 && (this.fits() || this.makeRoom())) return Promise.resolve(this.start());
    const admitted = new Promise<PageTicket>((resolve) => this.waiting.push({ asked: performance.now(), admit: resolve }));
    // a unit asking is a moment to make room (page memory could be had back from crawling units' parses)
    this.admitWaiting();
    return admitted;
  }

  /** Characters of decoded HTML the units in flight are charged for (compact pages a seventh). */
  get heldChars(): number {
    return this.held;
  }

  /** What is left of the reservations of the units still crawling. */
  get reservedChars(): number {
    return this.reserved;
  }

  /** Units admitted and not yet closed. */
  get inFlight(): number {
    return this.active;
  }

  /** Units waiting to be admitted. */
  get queued(): number {
    return this.waiting.length;
  }

  /** What the next unit is reserved. */
  get expectedChars(): number {
    return this.perUnit;
  }

  private fits(): boolean {
    return this.active === 0 || this.held + this.reserved + this.perUnit <= this.limitChars;
  }

  /**
   * When the next unit does not fit but would once the crawling units' parsed pages were compact again, makes as
   * many of them compact as that takes (oldest unit first); true if the unit fits now. Nothing is let go that
   * would not let a unit in: a page made compact is parsed again when its unit is judged. Nor while the CPU is busy:
   * more units in flight would then only add that second parse (at 0 ms the CPU, not memory, bounds a run).
   */
  private makeRoom(): boolean {
    const over = this.held + this.reserved + this.perUnit - this.limitChars;
    if (this.cpuBusy()) return false;
    let reclaimable = 0;
    for (const t of this.crawling) reclaimable += t.reclaimableChars;
    if (reclaimable < over) return false;
    for (const t of this.crawling) {
      if (this.fits()) break;
      this.held -= t.reclaim(this.held + this.reserved + this.perUnit - this.limitChars);
    }
    return this.fits();
  }

  private start(): PageTicket {
    this.active++;
    this.reserved += this.perUnit;
    const ticket = new PageTicket(this, this.perUnit);
    this.crawling.add(ticket);
    return ticket;
  }

  /** Lets in, in the order they asked, every waiting unit that fits now. */
  private admitWaiting(): void {
    while (this.waiting.length > 0 && (this.fits() || this.makeRoom())) {
      const next = this.waiting.shift()!;
      this.waitedMs += performance.now() - next.asked; // what bounds a run is told at its end (src/run/run-limits.ts)
      this.waitedUnits++;
      next.admit(this.start());
    }
  }

  /** @internal `chars` now held, of which `fromReserve` were expected. */
  add(chars: number, fromReserve: number): void {
    this.held += chars;
    this.reserved -= fromReserve;
  }

  /** @internal A unit's crawl ended holding `chars`: the rest of its reservation returns, the estimate learns. */
  crawled(ticket: PageTicket, chars: number, unusedReserve: number): void {
    this.crawling.delete(ticket);
    this.reserved -= unusedReserve;
    ({ estimate: this.perUnit, seen: this.seen } = nextEstimate(this.perUnit, this.seen, chars, this.limitChars / 1000));
    this.admitWaiting();
  }

  /** @internal A unit is done: its pages are released and waiting units that fit start. */
  end(chars: number, unusedReserve: number): void {
    this.held -= chars;
    this.reserved -= unusedReserve;
    this.active--;
    this.admitWaiting();
  }
}

/** One unit's share: every page it holds while it crawls is counted on it until the unit is judged and closes it. */
export class PageTicket {
  private chars = 0;
  private closed = false;
  private crawling = true;
  /** Pages parsed while crawling, oldest first, with what their parse is charged beyond their compact share. */
  private parses: { chars: number; compactAgain: () => boolean }[] = [];
  private parsedChars = 0;

  constructor(
    private readonly memory: PageMemory,
    private reserve: number,
  ) {}

  hold(chars: number): void {
    // A crawl abandoned at its hard deadline may still finish fetches after its ticket closed: they are not counted.
    if (this.closed) return;
    const fromReserve = Math.min(chars, this.reserve);
    this.reserve -= fromReserve;
    this.chars += chars;
    this.memory.add(chars, fromReserve);
  }

  /**
   * A page parsed while crawling: `chars` more are charged until `compactAgain` makes it compact (page-body.ts).
   * The crawler reads what it needs of a page (its links) as soon as it is parsed and keeps no parse across a wait,
   * so any of them may go back to compact while the unit crawls.
   */
  holdParse(chars: number, compactAgain: () => boolean): void {
    if (this.closed) return;
    this.hold(chars);
    if (!this.crawling) return;
    this.parses.push({ chars, compactAgain });
    this.parsedChars += chars;
  }

  /** What making this unit's parsed pages compact again would free at most. */
  get reclaimableChars(): number {
    return this.parsedChars;
  }

  /** @internal Makes parsed pages compact again, oldest first, until `needed` characters are freed; returns what was. */
  reclaim(needed: number): number {
    let freed = 0;
    while (freed < needed && this.parses.length > 0) {
      const p = this.parses.shift()!;
      this.parsedChars -= p.chars;
      // a page whose parse was replaced (a rendered home page) keeps its charge
      if (!p.compactAgain()) continue;
      freed += p.chars;
      this.memory.recompacted++;
    }
    this.chars -= freed;
    return freed;
  }

  /** The unit's crawl is over (its judging parses are not charged): what it holds now is what it is charged. */
  crawled(): void {
    if (this.closed || !this.crawling) return;
    this.crawling = false;
    this.parses = [];
    this.parsedChars = 0;
    this.memory.crawled(this, this.chars, this.reserve);
    this.reserve = 0;
  }

  close(): void {
    if (this.closed) return;
    this.crawled(); // when nobody said so (a crawl that failed inside our code)
    this.closed = true;
    this.memory.end(this.chars, 0);
  }
}
