import { existsSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../../src/fixture-server/server.js';
import { fetchFixture } from './client.js';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(() => server.close());

const MODEL = 'thpt-nguyenthiminhkhai.hcm.edu.vn';

describe('fixture server basics', () => {
  it('listens on two ports and describes its connect-to routes and CA', () => {
    expect(server.httpPort).toBeGreaterThan(0);
    expect(server.httpsPort).toBeGreaterThan(0);
    expect(server.connectTo).toEqual([`:80:127.0.0.1:${server.httpPort}`, `:443:127.0.0.1:${server.httpsPort}`]);
    expect(isAbsolute(server.caFile)).toBe(true);
    expect(existsSync(server.caFile)).toBe(true);
  });

  it('serves a site by Host over HTTPS with a certificate the fixture CA vouches for', async () => {
    const r = await fetchFixture(server, { host: MODEL, tls: true });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(r.body.toString('utf8')).toContain('Trường THPT Nguyễn Thị Minh Khai');
    expect(r.cert?.subject.CN).toBe('site fixture');
  });

  it('redirects http to https by default and serves http when the site says so', async () => {
    const redirect = await fetchFixture(server, { host: MODEL, path: '/news/?page=2' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.location).toBe(`https://${MODEL}/news/?page=2`);
    const served = await fetchFixture(server, { host: 'thcs-vanlang.hcm.edu.vn', path: '/' });
    expect(served.status).toBe(200);
    expect(served.body.toString()).toContain('wp-content');
  });

  it('destroys the socket on http when the site refuses port 80', async () => {
    await expect(fetchFixture(server, { host: 'pgdthuduc.hcm.edu.vn' })).rejects.toThrow(/socket hang up|ECONNRESET/);
  });

  it('maps paths: directory index, exact file, .html and index.xml fallbacks, query ignored', async () => {
    const get = (path: string) => fetchFixture(server, { host: MODEL, path, tls: true });
    expect((await get('/news/')).status).toBe(200);
    expect((await get('/tra-cuu')).status).toBe(200);
    expect((await get('/about/co-cau-to-chuc.html?x=1')).body.toString()).toContain('Cơ cấu tổ chức');
    expect((await get('/seek/?q=tuyen+sinh')).body.toString()).toContain('Tìm kiếm');
    const feed = await get('/news/rss/');
    expect(feed.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    expect(feed.body.toString()).toContain('<rss');
    expect((await get('/robots.txt')).headers['content-type']).toBe('text/plain; charset=utf-8');
  });

  it("answers missing files with the site's 404 page and never serves _site.json", async () => {
    const missing = await fetchFixture(server, { host: MODEL, path: '/khong-co', tls: true });
    expect(missing.status).toBe(404);
    expect(missing.body.toString()).toContain('Không tìm thấy trang');
    expect((await fetchFixture(server, { host: MODEL, path: '/_site.json', tls: true })).status).toBe(404);
    expect((await fetchFixture(server, { host: MODEL, path: '/../../package.json', tls: true })).status).toBe(404);
  });

  it('answers unknown hosts with 404 "unknown fixture host"', async () => {
    const r = await fetchFixture(server, { host: 'khong-ton-tai.hcm.edu.vn', path: '/' });
    expect(r.status).toBe(404);
    expect(r.body.toString()).toBe('unknown fixture host');
  });

  it('applies configured redirects, content types and compression', async () => {
    const hijacked = await fetchFixture(server, { host: 'thcs-binhan.hcm.edu.vn', tls: true });
    expect(hijacked.status).toBe(302);
    expect(hijacked.headers.location).toBe('https://nhacai-w88.example.com/');
    const legacy = await fetchFixture(server, { host: 'th-hoabinh.hcm.edu.vn' });
    expect(legacy.headers['content-type']).toBe('text/html; charset=windows-1258');
    const noCharset = await fetchFixture(server, { host: 'mn-hoamai.hcm.edu.vn', tls: true });
    expect(noCharset.headers['content-type']).toBe('text/html');
    const gz = await fetchFixture(server, { host: MODEL, tls: true, headers: { 'accept-encoding': 'gzip, deflate' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toContain('NukeViet v4.5');
    const br = await fetchFixture(server, { host: 'thcs-vanlang.hcm.edu.vn', tls: true, headers: { 'accept-encoding': 'br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).toString()).toContain('WordPress');
    const plain = await fetchFixture(server, { host: MODEL, tls: true, headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
  });

  it('records every request', async () => {
    const before = server.requests.length;
    await fetchFixture(server, { host: 'hcm.edu.vn', path: '/lien-he?from=test', tls: true, headers: { 'user-agent': 'Googlebot/2.1' } });
    expect(server.requests.slice(before)).toEqual([
      { host: 'hcm.edu.vn', path: '/lien-he?from=test', userAgent: 'Googlebot/2.1', method: 'GET', tls: true },
    ]);
  });
});

describe('certificates chosen by SNI', () => {
  it('gives the expired certificate to a site configured with it', async () => {
    await expect(fetchFixture(server, { host: 'thpt-lehongphong.hcm.edu.vn', tls: true })).rejects.toMatchObject({
      code: 'CERT_HAS_EXPIRED',
    });
    const r = await fetchFixture(server, { host: 'thpt-lehongphong.hcm.edu.vn', tls: true, verify: false });
    expect(r.status).toBe(200);
    expect(r.cert?.valid_to).toMatch(/2021/);
  });

  it('gives wrong-host and self-signed certificates', async () => {
    await expect(fetchFixture(server, { host: 'wrong-host.fixture.test', tls: true })).rejects.toMatchObject({
      code: 'ERR_TLS_CERT_ALTNAME_INVALID',
    });
    await expect(fetchFixture(server, { host: 'self-signed.fixture.test', tls: true })).rejects.toMatchObject({
      code: 'DEPTH_ZERO_SELF_SIGNED_CERT',
    });
  });

  it('aborts the handshake for a site without HTTPS', async () => {
    await expect(fetchFixture(server, { host: 'th-hoabinh.hcm.edu.vn', tls: true })).rejects.toThrow();
  });
});
