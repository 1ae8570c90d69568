// Renders home pages in one headless browser per crawl context, launched on first need: a small pool of browser
// contexts (one per unit, closed after it), every request routed through the crawler (route-request.ts), and caps
// on requests, bytes and wall time so a hostile page ends as a render error, never a stalled run (docs/rendering.md).
import { setMaxListeners } from 'node:events';
import pLimit from 'p-limit';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import type { CrawlContext, CrawlLogger, UnitScope } from '../collect/crawl-context.js';
import { PAGE_LOAD_THRESHOLDS as THRESHOLDS, type FetchedPage, type PageTimings } from '../model/artifacts.js';
import { findBrowser, launchBrowser } from './browser.js';
import { INIT_SCRIPT, TIMINGS_SCRIPT, type BrowserTimings } from './page-probe.js';
import { fetchForBrowser, isRefusal, type Refusal } from './route-request.js';
import { settle, withTimeout } from './settle.js';

export interface RendererOptions {
  /** --browser: a system Chrome/Chromium instead of the npm-installed one. */
  browserPath?: string;
  /** Browser contexts rendering at once. */
  contexts: number;
  /** Wall time for one render, load, settling and screenshot included. */
  wallMs: number;
  maxRequests: number;
  /** Decoded bytes of all the requests of one render. */
  maxBytes: number;
  logger?: CrawlLogger;
}

export const DEFAULT_RENDER: Omit<RendererOptions, 'logger' | 'browserPath'> = {
  contexts: 2,
  wallMs: 20_000,
  maxRequests: 300,
  maxBytes: 20 * 1024 * 1024,
};

export interface RenderRequest {
  page: FetchedPage;
  scope: UnitScope;
  screenshot: boolean;
}

export type RenderOutcome =
  | { ok: true; html: string; timings: PageTimings; screenshot?: Buffer; refused: Refusal[] }
  | { ok: false; error: string; refused: Refusal[]; noBrowser?: true };

const VIEWPORT = { width: 1280, height: 800 };
const REFUSALS_KEPT = 20;

/** Counts what one render fetched and decides when it has had enough. */
class RenderBudget {
  requests = 0;
  bytes = 0;
  inFlight = 0;
  lastActivity = Date.now();
  over: string | undefined;
  readonly refused: Refusal[] = [];
  /** Rejects when a cap is passed, so the render ends then instead of refusing the rest one by one. */
  readonly exceeded: Promise<never>;
  private fail!: (e: Error) => void;
  constructor(private readonly opts: RendererOptions) {
    this.exceeded = new Promise<never>((_, reject) => (this.fail = reject));
    this.exceeded.catch(() => undefined);
  }

  private pass(why: string): void {
    this.over = why;
    this.fail(new Error(why));
  }

  refuse(r: Refusal): void {
    if (this.refused.length < REFUSALS_KEPT) this.refused.push(r);
  }
  admit(): boolean {
    if (this.over) return false;
    if (this.requests >= this.opts.maxRequests) this.pass(`more than ${this.opts.maxRequests} requests`);
    else this.requests++;
    return !this.over;
  }
  received(n: number): boolean {
    this.bytes += n;
    if (this.bytes > this.opts.maxBytes) this.pass(`more than ${this.opts.maxBytes} bytes`);
    return !this.over;
  }
}

export class Renderer {
  private browser: Promise<Browser | undefined> | undefined;
  private noBrowser: string | undefined;
  private readonly slots: ReturnType<typeof pLimit>;

  constructor(
    private readonly ctx: CrawlContext,
    private readonly opts: RendererOptions,
  ) {
    this.slots = pLimit(opts.contexts);
  }

  /** Why no browser could start, once one was needed and failed. */
  get unavailable(): string | undefined {
    return this.noBrowser;
  }

  private start(): Promise<Browser | undefined> {
    this.browser ??= (async () => {
      const found = await findBrowser(this.opts.browserPath);
      try {
        if ('error' in found) throw new Error(found.error);
        const browser = await launchBrowser(found.path);
        this.opts.logger?.debug({ browser: found.path, source: found.source, version: browser.version() }, 'browser started');
        return browser;
      } catch (error) {
        this.noBrowser = error instanceof Error ? error.message.split('\n')[0] : String(error);
        // said once per run, in the audit's own words; the units go on statically
        this.opts.logger?.warn(
          { reason: this.noBrowser },
          'không khởi động được trình duyệt, trang được kiểm tra như HTML tĩnh / no browser could start, pages are judged from their static HTML',
        );
        return undefined;
      }
    })();
    return this.browser;
  }

  render(req: RenderRequest): Promise<RenderOutcome> {
    return this.slots(async () => {
      const browser = await this.start();
      if (!browser) return { ok: false, error: `no browser: ${this.noBrowser}`, refused: [], noBrowser: true };
      const budget = new RenderBudget(this.opts);
      // every intercepted request listens on the unit's signal while it is in flight
      setMaxListeners(Math.max(50, this.opts.maxRequests), req.scope.signal);
      const wallMs = Math.max(1_000, Math.min(this.opts.wallMs, req.scope.remainingMs()));
      let context: BrowserContext | undefined;
      try {
        context = await browser.newContext({
          viewport: VIEWPORT,
          serviceWorkers: 'block',
          acceptDownloads: false,
          locale: 'vi-VN',
          timezoneId: 'Asia/Ho_Chi_Minh',
          userAgent: `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${browser.version().split('.')[0]}.0.0.0 Safari/537.36 ${this.ctx.options.userAgent}`,
        });
        const work = this.renderIn(context, req, budget, wallMs);
        work.catch(() => undefined);
        return await withTimeout(
          Promise.race([work, budget.exceeded]),
          wallMs + 5_000,
          `render exceeded ${wallMs} ms (a script that never yields?)`,
        );
      } catch (error) {
        const message = error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);
        return { ok: false, error: budget.over ?? message, refused: budget.refused };
      } finally {
        // closing the context kills its renderer, a looping one included; a hung close must not hold the unit
        if (context) await withTimeout(context.close(), 5_000, 'close').catch(() => undefined);
      }
    });
  }

  private async renderIn(context: BrowserContext, req: RenderRequest, budget: RenderBudget, wallMs: number): Promise<RenderOutcome> {
    const started = Date.now();
    const home = req.page;
    await context.addInitScript(INIT_SCRIPT);
    await context.routeWebSocket(
      () => true,
      (ws) => {
        budget.refuse({ url: ws.url(), reason: 'WebSocket refused' });
        return ws.close({ code: 1008, reason: 'refused' });
      },
    );
    const page = await context.newPage();
    let crashed = false;
    page.on('crash', () => void (crashed = true));
    page.on('dialog', (d) => void d.dismiss().catch(() => undefined));
    // popups and new windows: closed unseen
    context.on('page', (p) => {
      if (p !== page) {
        budget.refuse({ url: p.url(), reason: 'popup closed' });
        void p.close().catch(() => undefined);
      }
    });
    let documentServed = false;
    await context.route('**/*', (route) =>
      this.handle(route, page, home, req.scope, budget, () => {
        if (documentServed) return false;
        documentServed = true;
        return true;
      }),
    );
    const deadline = started + wallMs;
    let loadError: string | undefined;
    await page.goto(home.finalUrl, { waitUntil: 'load', timeout: wallMs }).catch((e: unknown) => {
      loadError = e instanceof Error ? e.message.split('\n')[0] : String(e);
    });
    if (crashed) throw new Error('the page crashed the renderer (out of memory?)');
    if (budget.over) throw new Error(budget.over);
    // network idle (500 ms without a request in flight) or the time cap, whichever comes first
    await settle(budget, Math.min(deadline, Date.now() + 8_000));
    if (crashed) throw new Error('the page crashed the renderer (out of memory?)');
    if (budget.over) throw new Error(budget.over);
    // a page whose scripts never yield answers nothing: that, not a half-loaded DOM, is the finding
    const html = await withTimeout(
      page.content(),
      Math.max(1_000, deadline - Date.now()),
      `the page's scripts never yielded${loadError ? ` (${loadError})` : ''}`,
    );
    const measured = await withTimeout(page.evaluate(TIMINGS_SCRIPT) as Promise<BrowserTimings>, 2_000, 'timings');
    const screenshot = req.screenshot
      ? await page.screenshot({ type: 'jpeg', quality: 55, timeout: Math.max(1_000, deadline - Date.now()) })
      : undefined;
    if (crashed) throw new Error('the page crashed the renderer (out of memory?)');
    return {
      ok: true,
      html: html.normalize('NFC'),
      timings: pageTimings(measured, home, budget),
      ...(screenshot ? { screenshot } : {}),
      refused: budget.refused,
    };
  }

  private async handle(
    route: Route,
    page: Page,
    home: FetchedPage,
    scope: UnitScope,
    budget: RenderBudget,
    firstDocument: () => boolean,
  ): Promise<void> {
    const request = route.request();
    const url = request.url();
    const abort = (reason: string): Promise<void> => {
      budget.refuse({ url, reason });
      return route.abort('blockedbyclient').catch(() => undefined);
    };
    const mainFrame = request.isNavigationRequest() && request.frame() === page.mainFrame();
    // the home document is the crawler's copy: each page is fetched once per run
    if (mainFrame && firstDocument()) {
      budget.admit();
      budget.received(Buffer.byteLength(home.text));
      await route.fulfill({ status: home.status, contentType: 'text/html; charset=utf-8', body: home.text }).catch(() => undefined);
      return;
    }
    // the rendered page stays the home page: navigating it elsewhere (a script redirect) is recorded, not followed
    if (mainFrame) return abort('navigation away from the home page');
    const method = request.method();
    if (method !== 'GET' && method !== 'HEAD') return abort(`${method} not sent`);
    if (!budget.admit()) return abort(budget.over ?? 'cap');
    budget.inFlight++;
    budget.lastActivity = Date.now();
    try {
      const left = Math.max(0, this.opts.maxBytes - budget.bytes);
      const res = await fetchForBrowser(this.ctx, url, scope, Math.min(this.ctx.options.maxBytes, left + 1));
      if (isRefusal(res)) return await abort(res.reason);
      if (!budget.received(res.body.length)) return await abort(budget.over ?? 'cap');
      await route.fulfill({ status: res.status, headers: res.headers, body: res.body }).catch(() => undefined);
    } finally {
      budget.inFlight--;
      budget.lastActivity = Date.now();
    }
  }

  async close(): Promise<void> {
    const browser = await this.browser?.catch(() => undefined);
    await browser?.close().catch(() => undefined);
  }
}

const round = (n: number | null): number | undefined => (n === null || !Number.isFinite(n) ? undefined : Math.round(n));

/**
 * The browser's figures plus the home document's own download time: the document was handed to the browser from
 * the crawler's copy at once, where a visitor waits for it first.
 */
function pageTimings(t: BrowserTimings, home: FetchedPage, budget: RenderBudget): PageTimings {
  const doc = home.timings.totalMs;
  const plus = (n: number | null): number | undefined => {
    const r = round(n);
    return r === undefined ? undefined : r + doc;
  };
  const out: PageTimings = { bytes: budget.bytes, requests: budget.requests };
  const fcp = plus(t.fcpMs);
  const lcp = plus(t.lcpMs);
  const load = plus(t.loadMs);
  if (fcp !== undefined) out.fcpMs = fcp;
  if (lcp !== undefined) out.lcpMs = lcp;
  if (load !== undefined) out.loadMs = load;
  if (fcp !== undefined && load !== undefined) {
    out.withinThresholds = fcp < THRESHOLDS.fcpMs && (lcp ?? fcp) < THRESHOLDS.lcpMs && load < THRESHOLDS.loadMs;
  }
  return out;
}
