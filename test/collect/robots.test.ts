import { describe, expect, it } from 'vitest';
import { RobotsCache } from '../../src/collect/robots.js';
import type { FetchResult } from '../../src/model/artifacts.js';

const answer = (status: number, text: string, isHtml = false): FetchResult => ({
  ok: true, url: 'x', finalUrl: 'x', status, headers: {}, redirects: [], contentType: 'text/plain', isHtml, bytes: text.length,
  text, timings: { headersMs: 0, totalMs: 0 }, fetchedAt: '2026-01-01T00:00:00Z',
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
    const cache = new RobotsCache(async () => answer(200, 'User-agent: *\nCrawl-delay: 4\n'), (h, s) => delays.push([h, s]));
    expect((await cache.forUrl('https://slow.test/')).crawlDelaySec).toBe(4);
    expect(delays).toEqual([['slow.test', 4]]);
  });
});
