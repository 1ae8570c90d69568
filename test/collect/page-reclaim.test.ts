// A unit waiting for --page-memory makes a crawling unit's parsed pages (its home page, the section it followed)
// compact again: the crawling unit's charge falls to its compact share, the waiting unit starts, and the pages read
// the same when the rules parse them again.
import type http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlUnit } from '../../src/collect/crawl-unit.js';
import { isParsed } from '../../src/collect/page-body.js';
import type { CrawlContext } from '../../src/collect/crawl-context.js';
import { defaultRulesConfig } from '../../rules/index.js';
import { crawlTargeting } from '../../src/engine/rules-config.js';
import type { ArtifactKey, FetchedPage } from '../../src/model/artifacts.js';
import type { Unit } from '../../src/model/unit.js';
import { context, html, startServer, type TestServer } from './servers.js';

const filler = (n: number): string => `<p>${'Thông báo của nhà trường về kế hoạch năm học. '.repeat(n)}</p>`;

const unit = (host: string): Unit => ({
  id: host,
  name: host,
  type: 'thpt',
  district: 'd',
  province: ['hcm'],
  website: `http://${host}/`,
  source: { file: 'r.csv', row: 2 },
});

const NEEDS = new Set<ArtifactKey>(['pages']);

describe('parsed pages go back to compact while a unit waits for page memory', () => {
  let server: TestServer;
  /** Answers to /gioi-thieu/lich-su (fetched once the section was read) wait here until the test lets them go. */
  const held: (() => void)[] = [];
  let asked: () => void = () => undefined;
  beforeAll(async () => {
    const handler: http.RequestListener = (req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      const path = req.url ?? '/';
      if (path === '/')
        return res.end(
          html(`<nav><ul><li><a href="/gioi-thieu">Giới thiệu</a></li><li><a href="/lien-he">Liên hệ</a></li></ul></nav>${filler(200)}`),
        );
      if (path === '/gioi-thieu')
        return res.end(html(`<main><p>Giới thiệu trường</p><a href="/gioi-thieu/lich-su">Lịch sử trường</a>${filler(200)}</main>`));
      if (path === '/gioi-thieu/lich-su') {
        held.push(() => res.end(html(`<main><h1>Lịch sử</h1>${filler(20)}</main>`)));
        return asked();
      }
      res.end(html(`<main><h1>${path}</h1>${filler(20)}</main>`));
    };
    server = await startServer(handler);
  });
  afterAll(() => server.close());

  const newContext = (pageMemoryMb: number): Promise<CrawlContext> =>
    context({ connectTo: [`::127.0.0.1:${server.port}`], targeting: crawlTargeting(defaultRulesConfig()), pageMemoryMb });

  /** Crawls `host` until the section's one-hop page is asked for; `finish()` answers it and ends the crawl. */
  async function crawlUntilLast(ctx: CrawlContext, host: string) {
    const ticket = await ctx.memory.admit();
    const lastAsked = new Promise<void>((r) => (asked = r));
    const crawl = crawlUnit(ctx, unit(host), NEEDS, ticket);
    await lastAsked;
    const finish = async () => {
      held.shift()!();
      const { artifacts } = await crawl;
      ticket.crawled();
      return { artifacts, ticket };
    };
    return { ticket, finish };
  }

  it('lets the next unit in, and the pages judged are the same', async () => {
    // first without pressure: what the unit holds parsed and compact (the fixture is the same every time)
    const roomy = await newContext(12);
    const free = await crawlUntilLast(roomy, 'a.test');
    const heldParsed = roomy.memory.heldChars;
    const reclaimable = free.ticket.reclaimableChars;
    const { artifacts: reference } = await free.finish();
    free.ticket.close();
    await roomy.close();
    expect(reclaimable).toBeGreaterThan(0);
    // a budget where the next unit fits (at the prior, an eighth) only once both of the crawler's parses are compact
    const heldCompact = heldParsed - reclaimable;
    const budget = (8 / 7) * heldCompact + 8;
    expect(heldCompact + budget / 8).toBeLessThanOrEqual(budget);
    expect(heldParsed - reclaimable / 3 + budget / 8).toBeGreaterThan(budget);

    const ctx = await newContext(budget / (1024 * 1024));
    try {
      const a = await crawlUntilLast(ctx, 'a.test');
      expect(ctx.memory.heldChars).toBe(heldParsed);
      expect(ctx.memory.recompacted).toBe(0);
      const next = ctx.memory.admit();
      let started = false;
      void next.then(() => (started = true));
      await new Promise((r) => setImmediate(r));
      expect(started).toBe(true);
      expect(ctx.memory.recompacted).toBe(2);
      expect(ctx.memory.heldChars).toBe(heldCompact);
      const { artifacts } = await a.finish();
      const page = (u: string): FetchedPage => artifacts.pages?.get(u) as FetchedPage;
      const urls = [...(reference.pages?.keys() ?? [])];
      expect([...(artifacts.pages?.keys() ?? [])]).toEqual(urls);
      // the home page and the section were parsed by the crawler, then made compact for the unit that waited
      expect(isParsed(page('http://a.test/'))).toBe(false);
      expect(isParsed(page('http://a.test/gioi-thieu'))).toBe(false);
      for (const u of urls) {
        const before = reference.pages?.get(u) as FetchedPage;
        expect(page(u).text).toBe(before.text);
        expect(page(u).doc?.html()).toBe(before.doc?.html());
      }
      a.ticket.close();
      (await next).close();
      expect(ctx.memory.heldChars).toBe(0);
    } finally {
      await ctx.close();
    }
  });
});
