import { describe, expect, it } from 'vitest';
import { RobotsCache } from '../../src/collect/robots.js';
import type { FetchResult } from '../../src/model/artifacts.js';

const answer = (status: number, text: string, isHtml = false): FetchResult => ({
  ok: true,
  url: 'x',
  finalUrl: 'x',
  status,
  headers: {},
  redirects: [],
  contentType: 'text/plain',
  isHtml,
  bytes: text.length,
  text,
  timings: { headersMs: 0, totalMs: 0 },
  fetchedAt: '2026-01-01T00:00:00Z',
});

describe('RobotsCache', () => {
  it('fetches robots.txt once per origin, even for concurrent callers', async () => {
    let calls = 0;
    const cache = new RobotsCache(async () => {
      calls++;
      return answer(200, 'User-agent: *\nDisallow: /private\n\nUser-agent: edu-site-audit\nDisallow: /admin\n');
    });
    const [a, b] = await Promise.all([cache.forUrl('https://s.test/a'), cache.forUrl('https://s.test/b')]);
    expect(calls).toBe(1);
    expect(a).toBe(b);
    // Our own group applies, not the * group.
    expect(a.isAllowed('https://s.test/admin/x')).toBe(false);
    expect(a.isAllowed('https://s.test/private')).toBe(true);
    await cache.forUrl('http://s.test/');
    expect(calls).toBe(2);
  });

  it.each([[404], [500], [503]])('allows everything when robots.txt answers %i', async (status) => {
    const cache = new RobotsCache(async () => answer(status, 'User-agent: *\nDisallow: /\n'));
    const r = await cache.forUrl('https://s.test/');
    expect(r.isAllowed('https://s.test/x')).toBe(true);
    expect(r.status).toBe(status);
  });

  it('allows everything when robots.txt fails or is an HTML page', async () => {
    const failed = new RobotsCache(async () => ({ ok: false, url: 'x', reason: 'timeout', detail: 't', redirects: [] }));
    expect((await failed.forUrl('https://s.test/')).isAllowed('https://s.test/x')).toBe(true);
    const soft404 = new RobotsCache(async () => answer(200, '<html>Disallow: /</html>', true));
    expect((await soft404.forUrl('https://s.test/')).isAllowed('https://s.test/x')).toBe(true);
  });

  it('reports the crawl delay', async () => {
    const delays: [string, number][] = [];
    const cache = new RobotsCache(
      async () => answer(200, 'User-agent: *\nCrawl-delay: 4\n'),
      (h, s) => delays.push([h, s]),
    );
    expect((await cache.forUrl('https://slow.test/')).crawlDelaySec).toBe(4);
    expect(delays).toEqual([['slow.test', 4]]);
  });

  it('retries a robots.txt that timed out once, then obeys what it read', async () => {
    let calls = 0;
    const cache = new RobotsCache(async () =>
      ++calls === 1
        ? { ok: false, url: 'x', reason: 'timeout', detail: 'request timed out', redirects: [] }
        : answer(200, 'User-agent: *\nDisallow: /\n'),
    );
    const r = await cache.forUrl('https://s.test/');
    expect(calls).toBe(2);
    expect(r.state).toBe('read');
    expect(r.isAllowed('https://s.test/')).toBe(false);
  });

  it('says whether robots.txt was read, absent or unreadable', async () => {
    const state = async (f: () => FetchResult): Promise<string> => (await new RobotsCache(async () => f()).forUrl('https://s.test/')).state;
    const timeout: FetchResult = { ok: false, url: 'x', reason: 'timeout', detail: 't', redirects: [] };
    expect(await state(() => answer(200, 'User-agent: *\nAllow: /\n'))).toBe('read');
    expect(await state(() => answer(404, 'Not Found'))).toBe('none');
    expect(await state(() => answer(200, '<html></html>', true))).toBe('none');
    expect(await state(() => ({ ok: false, url: 'x', reason: 'blocked_by_waf', detail: 'HTTP 403', redirects: [], status: 403 }))).toBe(
      'none',
    );
    expect(await state(() => answer(503, 'busy'))).toBe('unreadable');
    expect(await state(() => timeout)).toBe('unreadable');
    expect(await state(() => ({ ok: false, url: 'x', reason: 'network', detail: 'ECONNRESET', redirects: [] }))).toBe('unreadable');
  });
});
