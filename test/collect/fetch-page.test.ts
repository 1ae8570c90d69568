import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CrawlContext } from '../../src/collect/crawl-context.js';
import { fetchPage } from '../../src/collect/fetch-page.js';
import type { FetchResult } from '../../src/model/artifacts.js';
import { context, startServer, type TestServer } from './servers.js';
import { siteHandler, type SiteState } from './site-handler.js';

const state: SiteState = { hits: new Map(), httpPort: 0, timers: new Set() };
const servers: TestServer[] = [];
const contexts: CrawlContext[] = [];
let connectTo: string[] = [];
let ctx: CrawlContext;

async function ctxWith(over: Parameters<typeof context>[0] = {}): Promise<CrawlContext> {
  const c = await context({ connectTo, ...over });
  contexts.push(c);
  return c;
}

function failure(r: FetchResult): Extract<FetchResult, { ok: false }> {
  if (r.ok) throw new Error(`expected a failure, got HTTP ${r.status}`);
  return r;
}
function page(r: FetchResult): Extract<FetchResult, { ok: true }> {
  if (!r.ok) throw new Error(`expected a page, got ${r.reason}: ${r.detail}`);
  return r;
}

beforeAll(async () => {
  const handler = siteHandler(state);
  const http = await startServer(handler);
  const site = await startServer(handler, 'site');
  const expired = await startServer(handler, 'expired');
  const wrong = await startServer(handler, 'wrong-host');
  const closed = await startServer(handler);
  await closed.close();
  servers.push(http, site, expired, wrong);
  state.httpPort = http.port;
  connectTo = [
    `expired.test:443:127.0.0.1:${expired.port}`,
    `wrong.test:443:127.0.0.1:${wrong.port}`,
    `closed.test:80:127.0.0.1:${closed.port}`,
    `:443:127.0.0.1:${site.port}`,
    `:80:127.0.0.1:${http.port}`,
  ];
  ctx = await ctxWith({ timeoutMs: 500 });
});

afterAll(async () => {
  for (const t of state.timers) clearInterval(t);
  await Promise.all(contexts.map((c) => c.close()));
  await Promise.all(servers.map((s) => s.close()));
});

describe('fetchPage: redirects', () => {
  it('records every hop and resolves relative locations', async () => {
    const r = page(await fetchPage(ctx, 'http://a.test/three'));
    expect(r.finalUrl).toBe('http://other.test/ok');
    expect(r.redirects).toEqual([
      { url: 'http://a.test/three', status: 302, location: 'http://a.test/two' },
      { url: 'http://a.test/two', status: 307, location: 'http://other.test/ok' },
    ]);
    expect(r.isHtml).toBe(true);
    expect(r.doc?.('h1').text()).toBe('Xin chào');
  });

  it('detects a loop', async () => {
    const r = failure(await fetchPage(ctx, 'http://a.test/loop-a'));
    expect(r.reason).toBe('too_many_redirects');
    expect(r.detail).toMatch(/loop/);
    expect(r.redirects.map((h) => h.url)).toEqual(['http://a.test/loop-a', 'http://a.test/loop-b']);
  });

  it('stops after 5 redirects', async () => {
    const r = failure(await fetchPage(ctx, 'http://a.test/chain/1'));
    expect(r.reason).toBe('too_many_redirects');
    expect(r.redirects).toHaveLength(6);
  });

  it('returns the 3xx itself when not following', async () => {
    const r = page(await fetchPage(ctx, 'http://a.test/loop-a', { followRedirects: false }));
    expect(r.status).toBe(302);
    expect(r.headers.location).toBe('/loop-b');
  });
});

describe('fetchPage: limits and errors', () => {
  it('ends a body that never finishes as timeout', async () => {
    const r = failure(await fetchPage(ctx, 'http://a.test/trickle'));
    expect(r.reason).toBe('timeout');
  });

  it('keeps the first maxBytes of a longer page, marked truncated (judged on its beginning)', async () => {
    const r = page(await fetchPage(ctx, 'http://a.test/big'));
    expect(r.truncated).toBe(true);
    expect(r.bytes).toBe(1024 * 1024);
    expect(r.text.length).toBe(1024 * 1024);
  });

  it('fails a body over maxBytes as too_large where the whole body is needed (scripts, unparsed)', async () => {
    expect(failure(await fetchPage(ctx, 'http://a.test/big', { parse: false })).reason).toBe('too_large');
  });

  it('stops a gzip bomb at the decoded cap', async () => {
    const r = page(await fetchPage(ctx, 'http://a.test/bomb'));
    expect(r.truncated).toBe(true);
    expect(r.bytes).toBe(1024 * 1024);
    expect(failure(await fetchPage(ctx, 'http://a.test/bomb', { parse: false })).reason).toBe('too_large');
  });

  it('marks nothing truncated under the cap', async () => {
    expect(page(await fetchPage(ctx, 'http://a.test/500')).truncated).toBeUndefined();
  });

  it('returns 4xx/5xx as pages with their status', async () => {
    expect(page(await fetchPage(ctx, 'http://a.test/500')).status).toBe(500);
    expect(page(await fetchPage(ctx, 'http://a.test/404')).status).toBe(404);
  });

  it('maps a refused connection', async () => {
    expect(failure(await fetchPage(ctx, 'http://closed.test/')).reason).toBe('refused');
  });

  it('rejects non-http URLs', async () => {
    expect(failure(await fetchPage(ctx, 'ftp://a.test/')).reason).toBe('invalid_url');
  });

  it('detects HTML served as text/plain and leaves a PDF unparsed', async () => {
    const r = page(await fetchPage(ctx, 'http://a.test/utf8-nocharset'));
    expect(r.isHtml).toBe(true);
    expect(r.charset).toMatchObject({ source: 'utf8-check', used: 'utf-8' });
    const pdf = page(await fetchPage(ctx, 'http://a.test/pdf'));
    expect(pdf.isHtml).toBe(false);
    expect(pdf.doc).toBeUndefined();
  });
});

describe('fetchPage: charsets', () => {
  it.each([
    ['/1258-header', 'header'],
    ['/1258-meta', 'meta'],
  ])('decodes windows-1258 declared in %s', async (path, source) => {
    const r = page(await fetchPage(ctx, `http://a.test${path}`));
    expect(r.doc?.('body').text()).toBe('Trường');
    expect(r.charset).toMatchObject({ source, declared: 'windows-1258', used: 'windows-1258', decomposedLetters: 1 });
  });
});

describe('fetchPage: TLS', () => {
  it('records a valid certificate with the fixture CA', async () => {
    const r = page(await fetchPage(ctx, 'https://thpt-a.hcm.edu.vn/ok'));
    expect(r.tls).toMatchObject({ host: 'thpt-a.hcm.edu.vn', valid: true, issuer: 'edu-site-audit Fixture CA' });
    expect(r.tls?.altNames).toContain('*.hcm.edu.vn');
  });

  it('fetches content from expired and wrong-host certificates but records them invalid', async () => {
    const e = page(await fetchPage(ctx, 'https://expired.test/ok'));
    expect(e.status).toBe(200);
    expect(e.tls).toMatchObject({ valid: false, error: 'CERT_HAS_EXPIRED' });
    const w = page(await fetchPage(ctx, 'https://wrong.test/ok'));
    expect(w.doc?.('h1').text()).toBe('Xin chào');
    expect(w.tls).toMatchObject({ valid: false, error: 'ERR_TLS_CERT_ALTNAME_INVALID' });
  });

  it('is not valid without the CA', async () => {
    const c = await ctxWith({ caFiles: [] });
    const r = page(await fetchPage(c, 'https://thpt-b.hcm.edu.vn/ok'));
    expect(r.tls?.valid).toBe(false);
    expect(r.tls?.error).toMatch(/UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT/);
  });
});

describe('fetchPage: private addresses', () => {
  it('refuses a redirect to a loopback IP not covered by --connect-to', async () => {
    const r = failure(await fetchPage(ctx, 'http://a.test/to-private'));
    expect(r.reason).toBe('private_address');
    expect(r.redirects).toHaveLength(1);
  });

  it('fetches it with allowPrivate', async () => {
    const c = await ctxWith({ allowPrivate: true });
    const r = page(await fetchPage(c, 'http://a.test/to-private'));
    expect(r.finalUrl).toBe(`http://127.0.0.1:${state.httpPort}/ok`);
  });
});

describe('fetchPage: robots', () => {
  it('blocks a disallowed URL, also after a redirect, and records it', async () => {
    const c = await ctxWith({ ignoreRobots: false });
    const blocked: string[] = [];
    const scope = { signal: new AbortController().signal, remainingMs: () => Infinity, robotsBlocked: blocked };
    expect(failure(await fetchPage(c, 'http://r.test/secret', { scope })).reason).toBe('blocked_by_robots');
    expect(failure(await fetchPage(c, 'http://r.test/to-secret', { scope })).reason).toBe('blocked_by_robots');
    expect(blocked).toEqual(['http://r.test/secret', 'http://r.test/secret']);
    expect(page(await fetchPage(c, 'http://r.test/ok', { scope })).status).toBe(200);
    expect(state.hits.get('/robots.txt')).toBe(1);
  });

  it('fetches it with ignoreRobots', async () => {
    expect(page(await fetchPage(ctx, 'http://r.test/secret')).status).toBe(200);
  });
});

describe('fetchPage: retries and walls', () => {
  it('retries a 429 after Retry-After', async () => {
    const r = page(await fetchPage(ctx, 'http://a.test/429?k=1'));
    expect(r.status).toBe(200);
    expect(state.hits.get('/429?k=1')).toBe(2);
  });

  it('retries a 503', async () => {
    expect(page(await fetchPage(ctx, 'http://a.test/503?k=1')).status).toBe(200);
  });

  it('retries a connection reset', async () => {
    const r = page(await fetchPage(ctx, 'http://reset.test/reset?k=1'));
    expect(r.status).toBe(200);
    expect(state.hits.get('/reset?k=1')).toBe(2);
  });

  it('gives up on a persistent reset with retries exhausted', async () => {
    const c = await ctxWith({ retries: 1 });
    const r = failure(await fetchPage(c, 'http://reset2.test/always-reset'));
    expect(r.reason).toBe('network');
    expect(state.hits.get('/always-reset')).toBe(2);
  });

  it('reports a persistent 403 as blocked_by_waf without retrying', async () => {
    const r = failure(await fetchPage(ctx, 'http://waf.test/403?k=1'));
    expect(r).toMatchObject({ reason: 'blocked_by_waf', status: 403 });
    expect(state.hits.get('/403?k=1')).toBe(1);
  });

  it('recognises a challenge page', async () => {
    const c = await ctxWith({ retries: 0 });
    expect(failure(await fetchPage(c, 'http://waf2.test/challenge')).reason).toBe('blocked_by_waf');
  });

  it('stops fetching a host after repeated walls', async () => {
    const c = await ctxWith({ retries: 0 });
    for (let i = 0; i < 3; i++) await fetchPage(c, `http://walled.test/403?w=${i}`);
    const r = failure(await fetchPage(c, 'http://walled.test/ok?after-walls'));
    expect(r.reason).toBe('blocked_by_waf');
    expect(r.detail).toMatch(/remaining pages are skipped/);
    expect(state.hits.get('/ok?after-walls')).toBeUndefined();
  });
});
