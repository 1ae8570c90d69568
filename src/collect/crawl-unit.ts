// One unit's crawl: the home page, then only the artifacts the selected rules need, all under one deadline.
// Site behaviour never throws: every outcome ends up in Artifacts and the CrawlSummary.
import type { CheerioAPI } from 'cheerio';
import pLimit from 'p-limit';
import type { ArtifactKey, Artifacts, CrawlStatus, FetchResult, FetchedPage } from '../model/artifacts.js';
import type { CrawlSummary } from '../model/result.js';
import type { Unit } from '../model/unit.js';
import type { CrawlContext, UnitScope } from './crawl-context.js';
import { fetchPage } from './fetch-page.js';
import { fairDeadline } from './loop-clock.js';
import {
  directoryTargets,
  feedTarget,
  followsSection,
  oneHopTargets,
  prioritizedNavigationTargets,
  scriptTargets,
  stylesheetTargets,
} from './page-targets.js';
import { probeHttp, probeHttps } from './probes.js';
import { findSoftRedirect } from './soft-redirect.js';
import type { PageTicket } from './page-memory.js';
import { renderHome } from '../render/render-home.js';

const SCRIPT_MAX_BYTES = 1024 * 1024;
/** One-hop pages fetched per followed section page (its newest items are listed first on every platform seen). */
const ONE_HOP_PER_SECTION = 8;
/** Fetches of one unit in flight at once; the per-host limit is what really governs. */
const UNIT_CONCURRENCY = 4;

type HtmlHome = FetchedPage & { doc: CheerioAPI };

/** The unit's crawl status from its home fetch (docs/results.md, "crawl.status"). */
export function homeStatus(f: FetchResult): { status: CrawlStatus; error?: string } {
  if (!f.ok) {
    switch (f.reason) {
      // A dropped connection is the closest to a refusal; an oversized home page did answer, but not usably.
      case 'network':
        return { status: 'refused', error: f.detail };
      case 'too_large':
        return { status: 'http_error', error: f.detail };
      case 'deadline':
        return { status: 'timeout', error: f.detail };
      // the site answered with HTML; only our analysis budget stopped short of it (its findings say so)
      case 'too_complex':
        return { status: 'ok', error: f.detail };
      case 'internal':
        return { status: 'internal_error', error: f.detail };
      default:
        return { status: f.reason, error: f.detail };
    }
  }
  if (f.status >= 200 && f.status < 300) {
    return f.isHtml ? { status: 'ok' } : { status: 'not_html', error: `Content-Type: ${f.contentType || '(none)'}` };
  }
  return { status: 'http_error', error: `HTTP ${f.status}` };
}

function isHtmlHome(f: FetchResult): f is HtmlHome {
  return f.ok && f.status >= 200 && f.status < 300 && f.isHtml && f.doc !== undefined;
}

export async function crawlUnit(
  ctx: CrawlContext,
  unit: Unit,
  needs: ReadonlySet<ArtifactKey>,
  memory?: PageTicket,
): Promise<{ artifacts: Artifacts; crawl: CrawlSummary }> {
  const started = Date.now();
  if (!unit.website) {
    const homeFetch: FetchResult = { ok: false, url: '', reason: 'invalid_url', detail: 'no website', redirects: [] };
    return { artifacts: { unit, homeFetch }, crawl: { status: 'no_website', pages: 0, durationMs: 0, error: 'no website' } };
  }
  // the unit deadline counts only time this process could run, like the request timeouts (loop-clock.ts)
  const deadline = fairDeadline(ctx.options.unitDeadlineMs, 'unit deadline');
  const scope: UnitScope = { signal: deadline.signal, remainingMs: deadline.remainingMs, robotsBlocked: [], ...(memory ? { memory } : {}) };
  try {
    const homeFetch = await fetchPage(ctx, unit.website, { scope });
    const artifacts: Artifacts = { unit, homeFetch };
    if (homeFetch.ok && homeFetch.finalUrl.startsWith('https:') && homeFetch.tls) artifacts.tls = homeFetch.tls;
    if (!homeFetch.ok && homeFetch.tls) artifacts.tls = homeFetch.tls;
    if (isHtmlHome(homeFetch)) {
      artifacts.home = homeFetch;
      // before the extras: navigation targets and script files come from what a visitor's browser shows
      await renderHome(ctx, artifacts, homeFetch, scope);
    }
    if (homeFetch.ok) await collectExtras(ctx, artifacts, homeFetch, needs, scope);
    if (!ctx.options.ignoreRobots) {
      const robots = await ctx.robots.forUrl(homeFetch.ok ? homeFetch.finalUrl : unit.website).catch(() => undefined);
      // The same array keeps receiving URLs blocked later in this unit, so the facts are complete at the end.
      if (robots)
        artifacts.robots = {
          url: robots.url,
          state: robots.state,
          status: robots.status,
          crawlDelaySec: robots.crawlDelaySec,
          blocked: scope.robotsBlocked,
        };
    }
    const { status, error } = homeStatus(homeFetch);
    const crawl: CrawlSummary = {
      status,
      pages: countFetched(artifacts),
      durationMs: Date.now() - started,
      ...(error ? { error } : {}),
      ...(artifacts.robots?.state ? { robots: artifacts.robots.state } : {}),
      redirects: homeFetch.redirects,
      ...(artifacts.render
        ? { rendered: { why: artifacts.render.why, ...(artifacts.render.error ? { error: artifacts.render.error } : {}) } }
        : {}),
    };
    return { artifacts, crawl };
  } finally {
    deadline.clear();
    // pages first read by the rules are parsed while the unit is judged, one unit at a time: the share counts
    // what a unit holds while it waits on the network (page-body.ts)
    delete scope.memory;
  }
}

/** What the crawler reads of the home page, read at once: no parse is held across a wait (page-memory.ts). */
interface HomeTargets {
  soft?: Omit<NonNullable<Artifacts['softRedirect']>, 'target'>;
  nav?: { url: string; text: string; priority: boolean }[];
  directory: string[];
  scripts?: string[];
  stylesheets?: string[];
  feed?: string;
}

function homeTargets(ctx: CrawlContext, doc: CheerioAPI, home: FetchedPage, needs: ReadonlySet<ArtifactKey>): HomeTargets {
  const base = home.finalUrl;
  const targeting = ctx.options.targeting;
  const nav = needs.has('pages');
  return {
    ...(needs.has('softRedirect') ? { soft: findSoftRedirect(doc, base) } : {}),
    ...(nav ? { nav: prioritizedNavigationTargets(doc, base, [home.url, base], targeting) } : {}),
    directory: nav ? directoryTargets(doc, base, targeting) : [],
    ...(needs.has('scripts') ? { scripts: scriptTargets(doc, base) } : {}),
    ...(needs.has('stylesheets') ? { stylesheets: stylesheetTargets(doc, base) } : {}),
    ...(needs.has('feed') ? { feed: feedTarget(doc, base) } : {}),
  };
}

async function collectExtras(
  ctx: CrawlContext,
  a: Artifacts,
  home: FetchedPage,
  needs: ReadonlySet<ArtifactKey>,
  scope: UnitScope,
): Promise<void> {
  const limit = pLimit(UNIT_CONCURRENCY);
  const tasks: Promise<unknown>[] = [];
  const finalUrl = home.finalUrl;
  const https = finalUrl.startsWith('https:');
  const targets = a.home ? homeTargets(ctx, a.home.doc, home, needs) : undefined;
  if (needs.has('httpProbe') && https) tasks.push(limit(async () => void (a.httpProbe = await probeHttp(ctx, finalUrl, scope))));
  if (needs.has('httpsProbe') && !https) tasks.push(limit(async () => void (a.httpsProbe = await probeHttps(ctx, finalUrl, scope))));
  if (needs.has('searchbotHome')) {
    tasks.push(limit(async () => void (a.searchbotHome = await fetchPage(ctx, home.url, { scope, userAgent: 'searchbot' }))));
  }
  if (targets) {
    const soft = targets.soft;
    if (soft) tasks.push(limit(async () => void (a.softRedirect = { ...soft, target: await fetchPage(ctx, soft.to, { scope }) })));
    // `pages` and `scripts` exist only when collected (see Artifacts); the home page is the first of the pages.
    if (targets.nav) {
      const pages = (a.pages = new Map<string, FetchResult>([[home.url || a.unit.website || '', home]]));
      tasks.push(collectPages(ctx, pages, targets.nav, targets.directory, scope, limit));
    }
    const files = (list: string[], into: Map<string, FetchResult>): void => {
      const maxBytes = Math.min(SCRIPT_MAX_BYTES, ctx.options.maxBytes);
      for (const s of list) tasks.push(limit(async () => void into.set(s, await fetchPage(ctx, s, { scope, parse: false, maxBytes }))));
    };
    if (targets.scripts) files(targets.scripts, (a.scripts = new Map<string, FetchResult>()));
    if (targets.stylesheets) files(targets.stylesheets, (a.stylesheets = new Map<string, FetchResult>()));
    const feed = targets.feed;
    if (feed) tasks.push(limit(async () => void (a.feed = await fetchPage(ctx, feed, { scope, parse: false }))));
  }
  await Promise.all(tasks);
}

/**
 * Spends the page budget (--max-pages, home included) in order: menu entries naming a section, link-directory
 * pages, one hop from the sections that need it (introduction, công khai), then the remaining menu entries.
 */
async function collectPages(
  ctx: CrawlContext,
  pages: Map<string, FetchResult>,
  nav: { url: string; text: string; priority: boolean }[],
  directory: string[],
  scope: UnitScope,
  limit: ReturnType<typeof pLimit>,
): Promise<void> {
  const targeting = ctx.options.targeting;
  let budget = Math.max(0, ctx.options.maxPages - 1);
  const fetchAll = async (urls: string[]): Promise<void> => {
    // two sections often link the same article: fetch it once
    const todo = [...new Set(urls)].filter((u) => !pages.has(u)).slice(0, budget);
    budget -= todo.length;
    for (const u of todo) pages.set(u, { ok: false, url: u, reason: 'deadline', detail: 'pending', redirects: [] });
    await Promise.all(todo.map((u) => limit(async () => void pages.set(u, await fetchPage(ctx, u, { scope })))));
  };
  await fetchAll([...nav.filter((t) => t.priority).map((t) => t.url), ...directory]);
  const hops: string[] = [];
  for (const t of nav) {
    const page = pages.get(t.url);
    if (!t.priority || !followsSection(t.text, targeting) || !page?.ok || !page.doc) continue;
    hops.push(...oneHopTargets(page.doc, page.finalUrl).slice(0, ONE_HOP_PER_SECTION));
  }
  await fetchAll(hops);
  await fetchAll(nav.filter((t) => !t.priority).map((t) => t.url));
}

function countFetched(a: Artifacts): number {
  let n = 0;
  const add = (r: FetchResult | undefined): void => void (r?.ok && n++);
  // the home page is also the first entry of `pages` when those were collected
  if (!a.pages) add(a.homeFetch);
  a.pages?.forEach(add);
  a.scripts?.forEach(add);
  a.stylesheets?.forEach(add);
  add(a.feed);
  add(a.searchbotHome);
  add(a.httpsProbe);
  add(a.softRedirect?.target);
  return n;
}
