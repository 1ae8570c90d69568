// report.html: one self-contained file (no network) a person reads in a browser: province summary, a bar chart of
// average scores per district (inline SVG), a sortable and filterable unit table, and each unit's findings with
// evidence links. Every piece of website text goes through escapeHtml; data for the script is JSON in a
// <script type="application/json"> block with `<` escaped, so a hostile title cannot close the tag.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { RunView } from '../run-view.js';
import { escapeHtml as e } from '../sanitize.js';
import { crawlLabel, STATUS_LABELS, gradeLabel } from '../labels.js';
import { blockingNote } from '../blocking-note.js';
import { GRADES, type DistrictSummary, type Finding, type UnitResult } from '../../model/result.js';
import { UNIT_TYPE_LABELS } from '../../model/unit.js';
import { HTML_SCRIPT, HTML_STYLE } from './assets.js';
import { htmlText } from './html-text.js';
import { rulesById } from '../localize.js';
import { displayDay } from '../../engine/basis.js';
import { findingText } from '../exemption-note.js';
import { PLATFORM_HEADERS, PlatformAggregator, platformRows } from '../../aggregate/by-platform.js';
import { collectAlerts, type Alert } from '../alerts.js';
import { plainWords } from '../plain-words.js';
import type { Reporter } from '../reporter.js';
import { join } from 'node:path';
import { linkableShots, shotWords } from '../screenshot-links.js';
import { PageLoadTally, pageLoadFigures, pageLoadWords } from '../page-load.js';

export const htmlReporter: Reporter = {
  async write(view, dir) {
    const file = join(dir, 'report.html');
    await writeHtmlReport(view, file);
    return [file];
  },
};

export async function writeHtmlReport(view: RunView, file: string): Promise<void> {
  const out = createWriteStream(file, 'utf8');
  const write = async (s: string): Promise<void> => {
    if (!out.write(s)) await once(out, 'drain');
  };
  const t = htmlText[view.lang];
  await write(
    `<!doctype html>\n<html lang="${view.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
  );
  await write(`<title>${e(t.title)} — ${e(view.run.now.slice(0, 10))}</title><style>${HTML_STYLE}</style></head><body>`);
  await write(
    `<header id="top"><h1>${e(t.title)}</h1><p>${e(t.auditDate)}: ${e(displayDay(view.run.now, view.lang))} · ${e(t.ruleSet)} ${e(view.run.ruleSetVersion)} · ${e(t.registry)}: ${e(view.run.registry.file)}</p></header>`,
  );
  const byId = rulesById(view.rules);
  await write(alertSection(await collectAlerts(view.units(), byId, view.lang), view));
  // one pass over the units for the province figures: platforms and page timings
  const byPlatform = new PlatformAggregator();
  const pageLoad = new PageLoadTally();
  for await (const u of view.units()) {
    byPlatform.add(u);
    pageLoad.add(u);
  }
  await write(summarySection(view, pageLoad));
  await write(chartSection(view.districts, t.chartTitle));
  await write(platformSection(view, byPlatform));
  await write(
    `<section><h2>${e(t.units)}</h2><div class="filters"><input id="q" type="search" placeholder="${e(t.filter)}" aria-label="${e(t.filter)}">`,
  );
  await write(
    `<select id="grade" aria-label="${e(t.grade)}"><option value="">${e(t.allGrades)}</option>${GRADES.map((g) => `<option>${e(gradeLabel(g, view.lang))}</option>`).join('')}</select></div>`,
  );
  await write(
    `<div class="scroll"><table id="units"><thead><tr>${[t.id, t.name, t.type, t.district, t.crawl, t.score, t.verified, t.grade].map((h, i) => `<th data-col="${i}" data-type="${i === 5 || i === 6 ? 'num' : 'text'}" tabindex="0">${e(h)}</th>`).join('')}</tr></thead><tbody>`,
  );
  for await (const u of view.units()) await write(unitRow(u, view));
  await write('</tbody></table></div></section>');
  await write(`<section><h2>${e(t.findings)}</h2>`);
  for await (const u of view.units()) await write(unitFindings(u, view, byId));
  await write(`</section><a class="top" href="#top">↑ ${e(t.backToTop)}</a><script>${HTML_SCRIPT}</script></body></html>\n`);
  out.end();
  await once(out, 'finish');
}

const href = (url: string | null): string =>
  url && /^https?:\/\//.test(url) ? `<a href="${e(url)}" rel="noopener noreferrer">${e(url)}</a>` : e(url ?? '—');

/** First on the page: the units failing a blocking rule, with both URLs, what was found and the legal basis. */
function alertSection(alerts: readonly Alert[], view: RunView): string {
  const t = htmlText[view.lang];
  if (!alerts.length) return `<section id="alerts" class="alerts none"><h2>${e(t.alerts)}</h2><p>${e(t.noAlerts)}</p></section>`;
  const rows = alerts
    .map(
      (a) =>
        `<tr><td>${e(a.unitId)}</td><td><a href="#u-${e(a.unitId)}">${e(a.name)}</a><div class="title">${e(a.district)}</div></td><td><strong>${e(a.problem)}</strong></td><td>${href(a.website)}</td><td>${href(a.finalUrl)}</td><td>${e(a.found)}</td><td>${e(a.basis)}</td></tr>`,
    )
    .join('');
  const head = [t.id, t.name, t.problem, t.website, t.finalUrl, t.found, t.basis].map((h) => `<th>${e(h)}</th>`).join('');
  return `<section id="alerts" class="alerts"><h2>${e(t.alerts)} (${new Set(alerts.map((a) => a.unitId)).size})</h2><div class="scroll"><table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></div></section>`;
}

function summarySection(view: RunView, pageLoad: PageLoadTally): string {
  const t = htmlText[view.lang];
  const rows = view.districts
    .map(
      (d) =>
        `<tr><td>${e(d.district)}</td><td>${d.units}</td><td>${d.reachable}</td><td>${d.averageScore ?? '—'}</td>${GRADES.map((g) => `<td>${d.grades[g]}</td>`).join('')}</tr>`,
    )
    .join('');
  const load = pageLoad.line(view.lang);
  const loadLine = load
    ? `<p id="page-load" class="load">${e(load)} <span class="title">${e(pageLoadWords(view.lang).note)}</span></p>`
    : '';
  return `<section><h2>${e(t.summary)}</h2><table class="summary"><thead><tr><th>${e(t.district)}</th><th>${e(t.unitCount)}</th><th>${e(t.reachable)}</th><th>${e(t.average)}</th>${GRADES.map((g) => `<th>${e(gradeLabel(g, view.lang))}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table>${loadLine}</section>`;
}

/** Units per platform: which vendor to call about how many units (platform names come from websites: escaped). */
function platformSection(view: RunView, byPlatform: PlatformAggregator): string {
  const h = PLATFORM_HEADERS[view.lang];
  const head = [h.platform, h.units, h.reachable, h.average, h.failing, h.unverified, h.topFails].map((x) => `<th>${e(x)}</th>`).join('');
  const rows = platformRows(byPlatform.summaries(), view.lang)
    .map((r) => `<tr>${r.map((c) => `<td>${e(String(c === '' ? '—' : c))}</td>`).join('')}</tr>`)
    .join('');
  return `<section id="platforms"><h2>${e(h.title)}</h2><table class="summary"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></section>`;
}

/** Horizontal bars of the average score per district, 0–100. */
function chartSection(districts: DistrictSummary[], title: string): string {
  const barH = 22;
  const labelW = 220;
  const width = 640;
  const height = districts.length * (barH + 6) + 10;
  const bars = districts
    .map((d, i) => {
      const y = 5 + i * (barH + 6);
      const score = d.averageScore ?? 0;
      const w = ((width - labelW - 50) * score) / 100;
      const colour = score >= 90 ? '#2e7d32' : score >= 75 ? '#689f38' : score >= 50 ? '#f9a825' : '#c62828';
      return `<g class="bar"><text x="${labelW - 8}" y="${y + barH * 0.7}" text-anchor="end">${e(d.district)}</text><rect x="${labelW}" y="${y}" width="${w.toFixed(1)}" height="${barH}" fill="${colour}"><title>${e(d.district)}: ${score}</title></rect><text x="${labelW + w + 6}" y="${y + barH * 0.7}">${d.averageScore ?? '—'}</text></g>`;
    })
    .join('');
  return `<section><h2>${e(title)}</h2><svg id="chart" preserveAspectRatio="xMinYMin meet" role="img" aria-label="${e(title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">${bars}</svg></section>`;
}

function unitRow(u: UnitResult, view: RunView): string {
  const grade = gradeLabel(u.grade, view.lang);
  const cells = [
    e(u.id),
    `<a href="#u-${e(u.id)}">${e(u.name)}</a>${u.title ? `<div class="title">${e(u.title)}</div>` : ''}`,
    e(UNIT_TYPE_LABELS[u.type]?.[view.lang] ?? u.type),
    e(u.district),
    e(crawlLabel(u, view.lang)),
    u.score === null ? '' : String(u.score),
    String(Math.round(u.verified * 100)),
    e(grade) + (u.blocking ? `<div class="blocking">${e(blockingNote(u, view.rules, view.lang) ?? '')}</div>` : ''),
  ];
  return `<tr data-grade="${e(grade)}">${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
}

/** What to fix first: failed, then partial, then unverified, then exempt. */
const ORDER: Record<Finding['status'], number> = { fail: 0, warn: 1, error: 2, exempt: 3, pass: 4, na: 5 };

function unitFindings(u: UnitResult, view: RunView, byId: ReturnType<typeof rulesById>): string {
  const t = htmlText[view.lang];
  const shown = u.findings.filter((f) => f.status !== 'pass' && f.status !== 'na').sort((a, b) => ORDER[a.status] - ORDER[b.status]);
  const passed = u.findings.filter((f) => f.status === 'pass');
  const items = shown
    .map((f) => {
      const ev = f.evidence
        .map(
          (x) =>
            `<li>${/^https?:\/\//.test(x.url) ? `<a href="${e(x.url)}" rel="noopener noreferrer">${e(x.url)}</a>` : e(x.url)}${x.selector ? ` <code>${e(x.selector)}</code>` : ''}${x.excerpt ? ` <q>${e(plainWords(x.excerpt, view.lang))}</q>` : ''}</li>`,
        )
        .join('');
      return `<li class="s-${f.status}"><strong>${e(STATUS_LABELS[view.lang][f.status])}</strong> <code>${e(f.rule)}</code> ${e(findingText(f, byId, view.lang))}${ev ? `<ul>${ev}</ul>` : ''}</li>`;
    })
    .join('');
  const site = u.finalUrl ?? u.website;
  // passes last and folded: what to fix comes first, and 50,000 units × 20 passes would swamp the page
  const ok = passed.length
    ? `<details class="passed"><summary>${e(STATUS_LABELS[view.lang].pass)}: ${passed.length}</summary>${e(passed.map((f) => byId.get(f.rule)?.meta.title[view.lang] ?? f.rule).join(' · '))}</details>`
    : '';
  return `<article id="u-${e(u.id)}"><h3>${e(u.name)} <small>${site ? e(site) : ''}</small></h3>${shots(u, view)}${timings(u, view)}${items ? `<ul class="findings">${items}</ul>` : `<p>${e(t.allPass)}</p>`}${ok}</article>`;
}

/** The rendered home page's load figures beside the national thresholds: facts, not scored. */
function timings(u: UnitResult, view: RunView): string {
  if (!u.timings) return '';
  const w = pageLoadWords(view.lang);
  const items = pageLoadFigures(u.timings, view.lang)
    .map((f) => {
      const mark = f.ok === undefined ? '' : ` <span class="${f.ok ? 'ok' : 'slow'}">${e(f.ok ? w.yes : w.no)}</span>`;
      return `<li>${e(f.label)}: <strong>${e(f.value)}</strong>${f.threshold ? ` (${e(w.threshold)} ${e(f.threshold)})` : ''}${mark}</li>`;
    })
    .join('');
  const verdict =
    u.timings.withinThresholds === undefined
      ? ''
      : `<li>${e(w.within)}: <strong>${e(u.timings.withinThresholds ? w.yes : w.no)}</strong></li>`;
  return `<div class="load"><strong>${e(w.title)}</strong><ul>${items}${verdict}</ul></div>`;
}

/** A thumbnail per screenshot that opens the full-size JPEG: a link relative to the run directory, which holds report.html. */
function shots(u: UnitResult, view: RunView): string {
  const w = shotWords(view.lang);
  return linkableShots(u)
    .map((s) => {
      const file = e(s.file);
      return `<figure class="shot"><a href="${file}" target="_blank" rel="noopener"><img src="${file}" alt="${e(w.alt(u.name, displayDay(u.auditedAt, view.lang)))}" width="320" height="200" loading="lazy"></a><figcaption>${e(w.desktop)} · ${e(w.open)}</figcaption></figure>`;
    })
    .join('');
}
