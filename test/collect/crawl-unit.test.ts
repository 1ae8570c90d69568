import type http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CrawlContext } from '../../src/collect/crawl-context.js';
import { crawlUnit } from '../../src/collect/crawl-unit.js';
import type { ArtifactKey } from '../../src/model/artifacts.js';
import type { Unit } from '../../src/model/unit.js';
import { context, html, startServer, type TestServer } from './servers.js';

const ALL: ReadonlySet<ArtifactKey> = new Set<ArtifactKey>([
  'pages',
  'scripts',
  'feed',
  'httpProbe',
  'httpsProbe',
  'softRedirect',
  'searchbotHome',
]);
const servers: TestServer[] = [];
const contexts: CrawlContext[] = [];
const hits: string[] = [];
let connectTo: string[] = [];

const HOME = html(
  `
  <header><nav><ul>
    <li><a href="/gioi-thieu">Giới thiệu</a></li>
    <li><a href="/tin-tuc">Tin tức</a></li>
    <li><a href="/tin-tuc#top">Tin tức</a></li>
    <li><a href="/cong-khai">Công khai</a></li>
    <li><a href="https://www.thpt-x.hcm.edu.vn/lien-he">Liên hệ</a></li>
    <li><a href="https://other.edu.vn/">Sở</a></li>
    <li><a href="/files/ke-hoach.pdf">Kế hoạch</a></li>
    <li><a href="javascript:void(0)">Menu</a></li>
  </ul></nav></header>
  <article><p>Bài viết <a href="/bai-viet-1">đọc thêm</a></p></article>
  <script src="/js/app.js"></script><script src="/js/jquery.min.js"></script><script src="https://cdn.example.com/x.js"></script>`,
  '<link rel="alternate" type="application/rss+xml" href="/rss">',
);

const handler: http.RequestListener = (req, res) => {
  const host = (req.headers.host ?? '').replace(/:\d+$/, '');
  const secure = (req.socket as { encrypted?: boolean }).encrypted === true;
  const path = req.url ?? '/';
  hits.push(`${secure ? 'https' : 'http'}://${host}${path}`);
  const send = (status: number, body: string, type = 'text/html; charset=utf-8', extra: Record<string, string> = {}): void => {
    res.writeHead(status, { 'content-type': type, ...extra });
    res.end(body);
  };
  if (!secure) {
    if (host === 'serves.test') return send(200, html('plain http'));
    if (host === 'plain.test' && path === '/') return send(200, html('<p>http only</p>'));
    res.writeHead(301, { location: `https://${host}${path}` });
    return res.end();
  }
  if (host === 'plain.test') return send(200, html('<p>https twin</p>'));
  if (host === 'soft.test') return send(200, html('', '<meta http-equiv="refresh" content="0; url=https://betting.example.com/">'));
  if (host === 'script.test') return send(200, html('<script>\n  // moved\n  window.location.href = "/moi/";\n</script>'));
  if (host === 'broken.test') return send(500, html('lỗi'));
  if (host === 'pdf.test') return send(200, '%PDF-1.4', 'application/pdf');
  if (host === 'slow.test' && path === '/') return send(200, html('<nav><a href="/cham">Chậm</a><a href="/sau">Sau</a></nav>'));
  if (host === 'slow.test' && path === '/cham') {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.write('<html>');
    const t = setInterval(() => res.write(' '), 50);
    return void res.on('close', () => clearInterval(t));
  }
  if (host === 'robots.test' && path === '/robots.txt')
    return send(200, 'User-agent: edu-site-audit\nDisallow: /bi-mat\nCrawl-delay: 0\n', 'text/plain');
  if (host === 'robots.test' && path === '/') return send(200, html('<nav><a href="/bi-mat">Bí mật</a><a href="/mo">Mở</a></nav>'));
  if (path === '/') {
    const bot = /Googlebot/.test(req.headers['user-agent'] ?? '');
    return send(200, bot ? HOME.replace('</body>', '<div style="display:none">nhà cái</div></body>') : HOME);
  }
  if (path === '/cong-khai') return send(404, html('không có'));
  if (path === '/rss')
    return send(200, '<?xml version="1.0"?><rss><channel><item><title>Tin</title></item></channel></rss>', 'application/rss+xml');
  if (path === '/js/app.js') return send(200, 'var _govaq = [];', 'application/javascript');
  if (path.startsWith('/moi/')) return send(200, html('trang mới'));
  send(200, html(`<h1>${path}</h1>`));
};

const unit = (website: string | undefined, id = 'u1'): Unit => ({
  id,
  name: 'Trường THPT X',
  type: 'thpt',
  district: 'Quận 1',
  province: ['hcm'],
  website,
  source: { file: 'r.csv', row: 2 },
});

async function ctxWith(over: Parameters<typeof context>[0] = {}): Promise<CrawlContext> {
  const c = await context({ connectTo, ...over });
  contexts.push(c);
  return c;
}

beforeAll(async () => {
  const httpServer = await startServer(handler);
  const httpsServer = await startServer(handler, 'site');
  const closed = await startServer(handler);
  await closed.close();
  servers.push(httpServer, httpsServer);
  connectTo = [`only-https.test:80:127.0.0.1:${closed.port}`, `:443:127.0.0.1:${httpsServer.port}`, `:80:127.0.0.1:${httpServer.port}`];
});

afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close()));
  await Promise.all(servers.map((s) => s.close()));
});

describe('crawlUnit', () => {
  it('crawls a small site: home, nav pages, feed, scripts, http probe, searchbot', async () => {
    const ctx = await ctxWith();
    const { artifacts: a, crawl } = await crawlUnit(ctx, unit('http://thpt-x.hcm.edu.vn/'), ALL);
    expect(crawl.status).toBe('ok');
    expect(crawl.redirects).toEqual([{ url: 'http://thpt-x.hcm.edu.vn/', status: 301, location: 'https://thpt-x.hcm.edu.vn/' }]);
    expect(a.home?.finalUrl).toBe('https://thpt-x.hcm.edu.vn/');
    expect(a.tls).toMatchObject({ valid: true, host: 'thpt-x.hcm.edu.vn' });
    expect([...(a.pages?.keys() ?? [])].sort()).toEqual([
      'http://thpt-x.hcm.edu.vn/',
      'https://thpt-x.hcm.edu.vn/cong-khai',
      'https://thpt-x.hcm.edu.vn/gioi-thieu',
      'https://thpt-x.hcm.edu.vn/tin-tuc',
      'https://www.thpt-x.hcm.edu.vn/lien-he',
    ]);
    const congKhai = a.pages?.get('https://thpt-x.hcm.edu.vn/cong-khai');
    expect(congKhai?.ok && congKhai.status).toBe(404);
    expect([...(a.scripts?.keys() ?? [])]).toEqual(['https://thpt-x.hcm.edu.vn/js/app.js']);
    expect(a.feed?.ok && a.feed.text).toContain('<item>');
    expect(a.feed?.ok && a.feed.doc).toBeUndefined();
    expect(a.httpProbe).toMatchObject({ url: 'http://thpt-x.hcm.edu.vn/', outcome: 'redirects-to-https', status: 301 });
    expect(a.httpsProbe).toBeUndefined();
    expect(a.searchbotHome?.ok && a.searchbotHome.text).toContain('nhà cái');
    expect(a.home?.text).not.toContain('nhà cái');
    expect(a.softRedirect).toBeUndefined();
    expect(crawl.pages).toBeGreaterThanOrEqual(7);
    expect(hits).not.toContain('https://thpt-x.hcm.edu.vn/bai-viet-1');
    expect(hits.some((h) => h.endsWith('.pdf'))).toBe(false);
  });

  it('respects maxPages (home included)', async () => {
    const ctx = await ctxWith({ maxPages: 2 });
    const { artifacts } = await crawlUnit(ctx, unit('https://thpt-y.hcm.edu.vn/'), new Set<ArtifactKey>(['pages']));
    expect(artifacts.pages?.size).toBe(2);
  });

  it('collects pages and scripts only when asked and the home page gave HTML (absent, not empty, otherwise)', async () => {
    const ctx = await ctxWith();
    const notAsked = await crawlUnit(ctx, unit('https://thpt-y.hcm.edu.vn/'), new Set<ArtifactKey>(['robots']));
    expect(notAsked.artifacts.home).toBeDefined();
    expect(notAsked.artifacts.pages).toBeUndefined();
    expect(notAsked.artifacts.scripts).toBeUndefined();
    expect(notAsked.crawl.pages).toBe(1);
    const broken = await crawlUnit(ctx, unit('https://broken.test/'), ALL);
    expect(broken.artifacts.pages).toBeUndefined();
    expect(broken.artifacts.scripts).toBeUndefined();
    const asked = await crawlUnit(ctx, unit('https://thpt-y.hcm.edu.vn/'), new Set<ArtifactKey>(['pages', 'scripts']));
    expect(asked.artifacts.pages?.get('https://thpt-y.hcm.edu.vn/')).toBe(asked.artifacts.homeFetch);
    expect(asked.artifacts.scripts).toBeInstanceOf(Map);
  });

  it('classifies the http twin: serves-http and unreachable', async () => {
    const ctx = await ctxWith();
    const served = await crawlUnit(ctx, unit('https://serves.test/'), new Set<ArtifactKey>(['httpProbe']));
    expect(served.artifacts.httpProbe).toMatchObject({ outcome: 'serves-http', status: 200 });
    const closed = await crawlUnit(ctx, unit('https://only-https.test/'), new Set<ArtifactKey>(['httpProbe']));
    expect(closed.artifacts.httpProbe?.outcome).toBe('unreachable');
    expect(closed.artifacts.httpProbe?.detail).toMatch(/refused/);
  });

  it('probes the https twin of an http home page', async () => {
    const ctx = await ctxWith();
    const { artifacts } = await crawlUnit(ctx, unit('http://plain.test/'), new Set<ArtifactKey>(['httpsProbe', 'httpProbe']));
    expect(artifacts.home?.finalUrl).toBe('http://plain.test/');
    expect(artifacts.tls).toBeUndefined();
    expect(artifacts.httpProbe).toBeUndefined();
    expect(artifacts.httpsProbe?.ok && artifacts.httpsProbe.text).toContain('https twin');
  });

  it('follows a meta refresh and a location-only script one hop', async () => {
    const ctx = await ctxWith();
    const meta = await crawlUnit(ctx, unit('https://soft.test/'), new Set<ArtifactKey>(['softRedirect']));
    expect(meta.artifacts.softRedirect).toMatchObject({
      kind: 'meta-refresh',
      from: 'https://soft.test/',
      to: 'https://betting.example.com/',
    });
    expect(meta.artifacts.softRedirect?.target?.ok).toBe(true);
    const script = await crawlUnit(ctx, unit('https://script.test/'), new Set<ArtifactKey>(['softRedirect']));
    expect(script.artifacts.softRedirect).toMatchObject({ kind: 'script-location', to: 'https://script.test/moi/' });
  });

  it('maps the home page to crawl statuses', async () => {
    const ctx = await ctxWith();
    const none = await crawlUnit(ctx, unit(undefined), ALL);
    expect(none.crawl.status).toBe('no_website');
    expect(none.artifacts.homeFetch).toEqual({ ok: false, url: '', reason: 'invalid_url', detail: 'no website', redirects: [] });
    const broken = await crawlUnit(ctx, unit('https://broken.test/'), ALL);
    expect(broken.crawl).toMatchObject({ status: 'http_error', error: 'HTTP 500' });
    expect(broken.artifacts.home).toBeUndefined();
    expect((await crawlUnit(ctx, unit('https://pdf.test/'), ALL)).crawl.status).toBe('not_html');
    const refused = await crawlUnit(ctx, unit('http://only-https.test/'), ALL);
    expect(refused.crawl.status).toBe('refused');
  });

  it('ends fetches past the unit deadline as deadline', async () => {
    const ctx = await ctxWith({ unitDeadlineMs: 600, timeoutMs: 5_000, perHost: 1 });
    const { artifacts, crawl } = await crawlUnit(ctx, unit('https://slow.test/'), new Set<ArtifactKey>(['pages']));
    expect(crawl.status).toBe('ok');
    const slow = artifacts.pages?.get('https://slow.test/cham');
    expect(slow?.ok === false && slow.reason).toBe('deadline');
    const after = artifacts.pages?.get('https://slow.test/sau');
    expect(after?.ok === false && after.reason).toBe('deadline');
  });

  it('records robots-blocked pages', async () => {
    const ctx = await ctxWith({ ignoreRobots: false });
    const { artifacts } = await crawlUnit(ctx, unit('https://robots.test/'), new Set<ArtifactKey>(['pages']));
    const blocked = artifacts.pages?.get('https://robots.test/bi-mat');
    expect(blocked?.ok === false && blocked.reason).toBe('blocked_by_robots');
    expect(artifacts.pages?.get('https://robots.test/mo')?.ok).toBe(true);
    expect(artifacts.robots).toMatchObject({ url: 'https://robots.test/robots.txt', status: 200, blocked: ['https://robots.test/bi-mat'] });
  });
});
