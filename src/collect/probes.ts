// Transport probes for the https rule: does the http:// twin of an HTTPS home page redirect, serve, or refuse?
import type { FetchResult, HttpProbe } from '../model/artifacts.js';
import { stripWww } from '../util/hosts.js';
import type { CrawlContext, UnitScope } from './crawl-types.js';
import { fetchPage } from './fetch-page.js';

/** http:// hops on the same site followed before judging (http://a → http://www.a → https://www.a). */
const MAX_HTTP_HOPS = 3;

const siteOf = (u: URL): string => stripWww(u.hostname.toLowerCase());

export async function probeHttp(ctx: CrawlContext, finalHttpsUrl: string, scope: UnitScope): Promise<HttpProbe> {
  const twin = new URL(finalHttpsUrl);
  twin.protocol = 'http:';
  const url = twin.href;
  let current = twin;
  for (let hop = 0; hop <= MAX_HTTP_HOPS; hop++) {
    // robots is skipped: this is the same path the HTTPS fetch was allowed, asked once without following.
    const res = await fetchPage(ctx, current.href, { followRedirects: false, parse: false, scope, skipRobots: true, retries: 0 });
    if (!res.ok) return { url, outcome: 'unreachable', status: res.status, detail: `${res.reason}: ${res.detail}` };
    if (res.status >= 200 && res.status < 300) return { url, outcome: 'serves-http', status: res.status };
    const location = res.headers.location;
    if (res.status >= 300 && res.status < 400 && location) {
      let next: URL;
      try {
        next = new URL(location, current);
      } catch {
        return { url, outcome: 'redirects-elsewhere', status: res.status, location, detail: 'unreadable Location' };
      }
      const sameSite = siteOf(next) === siteOf(twin);
      if (next.protocol === 'https:' && sameSite) return { url, outcome: 'redirects-to-https', status: res.status, location: next.href };
      if (next.protocol === 'http:' && sameSite && hop < MAX_HTTP_HOPS) {
        current = next;
        continue;
      }
      return { url, outcome: 'redirects-elsewhere', status: res.status, location: next.href };
    }
    // An error answer on port 80 serves nothing of the site insecurely.
    return { url, outcome: 'unreachable', status: res.status, detail: `HTTP ${res.status}` };
  }
  return { url, outcome: 'redirects-elsewhere', detail: 'too many http:// redirects' };
}

/** https:// twin of an http:// home page (same host and path); may fail, which is the point. */
export function probeHttps(ctx: CrawlContext, finalHttpUrl: string, scope: UnitScope): Promise<FetchResult> {
  const twin = new URL(finalHttpUrl);
  twin.protocol = 'https:';
  // robots is skipped as for the http twin: the same path was allowed on the site's own scheme.
  return fetchPage(ctx, twin.href, { scope, retries: 0, skipRobots: true });
}
