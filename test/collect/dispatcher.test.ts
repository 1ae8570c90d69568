import type dns from 'node:dns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CrawlContext } from '../../src/collect/crawl-context.js';
import { guardedLookup } from '../../src/collect/dispatcher.js';
import { fetchPage } from '../../src/collect/fetch-page.js';
import { context, html, startServer, type TestServer } from './servers.js';

// A fake resolver: the guard's logic is tested without any DNS traffic.
function fakeResolver(addresses: dns.LookupAddress[]): typeof dns.lookup {
  return ((_host: string, _opts: unknown, cb: (e: Error | null, a: dns.LookupAddress[]) => void) =>
    cb(null, addresses)) as unknown as typeof dns.lookup;
}

function run(lookup: ReturnType<typeof guardedLookup>, all: boolean): Promise<{ err: NodeJS.ErrnoException | null; result: unknown }> {
  return new Promise((resolve) => {
    lookup(
      'school.test',
      { all } as dns.LookupOneOptions,
      ((err: NodeJS.ErrnoException | null, address: unknown, family?: number) =>
        resolve({ err, result: all ? address : { address, family } })) as never,
    );
  });
}

describe('guardedLookup', () => {
  it('refuses when any resolved address is private', async () => {
    const lookup = guardedLookup(
      false,
      fakeResolver([
        { address: '203.162.4.1', family: 4 },
        { address: '10.0.0.7', family: 4 },
      ]),
    );
    const { err } = await run(lookup, true);
    expect(err?.code).toBe('EPRIVATE');
    expect(err?.message).toContain('10.0.0.7');
  });

  it('passes public addresses in both callback shapes', async () => {
    const list = [
      { address: '203.162.4.1', family: 4 },
      { address: '2402:800::1', family: 6 },
    ];
    expect((await run(guardedLookup(false, fakeResolver(list)), true)).result).toEqual(list);
    expect((await run(guardedLookup(false, fakeResolver(list)), false)).result).toEqual({ address: '203.162.4.1', family: 4 });
  });

  it('lets private addresses through with allowPrivate', async () => {
    const { err, result } = await run(guardedLookup(true, fakeResolver([{ address: '127.0.0.1', family: 4 }])), false);
    expect(err).toBeNull();
    expect(result).toEqual({ address: '127.0.0.1', family: 4 });
  });
});

describe('dispatcher end to end (127.0.0.1 only)', () => {
  let server: TestServer;
  const contexts: CrawlContext[] = [];
  let requests = 0;
  beforeAll(async () => {
    server = await startServer((req, res) => {
      requests++;
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(html(`<p>${req.headers.host}</p>`));
    });
  });
  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await server.close();
  });

  it('refuses an IP-literal loopback URL before connecting, unless allowed', async () => {
    const ctx = await context();
    contexts.push(ctx);
    const r = await fetchPage(ctx, `http://127.0.0.1:${server.port}/`);
    expect(r.ok === false && r.reason).toBe('private_address');
    expect(requests).toBe(0);
    const open = await context({ allowPrivate: true });
    contexts.push(open);
    expect((await fetchPage(open, `http://127.0.0.1:${server.port}/`)).ok).toBe(true);
    expect(requests).toBe(1);
  });

  it('routes by --connect-to keeping the Host header, without the private guard', async () => {
    const ctx = await context({ connectTo: [`school.test:80:127.0.0.1:${server.port}`] });
    contexts.push(ctx);
    const r = await fetchPage(ctx, 'http://school.test/');
    expect(r.ok && r.text).toContain('<p>school.test</p>');
  });
});
