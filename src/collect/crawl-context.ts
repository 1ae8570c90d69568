// The run-wide crawl state: one dispatcher, host limits, robots cache and TLS facts shared by every unit. The only
// module that wires fetchPage in (for robots.txt); the fetch modules import the types from crawl-types.ts.
import { readFile } from 'node:fs/promises';
import type { TlsFacts } from '../model/artifacts.js';
import { parseConnectToList } from './connect-to.js';
import { createDispatcher } from './dispatcher.js';
import { fetchPage } from './fetch-page.js';
import { HostLimits } from './host-limits.js';
import { RobotsCache } from './robots.js';
import { PageMemory } from './page-memory.js';
import { recentLoopLoad } from './limit-waits.js';
import { DEFAULT_RENDER, Renderer } from '../render/renderer.js';
import type { CrawlContext, CrawlOptions } from './crawl-types.js';

export type { CrawlContext, CrawlLogger, CrawlOptions, UnitScope } from './crawl-types.js';

/** An event loop busier than this over the last second has no time for parsing pages twice (page-memory.ts). */
const BUSY_LOOP = 0.9;

/** Builds the context; throws on bad --connect-to values or unreadable --ca files (bad usage, exit 2). */
export async function createCrawlContext(options: CrawlOptions): Promise<CrawlContext> {
  const connectTo = parseConnectToList(options.connectTo);
  const ca = await Promise.all(options.caFiles.map((f) => readFile(f, 'utf8')));
  for (const [i, pem] of ca.entries()) {
    if (!pem.includes('-----BEGIN CERTIFICATE-----')) throw new Error(`--ca ${options.caFiles[i]}: no PEM certificate in the file`);
  }
  const tlsFacts = new Map<string, TlsFacts>();
  const dispatcher = createDispatcher({
    connectTo,
    ca,
    allowPrivate: options.allowPrivate,
    connectTimeoutMs: Math.min(options.timeoutMs, 10_000),
    // The per-request signal (request.ts) is the real deadline, and it does not count time the event loop was held;
    // undici's own timers do, so they are only a far backstop against its 300 s defaults.
    headersTimeoutMs: Math.max(4 * options.timeoutMs, 120_000),
    bodyTimeoutMs: Math.max(4 * options.timeoutMs, 120_000),
    tlsFacts,
  });
  const limits = new HostLimits({ perHost: options.perHost, perIp: options.perIp, connectTo });
  const loopLoad = recentLoopLoad();
  const ctx: CrawlContext = {
    options,
    connectTo,
    dispatcher,
    limits,
    tlsFacts,
    memory: new PageMemory((options.pageMemoryMb ?? 12) * 1024 * 1024, () => loopLoad() >= BUSY_LOOP),
    counters: { pages: 0, bytes: 0 },
    robots: undefined as unknown as RobotsCache,
    close: async () => {
      await ctx.renderer?.close();
      await dispatcher.close();
    },
  };
  if ((options.render && options.render !== 'never') || options.screenshots) {
    ctx.renderer = new Renderer(ctx, {
      ...DEFAULT_RENDER,
      ...options.renderLimits,
      ...(options.browserPath ? { browserPath: options.browserPath } : {}),
      ...(options.logger ? { logger: options.logger } : {}),
    });
  }
  // robots.txt is not subject to robots and belongs to no unit, so no unit deadline bounds it.
  ctx.robots = new RobotsCache(
    // One retry at most: a robots.txt that keeps failing means "allow all", not a reason to hold the unit.
    (url) => fetchPage(ctx, url, { skipRobots: true, parse: false, maxBytes: 512 * 1024, retries: Math.min(1, options.retries) }),
    (host, sec) => limits.setCrawlDelay(host, sec),
  );
  return ctx;
}
