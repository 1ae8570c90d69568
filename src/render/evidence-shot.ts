// Screenshots as evidence: the rendered home page's, and, for a no-malicious-content or redirect-offsite failure,
// one of the page that decided it (rendered for that alone when the crawl did not render it): the picture an
// inspector attaches to a report. Taken after judging and never changing a verdict.
import type { CrawlContext } from '../collect/crawl-context.js';
import type { Artifacts, FetchResult, FetchedPage } from '../model/artifacts.js';
import type { Finding, ScreenshotRef } from '../model/result.js';
import type { EvidenceStore } from '../store/evidence-store.js';

const SHOT_RULES = new Set(['no-malicious-content', 'redirect-offsite']);
const SHOT_WALL_MS = 20_000;

function htmlPage(a: Artifacts, url: string): FetchedPage | undefined {
  const all: (FetchResult | undefined)[] = [a.homeFetch, ...(a.pages?.values() ?? []), a.softRedirect?.target];
  for (const r of all) if (r?.ok && r.isHtml && r.text && (r.url === url || r.finalUrl === url)) return r;
  return undefined;
}

export async function keepScreenshots(
  ctx: CrawlContext,
  unitId: string,
  a: Artifacts,
  findings: Finding[],
  store: EvidenceStore,
): Promise<ScreenshotRef[]> {
  const out: ScreenshotRef[] = [];
  const home = a.homeFetch;
  if (a.render?.screenshot && home.ok) {
    const kept = await store.keepScreenshot(unitId, a.render.screenshot, home);
    out.push({ ...kept, url: a.render.url, view: 'desktop' });
  }
  if (out.length || !ctx.renderer || ctx.renderer.unavailable) return out;
  const decided = findings.find((f) => SHOT_RULES.has(f.rule) && f.status === 'fail');
  const page = decided && (decided.evidence.map((e) => htmlPage(a, e.url)).find(Boolean) ?? (home.ok && home.isHtml ? home : undefined));
  if (!page) return out;
  const signal = AbortSignal.timeout(SHOT_WALL_MS + 5_000);
  const shot = await ctx.renderer.render({ page, scope: { signal, remainingMs: () => SHOT_WALL_MS, robotsBlocked: [] }, screenshot: true });
  if (shot.ok && shot.screenshot) {
    const kept = await store.keepScreenshot(unitId, shot.screenshot, page);
    out.push({ ...kept, url: page.finalUrl, view: 'desktop' });
  }
  return out;
}
