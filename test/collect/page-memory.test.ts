import { describe, expect, it } from 'vitest';
import { nextEstimate, PageMemory, type PageTicket } from '../../src/collect/page-memory.js';
import { recentLoopLoad } from '../../src/collect/limit-waits.js';

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

/** Starts admit() and reports whether it has resolved yet. */
function pending(memory: PageMemory): { admitted: () => boolean; ticket: Promise<PageTicket> } {
  let done = false;
  const ticket = memory.admit().then((t) => ((done = true), t));
  return { admitted: () => done, ticket };
}

/** Asks for `n` units at once; returns their pending admissions in the order asked. */
const ask = (memory: PageMemory, n: number): ReturnType<typeof pending>[] => Array.from({ length: n }, () => pending(memory));

const admittedCount = (units: ReturnType<typeof pending>[]): number => units.filter((u) => u.admitted()).length;

describe('PageMemory admission', () => {
  it('admits units while held plus expected text fits the budget', async () => {
    const memory = new PageMemory(100);
    const a = await memory.admit();
    a.hold(60);
    const b = await memory.admit();
    b.hold(50);
    expect(memory.heldChars).toBe(110);
    const c = pending(memory);
    await tick();
    expect(c.admitted()).toBe(false);
    a.close();
    await tick();
    expect(memory.heldChars).toBe(50);
    // a held 60: the next unit is expected to, and 50 + 60 is over the budget
    expect(memory.expectedChars).toBe(60);
    expect(c.admitted()).toBe(false);
    b.close();
    await tick();
    expect(c.admitted()).toBe(true);
    (await c.ticket).close();
    expect(memory.heldChars).toBe(0);
    expect(memory.inFlight).toBe(0);
  });

  it('reserves an eighth of the budget per unit until a crawl has ended, so the start of a run is no burst', async () => {
    const memory = new PageMemory(800);
    const units = ask(memory, 20);
    await tick();
    expect(admittedCount(units)).toBe(8);
    expect(memory.queued).toBe(12);
    for (const u of units.slice(0, 8)) (await u.ticket).close();
    await tick();
    for (const u of units) if (u.admitted()) (await u.ticket).close();
  });

  it('lets in every waiting unit that fits once room is freed, not one per finished unit', async () => {
    // 8 units admitted on the prior (100 each); each crawls holding 20: a unit is expected to hold 20 from now on
    const memory = new PageMemory(800);
    const units = ask(memory, 40);
    await tick();
    const first = await Promise.all(units.slice(0, 8).map((u) => u.ticket));
    for (const t of first) t.hold(20);
    first[0]!.crawled();
    await tick();
    // held 160, the other seven still reserve 80 each; the estimate is 20: (800 - 160 - 7 × 80) / 20 = 4 more
    expect(memory.expectedChars).toBe(20);
    expect(admittedCount(units)).toBe(12);
    for (const t of first.slice(1)) t.crawled();
    await tick();
    // nothing reserved beyond what the admitted hold: (800 - 8 × 20 - 4 × 20) / 20 = 28 more start at once
    expect(admittedCount(units)).toBe(40);
    expect(memory.inFlight).toBe(40);
    expect(memory.queued).toBe(0);
    for (const u of units) (await u.ticket).close();
    expect(memory.heldChars).toBe(0);
  });

  it('gives back the rest of a reservation when the crawl ends, before the unit is judged and closed', async () => {
    const memory = new PageMemory(100);
    const a = await memory.admit(); // reserves 12.5
    a.hold(5);
    const others = ask(memory, 7);
    await tick();
    expect(admittedCount(others)).toBe(7);
    const late = pending(memory);
    await tick();
    // 5 held + 7.5 left of a's reservation + 7 × 12.5 = 100: the ninth unit does not fit
    expect(late.admitted()).toBe(false);
    a.crawled();
    await tick();
    expect(late.admitted()).toBe(true);
    expect(memory.heldChars).toBe(5); // still held until judged
    a.close();
    for (const u of [...others, late]) (await u.ticket).close();
    expect(memory.heldChars).toBe(0);
    expect(memory.inFlight).toBe(0);
  });

  it('admits in the order units asked: a newcomer does not overtake a waiting unit', async () => {
    const memory = new PageMemory(100);
    const a = await memory.admit();
    a.hold(95);
    const waiting = pending(memory);
    await tick();
    a.crawled(); // learns 95: the next unit is expected to hold 95
    a.close();
    const newcomer = pending(memory);
    await tick();
    expect(waiting.admitted()).toBe(true);
    expect(newcomer.admitted()).toBe(false);
    (await waiting.ticket).close();
    await tick();
    expect(newcomer.admitted()).toBe(true);
    (await newcomer.ticket).close();
  });

  it('counts what waiting units waited for', async () => {
    const memory = new PageMemory(100);
    const a = await memory.admit();
    a.hold(100);
    const b = pending(memory);
    await tick();
    expect(memory.waitedUnits).toBe(0);
    a.close();
    await tick();
    expect(b.admitted()).toBe(true);
    expect(memory.waitedUnits).toBe(1);
    (await b.ticket).close();
  });

  it('always runs one unit, however large its pages', async () => {
    const memory = new PageMemory(10);
    const a = await memory.admit();
    a.hold(1_000);
    a.close();
    const b = await memory.admit();
    expect(memory.heldChars).toBe(0);
    b.close();
  });

  it('ignores pages parsed for a unit after its ticket closed (a crawl abandoned at its hard deadline)', async () => {
    const memory = new PageMemory(100);
    const a = await memory.admit();
    a.hold(30);
    a.crawled();
    a.hold(20); // a late fetch after the crawl was given up is still held until the unit closes
    expect(memory.heldChars).toBe(50);
    a.close();
    a.hold(500);
    a.close();
    a.crawled();
    expect(memory.heldChars).toBe(0);
    expect(memory.inFlight).toBe(0);
    const b = await memory.admit();
    b.close();
  });

  it('a bench-like fleet: 64 units of compact pages are all in flight under a budget that holds them', async () => {
    // a unit of the bench fleet is charged ~0.35 M characters while it waits (bench/README.md); 24 M characters hold 64
    const memory = new PageMemory(24_000_000);
    const units = ask(memory, 64);
    await tick();
    expect(admittedCount(units)).toBe(8);
    const first = await Promise.all(units.slice(0, 8).map((u) => u.ticket));
    for (const t of first) {
      t.hold(350_000);
      t.crawled();
    }
    await tick();
    expect(admittedCount(units)).toBe(64);
    for (const u of units) (await u.ticket).close();
  });
});

describe('PageMemory: parsed pages back to compact when units wait', () => {
  /** A page the crawler parsed: `compactAgain` counts its calls and can refuse (a parse that is not the page's own). */
  function parsedPage(accept = true): { calls: () => number; compactAgain: () => boolean } {
    let n = 0;
    return { calls: () => n, compactAgain: () => (n++, accept) };
  }

  it("makes crawling units' parsed pages compact, oldest first, only as far as it takes to let the next unit in", async () => {
    const memory = new PageMemory(100);
    const a = await memory.admit();
    a.hold(10);
    for (const p of [parsedPage(), parsedPage()]) a.holdParse(20, p.compactAgain);
    a.crawled(); // learns 50; a is judged next, its parses stay
    const b = await memory.admit(); // 50 + 50 fits
    const pb = parsedPage();
    b.hold(10);
    b.holdParse(20, pb.compactAgain); // 80 held, 20 left of b's reservation
    // c: 80 + 20 + 50 = 150; only b's parse (20) could go, not enough: nothing is let go
    const c = pending(memory);
    await tick();
    expect(c.admitted()).toBe(false);
    expect(pb.calls()).toBe(0);
    a.close(); // 30 + 20 + 50 = 100 fits without letting anything go
    await tick();
    expect(c.admitted()).toBe(true);
    expect(memory.recompacted).toBe(0);
    const ct = await c.ticket;
    const pc = [parsedPage(), parsedPage()];
    ct.hold(5);
    for (const p of pc) ct.holdParse(20, p.compactAgain); // 75 held; 5 left of c's reservation
    b.crawled(); // b learns 30 (estimate 40), its 20 return, it is no longer crawling
    // d: 75 + 5 + 40 = 120, over by 20: c's oldest page goes, one is enough
    const d = pending(memory);
    await tick();
    expect(d.admitted()).toBe(true);
    expect([pb.calls(), ...pc.map((p) => p.calls())]).toEqual([0, 1, 0]);
    expect(memory.recompacted).toBe(1);
    expect(memory.heldChars).toBe(55);
    // e: 55 + 5 + 40 (d) + 40 = 140, c's other page (20) is not enough
    const e = pending(memory);
    await tick();
    expect(e.admitted()).toBe(false);
    expect(pc[1]!.calls()).toBe(0);
    for (const t of [b, ct, await d.ticket]) t.close();
    await tick();
    (await e.ticket).close();
    expect(memory.heldChars).toBe(0);
    expect(memory.inFlight).toBe(0);
  });

  it('a page whose parse is not its own keeps its charge; a unit whose crawl ended offers nothing', async () => {
    const memory = new PageMemory(100);
    const a = await memory.admit();
    const done = parsedPage();
    a.holdParse(30, done.compactAgain);
    a.crawled(); // learns 30; a is being judged: its parse stays
    const b = await memory.admit();
    const refused = parsedPage(false);
    const kept = parsedPage();
    b.holdParse(30, refused.compactAgain);
    b.holdParse(30, kept.compactAgain);
    // 90 held + 30 expected: over by 20; b's first page refuses, its second goes
    const c = pending(memory);
    await tick();
    expect(c.admitted()).toBe(true);
    expect([done.calls(), refused.calls(), kept.calls()]).toEqual([0, 1, 1]);
    expect(memory.heldChars).toBe(60);
    expect(memory.recompacted).toBe(1);
    for (const t of [a, b, await c.ticket]) t.close();
    expect(memory.heldChars).toBe(0);
  });

  it('lets no parse go while the CPU is busy: the unit waits as before', async () => {
    let busy = true;
    const memory = new PageMemory(100, () => busy);
    const a = await memory.admit();
    const p = parsedPage();
    a.holdParse(90, p.compactAgain);
    const b = pending(memory);
    await tick();
    expect(b.admitted()).toBe(false);
    expect(p.calls()).toBe(0);
    busy = false;
    const c = pending(memory); // the next admission decision, with the loop idle again
    await tick();
    expect(p.calls()).toBe(1);
    expect([b.admitted(), c.admitted()]).toEqual([true, true]);
    for (const t of [a, await b.ticket, await c.ticket]) t.close();
    expect(memory.heldChars).toBe(0);
  });

  it('recentLoopLoad: the busy share of the latest window of at least a second, refreshed when asked', () => {
    let now = 0;
    let u = { active: 0, idle: 0 };
    const load = recentLoopLoad(
      1000,
      () => now,
      () => u,
    );
    expect(load()).toBe(0);
    now = 500;
    u = { active: 500, idle: 0 };
    expect(load()).toBe(0); // the window is not a second old yet
    now = 1000;
    u = { active: 950, idle: 50 };
    expect(load()).toBeCloseTo(0.95);
    now = 3000;
    u = { active: 1450, idle: 1550 };
    expect(load()).toBeCloseTo(0.25);
  });

  it('a bench-like fleet at 1 s: with its crawled pages compact again, --concurrency 64 units crawl in 12 MB', async () => {
    // a bench unit: 20 pages of ~60 K characters, 3.5 of them parsed by its crawler (bench/README.md)
    const compact = (20 * 60_000) / 7;
    const parse = 3.5 * 60_000 * (6 / 7);
    const simulate = async (reclaim: boolean): Promise<number> => {
      const memory = new PageMemory(12 * 1024 * 1024);
      const crawling: PageTicket[] = [];
      let asked = ask(memory, 64);
      let most = 0;
      for (let step = 0; step < 400; step++) {
        await tick();
        for (const u of asked.filter((x) => x.admitted())) {
          const t = await u.ticket;
          t.hold(compact);
          t.holdParse(parse, () => reclaim);
          crawling.push(t);
        }
        asked = asked.filter((x) => !x.admitted());
        if (step > 100) most = Math.max(most, crawling.length);
        // the oldest crawl ends, its unit is judged and closed, and the freed slot asks for the next unit
        const done = crawling.shift()!;
        done.crawled();
        done.close();
        asked.push(pending(memory));
        expect(memory.heldChars).toBeLessThanOrEqual(memory.limitChars + compact + parse);
      }
      for (const t of crawling) t.close();
      for (const u of asked) if (u.admitted()) (await u.ticket).close();
      return most;
    };
    expect(await simulate(false)).toBeLessThan(40);
    expect(await simulate(true)).toBe(64);
  });
});

describe('nextEstimate', () => {
  it('replaces the prior with the first unit that held pages, averages the first five, then moves by a fifth', () => {
    let e = { estimate: 1000, seen: 0 };
    e = nextEstimate(e.estimate, e.seen, 100, 1);
    expect(e).toEqual({ estimate: 100, seen: 1 });
    e = nextEstimate(e.estimate, e.seen, 300, 1);
    expect(e).toEqual({ estimate: 200, seen: 2 });
    for (const held of [200, 200, 200]) e = nextEstimate(e.estimate, e.seen, held, 1);
    expect(e).toEqual({ estimate: 200, seen: 5 });
    e = nextEstimate(e.estimate, e.seen, 1200, 1);
    expect(e.estimate).toBeCloseTo(400);
    expect(e.seen).toBe(6);
  });

  it('learns nothing from a unit that held nothing (no website, a failed home page)', () => {
    expect(nextEstimate(1000, 0, 0, 1)).toEqual({ estimate: 1000, seen: 0 });
    expect(nextEstimate(250, 7, 0, 1)).toEqual({ estimate: 250, seen: 7 });
  });

  it('never falls under its floor', () => {
    expect(nextEstimate(1000, 0, 2, 10).estimate).toBe(10);
  });
});
