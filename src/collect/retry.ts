// Retries of one request: connection resets, 429 and 503 are worth another try (school hosts are often
// overloaded); other answers are final. Waits honour Retry-After, are capped, and never pass the unit deadline.
import type { CrawlContext, FetchPageOptions } from './crawl-types.js';
import { isResetError } from './errors.js';
import { AbortedError, attempt, type RawResponse } from './request.js';

const MAX_WAIT_MS = 30_000;
const BASE_BACKOFF_MS = 300;

/** Retry-After as milliseconds (delta seconds or an HTTP date), or undefined when absent or unreadable. */
export function retryAfterMs(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export function backoffMs(attemptNo: number, random = Math.random): number {
  const exp = BASE_BACKOFF_MS * 2 ** attemptNo;
  return Math.min(MAX_WAIT_MS, exp + Math.floor(random() * exp * 0.5));
}

const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new AbortedError('deadline', signal.reason));
    const t = setTimeout(done, ms);
    function done(): void {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }
    function onAbort(): void {
      clearTimeout(t);
      reject(new AbortedError('deadline', signal?.reason));
    }
    signal?.addEventListener('abort', onAbort, { once: true });
  });

export async function withRetries(
  ctx: CrawlContext,
  url: URL,
  opts: FetchPageOptions,
  isRedirect: (status: number) => boolean,
): Promise<RawResponse> {
  const retries = Math.max(0, opts.retries ?? ctx.options.retries);
  const remaining = (): number => opts.scope?.remainingMs() ?? Infinity;
  /** The last 429/503 answer: what the site said, kept when a retry of it fails (the unit deadline, a reset). */
  let refusal: RawResponse | undefined;
  for (let n = 0; ; n++) {
    let res: RawResponse | undefined;
    let error: unknown;
    try {
      res = await attempt(ctx, url, {
        userAgent: opts.userAgent ?? 'normal',
        maxBytes: opts.maxBytes ?? ctx.options.maxBytes,
        // HTML pages are judged on their first --max-bytes; scripts, feeds and robots.txt must be whole
        truncate: opts.truncate ?? opts.parse !== false,
        skipBodyFor: isRedirect,
        unitSignal: opts.scope?.signal,
      });
      if (isRedirect(res.status)) return res;
    } catch (e) {
      error = e;
    }
    // A server that kept saying 429 is a wall, not a timeout, even when the retry it asked for ran into the deadline.
    if (error && refusal) return refusal;
    const retryable = error ? isResetError(error) : res?.status === 429 || res?.status === 503;
    if (!retryable || n >= retries) {
      if (error) throw error;
      return res as RawResponse;
    }
    if (res) refusal = res;
    if (error) ctx.limits.noteWall(url.hostname, 'reset');
    const hinted = res ? retryAfterMs(res.headers['retry-after']) : undefined;
    const wait = Math.min(MAX_WAIT_MS, hinted ?? backoffMs(n));
    // A wait that would end past the unit deadline is pointless: keep the answer we have.
    if (wait >= remaining()) {
      if (error) throw error;
      return res as RawResponse;
    }
    ctx.options.logger?.debug({ url: url.href, attempt: n + 1, waitMs: wait, status: res?.status }, 'retrying');
    try {
      await sleep(wait, opts.scope?.signal);
    } catch (e) {
      if (refusal) return refusal;
      throw e;
    }
  }
}
