import type http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlUnit } from '../../src/collect/crawl-unit.js';
import { COMPACT_SHARE, compactHtmlPage, isParsed, releaseParses } from '../../src/collect/page-body.js';
import { defaultRulesConfig } from '../../rules/index.js';
import { crawlTargeting } from '../../src/engine/rules-config.js';
import type { ArtifactKey, Artifacts, FetchedPage } from '../../src/model/artifacts.js';
import { context, html, startServer, type TestServer } from './servers.js';

const TEXT = html('<nav><a href="/gioi-thieu">Giới thiệu</a></nav><p>Trường học</p>');

function bare(): Omit<FetchedPage, 'text' | 'doc'> {
  return {
    ok: true,
    url: 'https://a.test/',
    finalUrl: 'https://a.test/',
    status: 200,
    headers: {},
    redirects: [],
    contentType: 'text/html',
    isHtml: true,
    bytes: TEXT.length,
    timings: { headersMs: 1, totalMs: 1 },
    fetchedAt: '2026-11-15T00:00:00.000Z',
  };
}

describe('compactHtmlPage', () => {
  it('parses on the first read of doc, once, and says how much it parsed', () => {
    const parsed: number[] = [];
    const page = compactHtmlPage(bare(), TEXT, (n) => parsed.push(n));
    expect(isParsed(page)).toBe(false);
    expect(page.text).toBe(TEXT);
    expect(isParsed(page)).toBe(false);
    const doc = page.doc;
    expect(doc?.('p').text()).toBe('Trường học');
    expect(page.doc).toBe(doc);
    expect(parsed).toEqual([TEXT.length]);
    expect(isParsed(page)).toBe(true);
  });

  it("keeps the body it is given as the text's bytes, and reads the same text and parse from it", () => {
    const body = Buffer.from(TEXT, 'utf8');
    const page = compactHtmlPage(bare(), TEXT, undefined, body);
    expect(page.text).toBe(TEXT);
    expect(page.doc?.('p').text()).toBe('Trường học');
    // the text is read from the body kept, not from the string passed
    const other = compactHtmlPage(bare(), TEXT, undefined, Buffer.from('<p>khác</p>'));
    expect(other.text).toBe('<p>khác</p>');
  });

  it('behaves as plain fields: a spread copies text and doc, an assignment replaces them', () => {
    const page = compactHtmlPage(bare(), TEXT);
    const copy = { ...page };
    expect(copy.text).toBe(TEXT);
    expect(copy.doc).toBe(page.doc);
    page.text = 'khác';
    page.doc = undefined;
    expect(page.text).toBe('khác');
    expect(page.doc).toBeUndefined();
    expect(Object.keys(page)).toContain('doc');
  });

  it('goes back to compact when told, and parses the same text again on the next read', () => {
    const parsed: number[] = [];
    let again: (() => boolean) | undefined;
    const page = compactHtmlPage(bare(), TEXT, (n, compactAgain) => {
      parsed.push(n);
      again = compactAgain;
    });
    const first = page.doc;
    expect(again?.()).toBe(true);
    expect(isParsed(page)).toBe(false);
    expect(again?.()).toBe(false); // nothing left to let go
    expect(page.text).toBe(TEXT);
    const second = page.doc;
    expect(second).not.toBe(first);
    expect(second?.html()).toBe(first?.html());
    expect(parsed).toEqual([TEXT.length, TEXT.length]);
  });

  it("keeps a parse that is not its own text's: a DOM or a text set from outside (a rendered home page)", () => {
    let again: (() => boolean) | undefined;
    const page = compactHtmlPage(bare(), TEXT, (_, compactAgain) => void (again = compactAgain));
    void page.doc;
    const rendered = page.doc;
    page.text = '<p>rendered</p>';
    expect(again?.()).toBe(false);
    expect(page.doc).toBe(rendered);
    const other = compactHtmlPage(bare(), TEXT, (_, compactAgain) => void (again = compactAgain));
    void other.doc;
    const set = other.doc;
    other.doc = set;
    expect(again?.()).toBe(false);
    expect(isParsed(other)).toBe(true);
  });

  it("lets a judged unit's parses go and keeps their text", () => {
    const page = compactHtmlPage(bare(), TEXT);
    const first = page.doc;
    const a = { unit: {}, homeFetch: page, pages: new Map([['https://a.test/', page]]) } as unknown as Artifacts;
    releaseParses(a);
    expect(isParsed(page)).toBe(false);
    expect(page.text).toBe(TEXT);
    expect(page.doc).not.toBe(first);
  });
});

describe('a crawl holds the pages it does not read unparsed', () => {
  let server: TestServer;
  beforeAll(async () => {
    const handler: http.RequestListener = (req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      const path = req.url ?? '/';
      if (path === '/')
        return res.end(
          html(
            '<nav><ul><li><a href="/gioi-thieu">Giới thiệu</a></li><li><a href="/tin-tuc">Tin tức</a></li><li><a href="/lien-he">Liên hệ</a></li></ul></nav>',
          ),
        );
      if (path === '/gioi-thieu')
        return res.end(html('<main><p>Giới thiệu trường</p><a href="/gioi-thieu/lich-su">Lịch sử trường</a></main>'));
      res.end(html(`<main><h1>${path}</h1></main>`));
    };
    server = await startServer(handler);
  });
  afterAll(() => server.close());

  it('parses the home page and the followed section, charges the rest at their compact share', async () => {
    const ctx = await context({ connectTo: [`::127.0.0.1:${server.port}`], targeting: crawlTargeting(defaultRulesConfig()) });
    try {
      const ticket = await ctx.memory.admit();
      const { artifacts: a } = await crawlUnit(
        ctx,
        {
          id: 'u',
          name: 'x',
          type: 'thpt',
          district: 'd',
          province: ['hcm'],
          website: 'http://a.test/',
          source: { file: 'r.csv', row: 2 },
        },
        new Set<ArtifactKey>(['pages']),
        ticket,
      );
      const page = (u: string): FetchedPage => a.pages?.get(u) as FetchedPage;
      expect([...(a.pages?.keys() ?? [])].sort()).toEqual([
        'http://a.test/',
        'http://a.test/gioi-thieu',
        'http://a.test/gioi-thieu/lich-su',
        'http://a.test/lien-he',
        'http://a.test/tin-tuc',
      ]);
      const read = ['http://a.test/', 'http://a.test/gioi-thieu'];
      const waiting = ['http://a.test/tin-tuc', 'http://a.test/lien-he', 'http://a.test/gioi-thieu/lich-su'];
      expect(read.map((u) => isParsed(page(u)))).toEqual([true, true]);
      expect(waiting.map((u) => isParsed(page(u)))).toEqual([false, false, false]);
      const chars = (urls: string[]): number => urls.reduce((n, u) => n + page(u).text.length, 0);
      const compact = waiting.reduce((n, u) => n + Math.ceil(page(u).text.length * COMPACT_SHARE), 0);
      expect(ctx.memory.heldChars).toBe(chars(read) + compact);
      // the rules' parses come after the crawl: the unit's share no longer grows
      expect(page('http://a.test/tin-tuc').doc?.('h1').text()).toBe('/tin-tuc');
      expect(ctx.memory.heldChars).toBe(chars(read) + compact);
      ticket.close();
      expect(ctx.memory.heldChars).toBe(0);
    } finally {
      await ctx.close();
    }
  });
});
