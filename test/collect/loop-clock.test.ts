// Timeouts that a held event loop cannot trip (issue 12): while one unit's page is parsed and judged, the answers of
// other units' requests wait in their sockets; a plain timer would fire first and call a fast site a timeout.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fairTimeout, lostMs } from '../../src/collect/loop-clock.js';
import { fetchPage } from '../../src/collect/fetch-page.js';
import type { CrawlContext } from '../../src/collect/crawl-context.js';
import { context } from './servers.js';

/** Keeps the event loop busy, as parsing a huge page does. */
const holdLoop = (ms: number): void => {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    /* busy */
  }
};
const nextTurn = (): Promise<void> => new Promise((r) => setTimeout(() => setImmediate(r), 0));

describe('fairTimeout', () => {
  it('does not count a hold of the loop, where a plain timer fires at once', async () => {
    let fair = false;
    let plain = false;
    fairTimeout(100, () => void (fair = true));
    setTimeout(() => void (plain = true), 100);
    const before = lostMs();
    await new Promise<void>((resolve) =>
      setImmediate(() => {
        holdLoop(600);
        resolve();
      }),
    );
    await nextTurn();
    expect(plain).toBe(true);
    expect(fair).toBe(false);
    expect(lostMs() - before).toBeGreaterThan(300);
    await new Promise<void>((resolve) => {
      const poll = (): void => void (fair ? resolve() : setTimeout(poll, 20));
      poll();
    });
    expect(fair).toBe(true);
  });
});

// The server runs in its own process, so it answers while this process's loop is held.
let server: ChildProcess;
let port = 0;
const arrivals: string[] = [];
let ctx: CrawlContext;

beforeAll(async () => {
  // '/429' answers 429 with Retry-After: 1, and an idle connection is closed after 300 ms (keepAliveTimeout)
  const script = `const srv = require('http').createServer((q, s) => { console.log('request ' + q.url);
    if (q.url === '/429') { s.writeHead(429, { 'retry-after': '1', 'content-type': 'text/html' }); return s.end('<p>429</p>'); }
    setTimeout(() => { s.writeHead(200, { 'content-type': 'text/html' }); s.end('<!doctype html><title>ok</title><p>xin chào</p>'); }, 30);
  }); srv.keepAliveTimeout = 300; srv.listen(0, '127.0.0.1', function () { console.log('port ' + this.address().port); });`;
  server = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: server.stdout! });
  port = await new Promise<number>((resolve) =>
    lines.on('line', (l) => {
      if (l.startsWith('port ')) resolve(Number(l.slice(5)));
      else arrivals.push(l);
    }),
  );
  ctx = await context({ connectTo: [`:80:127.0.0.1:${port}`], timeoutMs: 300, retries: 1 });
});
afterAll(async () => {
  await ctx?.close();
  server?.kill();
});

describe('a request while the loop is held', () => {
  it('reads the answer that arrived meanwhile instead of timing out', async () => {
    const pending = fetchPage(ctx, 'http://hang-xom.test/', { parse: false, skipRobots: true });
    await new Promise<void>((resolve) => {
      const poll = (): void => void (arrivals.length ? resolve() : setTimeout(poll, 5));
      poll();
    });
    // Held in the check phase, as after a page's body was read: the next loop turn runs timers before it reads sockets.
    // Five times the request timeout; the answer lands in the socket 30 ms in.
    await new Promise<void>((resolve) =>
      setImmediate(() => {
        holdLoop(1500);
        resolve();
      }),
    );
    const r = await pending;
    expect(r.ok ? r.status : `${r.reason}: ${r.detail}`).toBe(200);
  });
});
