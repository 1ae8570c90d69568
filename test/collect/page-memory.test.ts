import { describe, expect, it } from 'vitest';
import { PageMemory, type PageTicket } from '../../src/collect/page-memory.js';

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

/** Starts admit() and reports whether it has resolved yet. */
function pending(memory: PageMemory): { admitted: () => boolean; ticket: Promise<PageTicket> } {
  let done = false;
  const ticket = memory.admit().then((t) => ((done = true), t));
  return { admitted: () => done, ticket };
}

describe('PageMemory', () => {
  it('admits units while held plus expected text fits the budget, then one per finished unit', async () => {
    const memory = new PageMemory(100);
    const a = await memory.admit();
    a.hold(60);
    const b = await memory.admit();
    b.hold(50);
    expect(memory.heldChars).toBe(110);
    const c = pending(memory);
    const d = pending(memory);
    await tick();
    expect(c.admitted()).toBe(false);
    a.close();
    await tick();
    expect(memory.heldChars).toBe(50);
    // one finished unit lets one waiting unit in, not every waiter at once
    expect(c.admitted()).toBe(true);
    expect(d.admitted()).toBe(false);
    (await c.ticket).hold(80);
    b.close();
    await tick();
    // 80 held plus what a new unit is expected to hold (a moving average of finished units) is over 100: d waits on
    expect(d.admitted()).toBe(false);
    (await c.ticket).close();
    await tick();
    expect(d.admitted()).toBe(true);
    (await d.ticket).close();
    expect(memory.heldChars).toBe(0);
  });

  it('reserves for units that have not parsed anything yet, so the start of a run is no burst', async () => {
    const memory = new PageMemory(100);
    // an eighth of the budget per unit until units have finished
    const first = await Promise.all(Array.from({ length: 8 }, () => memory.admit()));
    const ninth = pending(memory);
    await tick();
    expect(ninth.admitted()).toBe(false);
    first[0]?.close();
    await tick();
    expect(ninth.admitted()).toBe(true);
    for (const t of [...first, await ninth.ticket]) t.close();
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
    a.close();
    a.hold(500);
    a.close();
    expect(memory.heldChars).toBe(0);
    const b = await memory.admit();
    b.close();
  });
});
