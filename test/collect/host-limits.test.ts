import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CrawlContext } from '../../src/collect/crawl-context.js';
import { fetchPage } from '../../src/collect/fetch-page.js';
import { HostLimits } from '../../src/collect/host-limits.js';
import { backoffMs, retryAfterMs } from '../../src/collect/retry.js';
import { context, html, startServer, type TestServer } from './servers.js';

describe('host limits against a server that measures concurrency', () => {
  let server: TestServer;
  let inFlight = 0;
  let peak = 0;
  const contexts: CrawlContext[] = [];
  beforeAll(async () => {
    server = await startServer((_req, res) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      setTimeout(() => {
        inFlight--;
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(html('ok'));
      }, 40);
    });
  });
  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await server.close();
  });

  it('keeps at most perHost requests in flight to one host', async () => {
    peak = 0;
    const ctx = await context({ connectTo: [`::127.0.0.1:${server.port}`], perHost: 2 });
    contexts.push(ctx);
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => fetchPage(ctx, `http://one.test/p${i}`)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(peak).toBe(2);
  });

  it('keeps at most perIp requests in flight to hosts sharing a target', async () => {
    peak = 0;
    const ctx = await context({ connectTo: [`::127.0.0.1:${server.port}`], perHost: 4, perIp: 1 });
    contexts.push(ctx);
    await Promise.all(['a', 'b', 'c', 'd'].map((h) => fetchPage(ctx, `http://${h}.test/`)));
    expect(peak).toBe(1);
  });
});

describe('HostLimits unit behaviour', () => {
  it('rejects a waiting acquire when the unit signal aborts', async () => {
    const limits = new HostLimits({ perHost: 1, perIp: 4, connectTo: [] });
    const url = new URL('http://10.0.0.1/');
    const release = await limits.acquire(url);
    const ac = new AbortController();
    const waiting = limits.acquire(url, ac.signal);
    ac.abort(new Error('deadline'));
    await expect(waiting).rejects.toThrow('deadline');
    release();
    (await limits.acquire(url))();
  });

  it('gives up a host after repeated walls', () => {
    const limits = new HostLimits({ perHost: 1, perIp: 4, connectTo: [] });
    for (let i = 0; i < 3; i++) limits.noteWall('Walled.test', 'wall');
    expect(limits.isGivenUp('walled.test')).toBe(true);
    limits.noteWall('reset.test', 'reset');
    expect(limits.isGivenUp('reset.test')).toBe(false);
  });
});

describe('retry timing', () => {
  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(retryAfterMs('3')).toBe(3000);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterMs('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000);
    expect(retryAfterMs('soon')).toBeUndefined();
    expect(retryAfterMs(undefined)).toBeUndefined();
  });

  it('backs off exponentially with bounded jitter and a cap', () => {
    expect(backoffMs(0, () => 0)).toBe(300);
    expect(backoffMs(2, () => 0)).toBe(1200);
    expect(backoffMs(2, () => 0.99)).toBeLessThan(1800);
    expect(backoffMs(20, () => 0.5)).toBe(30_000);
  });
});
