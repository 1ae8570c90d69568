// One request of a rendered page, fetched by the crawler instead of the browser: the same dispatcher (--connect-to
// routing, the private-address guard at connect time), host limits, robots.txt, timeouts and decoded-size cap as
// the crawler's own fetches. Redirects go back to the browser as they came, so each hop is intercepted and checked
// again. Refusals are returned as data, with the reason recorded in the render's facts.
import type { CrawlContext, UnitScope } from '../collect/crawl-context.js';
import { TooLargeError } from '../collect/decode.js';
import { PrivateAddressError } from '../collect/dispatcher.js';
import { failureReason } from '../collect/errors.js';
import { AbortedError, attempt } from '../collect/request.js';

export interface BrowserResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export interface Refusal {
  url: string;
  reason: string;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
// The body handed to the browser is already decoded, and its length is what we send.
const DROPPED_HEADERS = new Set([
  'content-encoding',
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'strict-transport-security',
  'alt-svc',
]);

/** The private-address guard's refusal, found through wrapping errors (undici and our AbortedError keep a cause). */
function privateRefusal(error: unknown): PrivateAddressError | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof PrivateAddressError) return e;
  }
  return undefined;
}

export async function fetchForBrowser(
  ctx: CrawlContext,
  rawUrl: string,
  scope: UnitScope,
  maxBytes: number,
): Promise<BrowserResponse | Refusal> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { url: rawUrl, reason: 'invalid URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { url: rawUrl, reason: `scheme ${url.protocol}` };
  url.hash = '';
  if (scope.signal.aborted) return { url: url.href, reason: 'unit deadline passed' };
  if (!ctx.options.ignoreRobots) {
    const robots = await ctx.robots.forUrl(url.href);
    if (!robots.isAllowed(url.href)) return { url: url.href, reason: `disallowed by ${robots.url}` };
  }
  if (ctx.limits.isGivenUp(url.hostname)) return { url: url.href, reason: `${url.hostname} walled repeated requests` };
  try {
    const raw = await attempt(ctx, url, { userAgent: 'normal', maxBytes, skipBodyFor: (s) => REDIRECTS.has(s), unitSignal: scope.signal });
    ctx.counters.bytes += raw.body.length;
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(raw.headers)) if (!DROPPED_HEADERS.has(k)) headers[k] = v;
    return { status: raw.status, headers, body: raw.body };
  } catch (error) {
    const guard = privateRefusal(error);
    if (guard) return { url: url.href, reason: `private address ${guard.address} refused` };
    if (error instanceof TooLargeError) return { url: url.href, reason: `too large: ${error.message}` };
    if (error instanceof AbortedError) return { url: url.href, reason: error.message };
    const { reason, detail } = failureReason(error);
    return { url: url.href, reason: `${reason}: ${detail}` };
  }
}

export const isRefusal = (r: BrowserResponse | Refusal): r is Refusal => 'reason' in r;
