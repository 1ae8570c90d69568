// Rendering against local servers only: one HTTP server on 127.0.0.1 answers every test host by its Host header
// (--connect-to routes), one on 127.0.0.2 stands in for a private address. One crawl context, so one browser.
import type http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CrawlContext } from '../../src/collect/crawl-context.js';
import { crawlUnit } from '../../src/collect/crawl-unit.js';
import type { ArtifactKey, Artifacts } from '../../src/model/artifacts.js';
import type { Unit } from '../../src/model/unit.js';
import { analyseEmcTag } from '../../src/engine/emc.js';
import { navigationLinks } from '../../src/page/links.js';
import { context, html, startServer, type TestServer } from '../collect/servers.js';
import { SPA_APP_JS, SPA_HOME, TAG_MANAGER_JS, MENU_SCRIPT_HOME, EMC_HOSTS } from './pages.js';

const NEEDS: ReadonlySet<ArtifactKey> = new Set<ArtifactKey>(['pages', 'scripts']);
const servers: TestServer[] = [];
const contexts: CrawlContext[] = [];
let privateHits = 0;
let privatePort = 0;

const pages: Record<string, Record<string, string>> = {};

const handler: http.RequestListener = (req, res) => {
  const host = (req.headers.host ?? '').replace(/:\d+$/, '');
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  const body = pages[host]?.[path];
  if (body === undefined) {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
    return;
  }
  const type = path.endsWith('.js') ? 'text/javascript' : path.endsWith('.png') ? 'image/png' : 'text/html; charset=utf-8';
  res.writeHead(200, { 'content-type': type });
  res.end(body);
};

const unit = (host: string): Unit =>
  ({
    id: host,
    name: host,
    type: 'thcs',
    district: 'Quận 1',
    province: ['hcm'],
    website: `http://${host}/`,
    alternates: [],
  }) as unknown as Unit;

let ctx: CrawlContext;
let strict: CrawlContext;

beforeAll(async () => {
  const server = await startServer(handler);
  servers.push(server);
  const hosts = [
    'spa.test',
    'gtm-site.test',
    'tagmanager.test',
    'menu.test',
    'plain.test',
    'loop.test',
    'hungry.test',
    'flood.test',
    'leak.test',
  ];
  const connectTo = hosts.map((h) => `${h}:80:127.0.0.1:${server.port}`);
  // a stand-in for a private address: loopback 127.0.0.2 is refused by the guard like 10.x or 169.254.x would be
  const priv = await startServer(
    (_, res) => {
      privateHits++;
      res.end('secret');
    },
    undefined,
    '127.0.0.2',
  );
  servers.push(priv);
  privatePort = priv.port;
  pages['spa.test'] = { '/': SPA_HOME, '/assets/app.js': SPA_APP_JS };
  pages['gtm-site.test'] = {
    '/': html(`<header><nav><a href="/gioi-thieu">Giới thiệu</a><a href="/tin-tuc">Tin tức</a><a href="/lien-he">Liên hệ</a></nav></header><p>${'Tin tức nhà trường. '.repeat(20)}</p>
      <script async src="http://tagmanager.test/gtm.js?id=GTM-TEST01"></script>`),
  };
  pages['tagmanager.test'] = { '/gtm.js': TAG_MANAGER_JS };
  pages['menu.test'] = { '/': MENU_SCRIPT_HOME };
  pages['plain.test'] = {
    '/': html(
      `<nav><a href="/a">A</a><a href="/b">B</a><a href="/c">C</a></nav><p>${'Nội dung. '.repeat(40)}</p><script src="/j.js"></script>`,
    ),
  };
  pages['loop.test'] = { '/': html('<p>Đang tải…</p><script>for (;;) {}</script>') };
  pages['hungry.test'] = {
    '/': html('<p>Đang tải…</p><script>const a = []; for (;;) a.push(new Array(1e5).fill(Math.random()));</script>'),
  };
  pages['flood.test'] = {
    '/': html(
      '<p>Đang tải…</p><script>for (let i = 0; i < 3000; i++) { const img = new Image(); img.src = "/f" + i + ".png"; document.body.appendChild(img); }</script>',
    ),
  };
  pages['leak.test'] = {
    '/': html(`<p>${'Trang chủ. '.repeat(30)}</p><img src="http://127.0.0.2:${privatePort}/leak.png"><iframe src="http://127.0.0.2:${privatePort}/frame"></iframe>
      <script>fetch("http://127.0.0.2:${privatePort}/api").catch(() => {}); document.body.dataset.done = "1";</script>`),
  };
  ctx = await context({ connectTo, render: 'auto', emcHosts: EMC_HOSTS, renderLimits: { wallMs: 6_000 } });
  strict = await context({ connectTo, render: 'always', emcHosts: EMC_HOSTS, renderLimits: { wallMs: 4_000, maxRequests: 60 } });
  contexts.push(ctx, strict);
}, 60_000);

afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close()));
  await Promise.all(servers.map((s) => s.close()));
});

const crawl = (c: CrawlContext, host: string): Promise<{ artifacts: Artifacts; crawl: { rendered?: { why: string; error?: string } } }> =>
  crawlUnit(c, unit(host), NEEDS);

describe('rendering with --render auto', () => {
  it('judges a single-page site from its rendered DOM, with timings and a screenshot', async () => {
    const { artifacts: a, crawl: summary } = await crawl(ctx, 'spa.test');
    expect(summary.rendered).toEqual({ why: 'script-shell' });
    const home = a.home!;
    expect(home.staticText).toBe(SPA_HOME);
    const menu = navigationLinks(home.doc, home.finalUrl).map((l) => l.text);
    expect(menu).toEqual(expect.arrayContaining(['Giới thiệu', 'Tin tức', 'Công khai', 'Liên hệ']));
    expect(home.doc('.news time').first().text()).toBe('14/11/2026');
    // the bundle's menu is crawled like a server-rendered one
    expect([...a.pages!.keys()]).toContain('http://spa.test/gioi-thieu');
    expect(analyseEmcTag(home, a.scripts!, EMC_HOSTS)).toMatchObject({ kind: 'found', siteId: '40001' });
    const t = a.render!.timings!;
    expect(t.requests).toBeGreaterThanOrEqual(2);
    expect(t.bytes).toBeGreaterThan(SPA_HOME.length);
    expect(t.fcpMs).toBeGreaterThanOrEqual(0);
    expect(typeof t.withinThresholds).toBe('boolean');
    const jpeg = a.render!.screenshot!;
    expect(jpeg.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
  });

  it('finds an EMC code injected by a tag manager only when rendered', async () => {
    const { artifacts: a, crawl: summary } = await crawl(ctx, 'gtm-site.test');
    expect(summary.rendered).toEqual({ why: 'script-emc' });
    expect(analyseEmcTag(a.home!, a.scripts!, EMC_HOSTS)).toMatchObject({ kind: 'found', siteId: '40002' });
    const { artifacts: plain } = await crawlUnit(await neverCtx(), unit('gtm-site.test'), NEEDS);
    expect(plain.render).toBeUndefined();
    expect(analyseEmcTag(plain.home!, plain.scripts!, EMC_HOSTS).kind).toBe('none');
  });

  it('renders a menu built by an inline script, and never a plain server-rendered page', async () => {
    const { artifacts: menu, crawl: summary } = await crawl(ctx, 'menu.test');
    expect(summary.rendered).toEqual({ why: 'script-menu' });
    expect(navigationLinks(menu.home!.doc, menu.home!.finalUrl).map((l) => l.text)).toContain('Thủ tục hành chính');
    const { artifacts: plain, crawl: plainSummary } = await crawl(ctx, 'plain.test');
    expect(plain.render).toBeUndefined();
    expect(plainSummary.rendered).toBeUndefined();
  });

  it("refuses a rendered page's requests to a private address: none is ever made", async () => {
    const { artifacts: a } = await crawl(strict, 'leak.test');
    expect(a.render?.error).toBeUndefined();
    expect(a.home!.doc('body').attr('data-done')).toBe('1');
    const refused = a.render!.refused.filter((r) => r.url.startsWith('http://127.0.0.2:'));
    expect(refused.map((r) => new URL(r.url).pathname).sort()).toEqual(['/api', '/frame', '/leak.png']);
    for (const r of refused) expect(r.reason).toMatch(/private|non-public/);
    expect(privateHits).toBe(0);
  });
});

describe('hostile pages end as render errors, and the run goes on', () => {
  it.each([
    ['loop.test', /never yielded|exceeded|Timeout/i],
    ['hungry.test', /crash|memory|never yielded|exceeded|Timeout/i],
    ['flood.test', /more than 60 requests/],
  ])(
    '%s',
    async (host, reason) => {
      const { artifacts: a, crawl: summary } = await crawl(strict, host);
      expect(summary.rendered?.why).toBe('always');
      expect(summary.rendered?.error).toMatch(reason);
      // the home page's rules cannot judge either view: no home artifact, so they are `error` with this reason
      expect(a.home).toBeUndefined();
      expect(a.homeFetch.ok).toBe(true);
    },
    30_000,
  );

  it('the browser still renders after them', async () => {
    const { crawl: summary } = await crawl(strict, 'plain.test');
    expect(summary.rendered).toEqual({ why: 'always' });
  });
});

describe('without a browser', () => {
  it('says so once and judges the static HTML', async () => {
    const warnings: string[] = [];
    const logger = { debug: () => undefined, warn: (_: object, msg?: string) => void warnings.push(msg ?? '') };
    const none = await context({
      connectTo: ctx.options.connectTo,
      render: 'always',
      browserPath: '/nonexistent/chrome',
      emcHosts: EMC_HOSTS,
      logger,
    });
    contexts.push(none);
    for (const host of ['spa.test', 'menu.test']) {
      const { artifacts: a, crawl: summary } = await crawl(none, host);
      expect(summary.rendered).toBeUndefined();
      expect(a.home?.staticText).toBeUndefined();
      expect(a.home?.text).toBe(pages[host]?.['/']);
    }
    expect(warnings).toEqual([expect.stringContaining('không khởi động được trình duyệt')]);
  });
});

let never: CrawlContext | undefined;
async function neverCtx(): Promise<CrawlContext> {
  if (!never) {
    never = await context({ connectTo: ctx.options.connectTo, render: 'never', emcHosts: EMC_HOSTS });
    contexts.push(never);
  }
  return never;
}
