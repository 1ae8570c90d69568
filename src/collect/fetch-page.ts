// fetchPage: one resource with manual redirects (every hop recorded and re-checked), retries, WAF detection,
// decoding and the one HTML parse. Site behaviour is returned as data (FetchFailure), never thrown.
import type { FetchFailure, FetchFailureReason, FetchResult, FetchedPage, RedirectHop } from '../model/artifacts.js';
import { decodeText } from './charset.js';
import type { CrawlContext, FetchPageOptions } from './crawl-types.js';
import { TooLargeError, UnsupportedEncodingError } from './decode.js';
import { failureReason } from './errors.js';
import { COMPACT_SHARE, compactHtmlPage } from './page-body.js';
import { MAX_PAGE_ELEMENTS, elementCount, mayExceedBudget, parseHtml } from './parse.js';
import { AbortedError, type RawResponse } from './request.js';
import { withRetries } from './retry.js';
import { isWall } from './waf.js';

export const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export type { FetchPageOptions } from './crawl-types.js';

const fail = (url: string, reason: FetchFailureReason, detail: string, redirects: RedirectHop[], status?: number): FetchFailure => ({
  ok: false,
  url,
  reason,
  detail,
  redirects,
  ...(status !== undefined ? { status } : {}),
});

function normalise(raw: string): URL | undefined {
  try {
    const u = new URL(raw);
    u.hash = '';
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : undefined;
  } catch {
    return undefined;
  }
}

function looksLikeHtml(body: Buffer): boolean {
  const head = body
    .subarray(0, 512)
    .toString('latin1')
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, '')
    .trimStart()
    .toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html');
}

function htmlFlag(mime: string, body: Buffer): boolean {
  if (mime === 'text/html' || mime === 'application/xhtml+xml') return true;
  return (mime === '' || mime === 'text/plain') && looksLikeHtml(body);
}

const TEXTUAL = /^(text\/|application\/(.*\+)?(xml|json|javascript|ecmascript)|application\/x-javascript|$)/;

/** The dispatcher keys TLS facts by server name: the host without IPv6 brackets. */
const tlsKey = (u: URL): string => u.hostname.toLowerCase().replace(/^\[|\]$/g, '');

function buildPage(
  ctx: CrawlContext,
  requested: string,
  final: URL,
  raw: RawResponse,
  redirects: RedirectHop[],
  opts: FetchPageOptions,
): FetchResult {
  const contentType = raw.headers['content-type'] ?? '';
  const mime = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  const isHtml = htmlFlag(mime, raw.body);
  // The <meta>/XML prescan only makes sense for markup; a script may contain "<meta charset" in a string.
  const decoded = isHtml || TEXTUAL.test(mime) ? decodeText(raw.body, contentType, isHtml || mime.includes('xml')) : undefined;
  // A cut can split a multi-byte character: its replacement character is our artefact, not the site's.
  const text = raw.truncated ? (decoded?.text ?? '').replace(/\uFFFD+$/, '') : (decoded?.text ?? '');
  const parse = isHtml && opts.parse !== false;
  // a page that may be past the element budget is parsed now: whether it is judged at all depends on its count
  const doc = parse && mayExceedBudget(text) ? parseFor(opts, text) : undefined;
  const elements = doc ? elementCount(doc) : 0;
  if (elements > MAX_PAGE_ELEMENTS) {
    const detail = `trang quá phức tạp để phân tích: ${elements} phần tử, quá ${MAX_PAGE_ELEMENTS} / page too complex to analyse: ${elements} elements, over ${MAX_PAGE_ELEMENTS}`;
    return fail(requested, 'too_complex', `${detail} (${final.href})`, redirects, raw.status);
  }
  ctx.counters.pages++;
  ctx.counters.bytes += raw.body.length;
  const tls = final.protocol === 'https:' ? ctx.tlsFacts.get(tlsKey(final)) : undefined;
  const page: Omit<FetchedPage, 'text' | 'doc'> = {
    ok: true,
    url: requested,
    finalUrl: final.href,
    status: raw.status,
    headers: raw.headers,
    redirects,
    contentType,
    isHtml,
    bytes: raw.body.length,
    ...(raw.truncated ? { truncated: true } : {}),
    charset: decoded?.charset,
    tls: tls ? { ...tls } : undefined,
    timings: { headersMs: raw.headersMs, totalMs: raw.totalMs },
    fetchedAt: new Date().toISOString(),
    userAgent: opts.userAgent ?? 'normal',
  };
  if (!parse || doc) return { ...page, text, doc };
  // held compact until the crawler or a rule first reads it (page-body.ts); the unit's share says so, until parsed
  const compact = Math.ceil(text.length * COMPACT_SHARE);
  opts.scope?.memory?.hold(compact);
  const held = compactHtmlPage(
    page,
    text,
    (chars, compactAgain) => opts.scope?.memory?.holdParse(chars - compact, compactAgain),
    decoded?.sameBytes && text === decoded.text ? raw.body : undefined,
  );
  // letters still to count are counted from the page's own text, not from a copy the charset facts would keep
  decoded?.relinkLetters?.(() => held.text);
  return held;
}

function parseFor(opts: FetchPageOptions, text: string): ReturnType<typeof parseHtml> {
  opts.scope?.memory?.hold(text.length);
  return parseHtml(text);
}

/** Failures carry the requested URL (the key callers index by); the hop that failed is named in the detail. */
function errorFailure(ctx: CrawlContext, requested: string, url: URL, err: unknown, redirects: RedirectHop[]): FetchFailure {
  const at = url.href === requested ? '' : ` (at ${url.href})`;
  if (err instanceof AbortedError) return fail(requested, err.kind, err.message + at, redirects);
  if (err instanceof TooLargeError) return fail(requested, 'too_large', err.message + at, redirects);
  if (err instanceof UnsupportedEncodingError) return fail(requested, 'network', err.message + at, redirects);
  const { reason, detail } = failureReason(err);
  const f = fail(requested, reason, detail + at, redirects);
  if (reason === 'tls_error') {
    const t = ctx.tlsFacts.get(tlsKey(url));
    if (t) f.tls = t;
  }
  return f;
}

/** Fetches a URL; every outcome (answer, redirect chain, failure) is returned as data. */
export async function fetchPage(ctx: CrawlContext, rawUrl: string, opts: FetchPageOptions = {}): Promise<FetchResult> {
  const start = normalise(rawUrl);
  if (!start) return fail(rawUrl, 'invalid_url', `not an http(s) URL: ${rawUrl}`, []);
  const requested = start.href;
  const redirects: RedirectHop[] = [];
  const seen = new Set<string>([requested]);
  const follow = opts.followRedirects !== false;
  let url = start;
  for (;;) {
    if (opts.scope?.signal.aborted) return fail(requested, 'deadline', 'unit deadline passed before this fetch', redirects);
    if (!opts.skipRobots && !ctx.options.ignoreRobots) {
      const robots = await ctx.robots.forUrl(url.href);
      if (!robots.isAllowed(url.href)) {
        opts.scope?.robotsBlocked.push(url.href);
        return fail(requested, 'blocked_by_robots', `${url.href} disallowed by ${robots.url}`, redirects);
      }
    }
    if (ctx.limits.isGivenUp(url.hostname)) {
      return fail(requested, 'blocked_by_waf', `${url.hostname} walled repeated requests; its remaining pages are skipped`, redirects);
    }
    const isRedirect = (s: number): boolean => follow && REDIRECT_STATUSES.has(s);
    let raw: RawResponse;
    try {
      raw = await withRetries(ctx, url, opts, isRedirect);
    } catch (err) {
      return errorFailure(ctx, requested, url, err, redirects);
    }
    const location = raw.headers.location;
    if (isRedirect(raw.status) && location) {
      const next = safeResolve(location, url);
      redirects.push({ url: url.href, status: raw.status, location: next?.href ?? location });
      if (!next) return fail(requested, 'invalid_url', `redirect to a non-http(s) URL: ${location}`, redirects, raw.status);
      if (seen.has(next.href)) return fail(requested, 'too_many_redirects', `redirect loop back to ${next.href}`, redirects, raw.status);
      if (redirects.length > MAX_REDIRECTS)
        return fail(requested, 'too_many_redirects', `more than ${MAX_REDIRECTS} redirects`, redirects, raw.status);
      seen.add(next.href);
      url = next;
      continue;
    }
    const wall = isWall(raw);
    if (wall) {
      ctx.limits.noteWall(url.hostname, 'wall');
      return fail(requested, 'blocked_by_waf', `${wall} at ${url.href}`, redirects, raw.status);
    }
    return buildPage(ctx, requested, url, raw, redirects, opts);
  }
}

function safeResolve(location: string, base: URL): URL | undefined {
  try {
    return normalise(new URL(location, base).href);
  } catch {
    return undefined;
  }
}
