// The render step of a unit's crawl: decides whether the home page is rendered (render-decision.ts), renders it,
// and makes the rendered DOM the home page the rules judge, parsed once. The static HTML is kept beside it
// (`staticText`): its comments still decide emc-tag's commented-out case.
import type { CrawlContext, UnitScope } from '../collect/crawl-context.js';
import { parseHtml } from '../collect/parse.js';
import type { Artifacts, FetchedPage } from '../model/artifacts.js';
import type { CheerioAPI } from 'cheerio';
import { planRender } from './render-decision.js';

export async function renderHome(
  ctx: CrawlContext,
  a: Artifacts,
  home: FetchedPage & { doc: CheerioAPI },
  scope: UnitScope,
): Promise<void> {
  const renderer = ctx.renderer;
  if (!renderer) return;
  const plan = planRender(home.doc, ctx.options.render ?? 'never', ctx.options.screenshots ?? false, ctx.options.emcHosts ?? []);
  if (!plan) return;
  const out = await renderer.render({ page: home, scope, screenshot: true });
  // no browser could start: said once by the renderer, and the unit is judged from its static HTML
  if (!out.ok && out.noBrowser) return;
  if (!out.ok) {
    a.render = { why: plan.why, url: home.finalUrl, judged: false, error: out.error, refused: out.refused };
    // what the rules would judge is unknown: the home page's rules become `error` with this reason (runner.ts)
    if (plan.judge) delete a.home;
    return;
  }
  a.render = {
    why: plan.why,
    url: home.finalUrl,
    judged: plan.judge,
    timings: out.timings,
    refused: out.refused,
    ...(out.screenshot ? { screenshot: out.screenshot } : {}),
  };
  if (!plan.judge) return;
  scope.memory?.hold(out.html.length);
  home.staticText = home.text;
  home.text = out.html;
  home.doc = parseHtml(out.html);
  // the rules now judge a browser's view: a script shell is judged like any page (src/engine/unit-verdict.ts)
  a.rendered = { why: plan.why };
}
