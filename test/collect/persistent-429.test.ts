// A server that always answers 429 with Retry-After (issue 12 point 3): the unit is `blocked_by_waf` — its answer —
// never `timeout`, even when the retries its Retry-After asks for run into the unit deadline, and a neighbour crawled
// at the same time, on the same server, is judged as if alone. The deadline is tight on purpose: a retry left
// running past it would end the unit as `timeout`.
import type http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CrawlContext } from '../../src/collect/crawl-context.js';
import { crawlUnit } from '../../src/collect/crawl-unit.js';
import type { ArtifactKey } from '../../src/model/artifacts.js';
import type { Unit } from '../../src/model/unit.js';
import { context, html, startServer, type TestServer } from './servers.js';

const NEEDS: ReadonlySet<ArtifactKey> = new Set<ArtifactKey>(['pages']);
let server: TestServer;
const contexts: CrawlContext[] = [];
const hits = new Map<string, number>();

const handler: http.RequestListener = (req, res) => {
  const host = (req.headers.host ?? '').replace(/:\d+$/, '');
  const key = `${host}${req.url ?? '/'}`;
  hits.set(key, (hits.get(key) ?? 0) + 1);
  const wall = (retryAfter: string, delayMs: number): void =>
    void setTimeout(() => {
      res.writeHead(429, { 'content-type': 'text/html; charset=utf-8', 'retry-after': retryAfter });
      res.end(html('<h1>429 Too Many Requests</h1>'));
    }, delayMs);
  // answers at once, Retry-After 1 s
  if (host === 'wall.test') return wall('1', 0);
  // takes 1.5 s to say 429 with Retry-After 1 s: under a 3.5 s deadline the retry is sent at 2.5 s and its answer
  // would come at 4 s
  if (host === 'slow-wall.test') return wall('1', 1_500);
  // asks for longer than the unit has
  if (host === 'far-wall.test') return wall('120', 0);
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(html(req.url === '/' ? '<nav><a href="/gioi-thieu">Giới thiệu</a><a href="/tin-tuc">Tin tức</a></nav>' : '<p>Nội dung</p>'));
};

beforeAll(async () => {
  server = await startServer(handler);
});
afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close()));
  await server.close();
});

const unit = (host: string): Unit => ({
  id: host,
  name: host,
  type: 'thcs',
  district: 'Quận 1',
  province: ['hcm'],
  website: `http://${host}/`,
  source: { file: 'test', row: 2 },
});

async function crawlTogether(
  wallHost: string,
  unitDeadlineMs: number,
): Promise<{ wall: Awaited<ReturnType<typeof crawlUnit>>; neighbour: Awaited<ReturnType<typeof crawlUnit>> }> {
  const ctx = await context({ connectTo: [`::127.0.0.1:${server.port}`], unitDeadlineMs, timeoutMs: 10_000 });
  contexts.push(ctx);
  const [wall, neighbour] = await Promise.all([crawlUnit(ctx, unit(wallHost), NEEDS), crawlUnit(ctx, unit('truong.test'), NEEDS)]);
  return { wall, neighbour };
}

describe('a server that always answers 429 with Retry-After', () => {
  it('is blocked_by_waf after its retries, and the neighbour is crawled whole', async () => {
    const { wall, neighbour } = await crawlTogether('wall.test', 20_000);
    expect(wall.crawl.status).toBe('blocked_by_waf');
    expect(wall.crawl.error).toMatch(/HTTP 429/);
    expect(hits.get('wall.test/')).toBe(3); // the first answer and --retries 2
    expect(neighbour.crawl).toMatchObject({ status: 'ok', pages: 3 });
  }, 60_000);

  it('is blocked_by_waf, not timeout, when a retry it waited for runs into the unit deadline', async () => {
    const { wall, neighbour } = await crawlTogether('slow-wall.test', 3_500);
    expect(wall.crawl.status).toBe('blocked_by_waf');
    expect(wall.crawl.error).toMatch(/HTTP 429/);
    expect(hits.get('slow-wall.test/')).toBe(2); // the retry was sent; its answer would come after the deadline
    expect(neighbour.crawl).toMatchObject({ status: 'ok', pages: 3 });
  }, 60_000);

  it('does not wait for a Retry-After longer than the unit has left', async () => {
    const { wall, neighbour } = await crawlTogether('far-wall.test', 20_000);
    expect(wall.crawl.status).toBe('blocked_by_waf');
    expect(hits.get('far-wall.test/')).toBe(1);
    expect(neighbour.crawl).toMatchObject({ status: 'ok', pages: 3 });
  }, 60_000);
});
