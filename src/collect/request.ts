// One HTTP GET attempt (no redirects, no retries) under a host slot and a hard deadline covering headers AND
// body: undici's bodyTimeout resets on every chunk, so a body that trickles forever needs our own signal.
import { request } from 'undici';
import type { CrawlContext } from './crawl-types.js';
import { readDecoded, readDecodedPrefix } from './decode.js';
import { fairTimeout } from './loop-clock.js';
import { setImmediate as pollFirst } from 'node:timers/promises';

export const SEARCHBOT_UA = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  /** The body was cut at maxBytes (only when the attempt asked to `truncate`). */
  truncated?: boolean;
  headersMs: number;
  totalMs: number;
}

export interface AttemptOptions {
  userAgent: 'normal' | 'searchbot';
  maxBytes: number;
  /** Keep the first maxBytes of a longer body instead of failing it as too large. */
  truncate?: boolean;
  /** Statuses whose body is discarded unread (redirects we follow). */
  skipBodyFor?: (status: number) => boolean;
  /** The unit deadline; when it fires the error is tagged `deadline`, when our timeout fires, `timeout`. */
  unitSignal?: AbortSignal;
}

export class AbortedError extends Error {
  constructor(
    readonly kind: 'timeout' | 'deadline',
    cause: unknown,
  ) {
    super(kind === 'timeout' ? 'request timed out (headers and body)' : 'unit deadline passed', { cause });
    this.name = 'AbortedError';
  }
}

function flatHeaders(h: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

export async function attempt(ctx: CrawlContext, url: URL, opts: AttemptOptions): Promise<RawResponse> {
  const timeout = new AbortController();
  const tag = (e: unknown): unknown =>
    opts.unitSignal?.aborted ? new AbortedError('deadline', e) : timeout.signal.aborted ? new AbortedError('timeout', e) : e;
  let release: () => void;
  try {
    release = await ctx.limits.acquire(url, opts.unitSignal);
  } catch (e) {
    throw tag(e);
  }
  // Sockets are read before one is reused: after a held loop (or a Retry-After wait) a keep-alive connection the
  // server closed meanwhile still has its close unread, and a request written on it fails as "other side closed".
  await pollFirst();
  // The request's own clock starts once it holds a slot: waiting behind a slow host is not its timeout. It counts
  // only time this process could run (loop-clock.ts): a neighbour's heavy page must not time this site out.
  const timer = fairTimeout(ctx.options.timeoutMs, () => timeout.abort(new Error('timeout')));
  const signal = opts.unitSignal ? AbortSignal.any([timeout.signal, opts.unitSignal]) : timeout.signal;
  const started = performance.now();
  try {
    const res = await request(url, {
      method: 'GET',
      dispatcher: ctx.dispatcher,
      signal,
      headers: {
        'user-agent': opts.userAgent === 'searchbot' ? SEARCHBOT_UA : ctx.options.userAgent,
        accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
        'accept-language': 'vi,en;q=0.8',
        'accept-encoding': 'gzip, deflate, br',
      },
    });
    const headersMs = Math.round(performance.now() - started);
    const headers = flatHeaders(res.headers);
    let body: Buffer = Buffer.alloc(0);
    let truncated = false;
    try {
      if (opts.skipBodyFor?.(res.statusCode)) await res.body.dump({ limit: 64 * 1024, signal });
      else if (opts.truncate) ({ bytes: body, truncated } = await readDecodedPrefix(res.body, headers['content-encoding'], opts.maxBytes));
      else body = await readDecoded(res.body, headers['content-encoding'], opts.maxBytes);
    } finally {
      // Destroys the connection when we stopped early (cap hit), so the rest is not downloaded.
      if (!res.body.destroyed) res.body.destroy();
    }
    return {
      status: res.statusCode,
      headers,
      body,
      ...(truncated ? { truncated } : {}),
      headersMs,
      totalMs: Math.round(performance.now() - started),
    };
  } catch (e) {
    throw tag(e);
  } finally {
    timer.clear();
    release();
  }
}
