// The floor the pipeline is compared with: fetch each unit's pages with undici.request, parse each once with cheerio
// in htmlparser2 mode, extract the title and the links, follow same-site links breadth-first up to --max-pages.
// Same limits as the audit's defaults (units at once, requests per host). Run as a child by bench/run.ts:
//   node dist-bench/bench/bare-loop.js '{"units":300,"port":P,"concurrency":32,"perHost":2,"maxPages":30,"deadlineMs":120000}'
import { load } from 'cheerio';
import pLimit from 'p-limit';
import { Agent, buildConnector, request } from 'undici';
import { hostFor } from './fleet/units.js';

export interface BareConfig {
  units: number;
  port: number;
  concurrency: number;
  perHost: number;
  maxPages: number;
  /** The loop stops by itself after this long, whatever is left. */
  deadlineMs: number;
}

export interface BareResult {
  pages: number;
  bytes: number;
  links: number;
  ms: number;
  timedOut: boolean;
}

const STATIC_FILE = /\.(pdf|docx?|xlsx?|png|jpe?g|gif|svg|ico|css|js|xml|zip|rar)$/i;

const config = JSON.parse(process.argv[2] ?? '{}') as BareConfig;
const connect = buildConnector({});
// Every host is routed to the fleet, as --connect-to does for the audit; Host stays the site's own.
const agent = new Agent({
  connections: config.perHost,
  connect: (opts, cb) => connect({ ...opts, hostname: '127.0.0.1', port: String(config.port) }, cb),
});
const deadline = Date.now() + config.deadlineMs;
const result: BareResult = { pages: 0, bytes: 0, links: 0, ms: 0, timedOut: false };

async function fetchPage(url: string): Promise<string[]> {
  const res = await request(url, { dispatcher: agent, headers: { 'user-agent': 'edu-audit-bench-floor' } });
  const html = await res.body.text();
  result.pages++;
  result.bytes += Buffer.byteLength(html);
  const $ = load(html, { xml: { xmlMode: false, decodeEntities: true, lowerCaseAttributeNames: true, lowerCaseTags: true } });
  void $('title').first().text();
  const out: string[] = [];
  $('a[href]').each((_, a) => {
    const href = a.type === 'tag' ? a.attribs.href : undefined;
    if (!href) return;
    try {
      const u = new URL(href, url);
      u.hash = '';
      out.push(u.href);
    } catch {
      // an unresolvable href is skipped, as the audit does
    }
  });
  result.links += out.length;
  return out;
}

async function crawl(host: string): Promise<void> {
  const limit = pLimit(config.perHost);
  const home = `http://${host}/`;
  const seen = new Set([home]);
  let level = [home];
  let budget = config.maxPages;
  while (level.length && budget > 0 && Date.now() < deadline) {
    const batch = level.slice(0, budget);
    budget -= batch.length;
    const found = await Promise.all(batch.map((u) => limit(() => fetchPage(u).catch(() => []))));
    level = [];
    for (const url of found.flat()) {
      if (seen.has(url) || !url.startsWith(`http://${host}/`) || STATIC_FILE.test(new URL(url).pathname)) continue;
      seen.add(url);
      level.push(url);
    }
  }
}

const started = performance.now();
const units = pLimit(config.concurrency);
await Promise.all(Array.from({ length: config.units }, (_, i) => units(() => (Date.now() < deadline ? crawl(hostFor(i)) : undefined))));
result.ms = performance.now() - started;
result.timedOut = Date.now() >= deadline;
await agent.close();
process.send?.(result);
