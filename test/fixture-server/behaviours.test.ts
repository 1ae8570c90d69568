import { once } from 'node:events';
import { createGunzip } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../../src/fixture-server/server.js';
import { fetchFixture, firstChunk, open } from './client.js';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(() => server.close());

const get = (host: string, path = '/') => fetchFixture(server, { host: `${host}.fixture.test`, path, tls: true });

describe('hostile behaviours', () => {
  it('redirect-loop bounces between /a and /b', async () => {
    expect((await get('redirect-loop')).headers.location).toBe('/a');
    expect((await get('redirect-loop', '/a')).headers.location).toBe('/b');
    expect((await get('redirect-loop', '/b')).headers.location).toBe('/a');
  });

  it('redirect-chain walks / → /r1 … /r7, and /r7 serves a page', async () => {
    const hops: string[] = [];
    let path = '/';
    for (let i = 0; i < 7; i++) {
      const r = await get('redirect-chain', path);
      expect(r.status).toBe(302);
      path = String(r.headers.location);
      hops.push(path);
    }
    expect(hops).toEqual(['/r1', '/r2', '/r3', '/r4', '/r5', '/r6', '/r7']);
    expect((await get('redirect-chain', '/r7')).status).toBe(200);
  });

  it('rate-limited answers 429 with Retry-After once per path, then the content', async () => {
    const first = await get('rate-limited', '/?a=1');
    expect(first.status).toBe(429);
    expect(first.headers['retry-after']).toBe('1');
    expect((await get('rate-limited', '/')).status).toBe(200);
    expect((await get('rate-limited', '/gioi-thieu')).status).toBe(429);
  });

  it('waf, server-error, not-html, redirect-private answer as configured', async () => {
    const waf = await get('waf', '/gioi-thieu');
    expect(waf.status).toBe(403);
    expect(waf.body.toString()).toContain('Access Denied');
    expect((await get('server-error')).status).toBe(500);
    const pdf = await get('not-html');
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
    const priv = await get('redirect-private');
    expect(priv.status).toBe(302);
    expect(priv.headers.location).toBe(`http://127.0.0.1:${server.httpPort}/private`);
    const target = await fetchFixture(server, { host: `127.0.0.1:${server.httpPort}`, path: '/private' });
    expect(target.status).toBe(200);
  });

  it('robots.txt is exempt from every behaviour', async () => {
    for (const b of ['waf', 'server-error', 'slow-headers', 'reset', 'rate-limited']) {
      expect((await get(b, '/robots.txt')).status).toBe(200);
    }
  });

  it('reset destroys the connection', async () => {
    await expect(get('reset')).rejects.toThrow(/socket hang up|ECONNRESET/);
  });

  it('gzip-bomb sends gzip headers and a small body that starts inflating to HTML', async () => {
    const res = await open(server, { host: 'gzip-bomb.fixture.test', tls: true, headers: { 'accept-encoding': 'identity' } });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(Number(res.headers['content-length'])).toBeLessThan(1024 * 1024);
    const head = await firstChunk(res);
    const gunzip = createGunzip();
    const inflated = once(gunzip, 'data');
    gunzip.write(head);
    const [out] = (await inflated) as [Buffer];
    gunzip.destroy();
    expect(out.toString()).toMatch(/^<!DOCTYPE html>/);
  });

  it('huge-body streams without Content-Length', async () => {
    const res = await open(server, { host: 'huge-body.fixture.test', tls: true });
    expect(res.headers['content-length']).toBeUndefined();
    expect((await firstChunk(res)).toString()).toContain('<html');
  });
});

describe('endless responses end on close()', () => {
  it('endless-body and slow-headers connections are torn down by close()', async () => {
    const own = await startFixtureServer();
    const endless = await open(own, { host: 'endless-body.fixture.test', tls: true });
    expect(endless.statusCode).toBe(200);
    endless.on('error', () => undefined).resume();
    // events.once would reject on the 'aborted' error; we only care that the stream ends.
    const endlessClosed = new Promise((done) => endless.on('close', done));
    const slow = open(own, { host: 'slow-headers.fixture.test', path: '/', tls: true });
    const slowFailed = slow.then(
      () => 'answered',
      () => 'closed',
    );
    // Let the slow request reach the server before closing.
    while (!own.requests.some((r) => r.host === 'slow-headers.fixture.test')) await new Promise((r) => setImmediate(r));
    await own.close();
    await endlessClosed;
    expect(await slowFailed).toBe('closed');
  });
});
