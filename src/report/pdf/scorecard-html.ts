// The HTML of the PDF scorecards: one card per unit (an A4 page or two), printed by the browser (pdf-printer.ts).
// Everything is local: no script, a Content-Security-Policy that allows nothing but inline style and the run's own
// screenshot files, and every piece of website or registry text escaped.
import { existsSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding, UnitResult } from '../../model/result.js';
import type { Rule, Status } from '../../model/rule.js';
import type { RunView } from '../run-view.js';
import { escapeHtml as e } from '../sanitize.js';
import { STATUS_LABELS, STATUS_FILLS, crawlLabel, gradeLabel } from '../labels.js';
import { UNIT_TYPE_LABELS } from '../../model/unit.js';
import { displayDay } from '../../engine/basis.js';
import { gradeReasons } from '../grade-reason.js';
import { unitAlerts } from '../alerts.js';
import { findingText } from '../exemption-note.js';
import { fixList } from '../fix-list.js';
import { howToFix } from '../rule-docs.js';
import { plainWords } from '../plain-words.js';
import { scorecardText } from './scorecard-text.js';

export type ScorecardRun = Pick<RunView, 'run' | 'rules' | 'lang'>;

const ORDER: Record<Status, number> = { fail: 0, warn: 1, error: 2, exempt: 3, pass: 4, na: 5 };
const GRADE_CLASS: Record<string, string> = { Tốt: 'good', Khá: 'fair', Đạt: 'ok', 'Chưa đạt': 'bad', 'Chưa xác minh': 'unv' };
const EXCERPT_CHARS = 160;

const STYLE = `@page{size:A4;margin:10mm 10mm 14mm}*{box-sizing:border-box}
body{font-family:"DejaVu Sans","Liberation Sans",Arial,sans-serif;font-size:8pt;line-height:1.25;color:#111;margin:0}
.card{break-after:page}.card:last-child{break-after:auto}
.kicker{font-size:7pt;letter-spacing:.08em;color:#555}h1{font-size:14pt;margin:0 0 .3rem}
h2{font-size:9.5pt;margin:.5rem 0 .2rem;border-bottom:1px solid #999}
.head{display:flex;gap:4mm;align-items:flex-start}.head .meta{flex:1}.head figure{margin:0;width:62mm}
.head img{width:62mm;border:1px solid #999}.head figcaption{font-size:6.5pt;color:#555}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #bbb;padding:1px 3px;vertical-align:top;text-align:left}
.meta th{width:30mm;background:#f2f2f2;font-weight:normal}.meta td{word-break:break-all}
.verdict{display:flex;gap:3mm;align-items:center;margin:.3rem 0}.verdict .score{font-size:18pt;font-weight:bold}
.grade{font-size:12pt;font-weight:bold;padding:.5mm 3mm;border-radius:2mm}.good{background:#c6efce}.fair{background:#e2f0d9}
.ok{background:#ffeb9c}.bad{background:#ffc7ce}.unv{background:#ddebf7}.reason{margin:.2rem 0}
.alert{border:2px solid #c62828;background:#fff5f5;padding:1.5mm;margin:.3rem 0}.alert strong{color:#c62828}
.criteria{font-size:6.8pt;line-height:1.18;table-layout:fixed}.criteria th{background:#d9e1f2}.criteria tr{break-inside:avoid}
.criteria col.c{width:23%}.criteria col.s{width:10%}.criteria col.b{width:24%}.criteria .id{color:#666}
.ev{word-break:break-all;color:#444}
ol.fixes{columns:2;column-gap:5mm;margin:.2rem 0;padding-left:5mm;font-size:7pt;line-height:1.2}ol.fixes li{margin:0 0 .25rem;break-inside:avoid}
ol.fixes ul{margin:.05rem 0 0;padding-left:3mm}.small{font-size:7pt;color:#444}`;

const statusCell = (status: Status, lang: 'vi' | 'en'): string =>
  `<td style="background:#${STATUS_FILLS[status].slice(2)}">${e(STATUS_LABELS[lang][status])}</td>`;

const short = (s: string, n = EXCERPT_CHARS): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The run's screenshot of the unit's home page, as a file URL, only when it is a file inside the run directory. */
export function screenshotUrl(u: UnitResult, runDir: string): string | undefined {
  const shot = u.screenshots?.find((s) => s.view === 'desktop');
  if (!shot) return undefined;
  const file = resolve(runDir, shot.file);
  const inside = relative(resolve(runDir), file);
  if (!inside || inside.startsWith('..') || inside.startsWith(sep) || !existsSync(file)) return undefined;
  return pathToFileURL(file).href;
}

// the usual short forms of Vietnamese legal citations, so a criterion's basis fits its table cell
const SHORT_DOCS: [RegExp, string][] = [
  [/^Thông tư /, 'TT '],
  [/^Nghị định /, 'NĐ '],
  [/^Công văn /, 'CV '],
  [/^Quyết định /, 'QĐ '],
  [/^Luật /, 'Luật '],
];

/** "TT 22/2023/TT-BTTTT, Điều 4 khoản 6": document and provision, without the explanations in brackets. */
export function shortBasis(rule: Rule | undefined): string {
  return (rule?.meta.basis ?? [])
    .map((b) => {
      const doc = SHORT_DOCS.reduce((d, [re, to]) => d.replace(re, to), b.document);
      return `${doc}, ${b.provision.replace(/\s*\([^)]*\)/g, '')}`;
    })
    .join('; ');
}

/** The finding's message, and for what is not a pass the first piece of evidence (address, where, excerpt). */
function evidenceOf(f: Finding, byId: ReadonlyMap<string, Rule>, lang: 'vi' | 'en'): string {
  const decided = f.status === 'fail' || f.status === 'warn' || f.status === 'error';
  const lines = [`<div>${e(short(findingText(f, byId, lang), decided ? 150 : 80))}</div>`];
  const ev = decided ? f.evidence[0] : undefined;
  if (ev) {
    const excerpt = ev.excerpt ? ` · “${short(plainWords(ev.excerpt, lang), 70)}”` : '';
    lines.push(`<div class="ev">${e(short(ev.url, 70))}${ev.selector ? ` · ${e(short(ev.selector, 40))}` : ''}${e(excerpt)}</div>`);
  }
  return lines.join('');
}

/** One unit's card: who, when, the verdict and why, each criterion, what to fix and how. */
export function scorecardCard(u: UnitResult, view: ScorecardRun, runDir: string): string {
  const { lang } = view;
  const t = scorecardText[lang];
  const byId = new Map(view.rules.map((r) => [r.meta.id, r]));
  const rows: [string, string][] = [
    [t.id, u.id],
    [t.type, UNIT_TYPE_LABELS[u.type]?.[lang] ?? u.type],
    [t.district, u.district],
    [t.website, u.website ?? '—'],
  ];
  if (u.finalUrl && u.finalUrl !== u.website) rows.push([t.finalUrl, u.finalUrl]);
  rows.push(
    [t.auditDate, displayDay(view.run.now, lang)],
    [t.ruleSet, u.ruleSetVersion || view.run.ruleSetVersion],
    [t.crawl, `${crawlLabel(u, lang)}${u.crawl.error ? ` (${plainWords(u.crawl.error, lang)})` : ''}`],
  );
  const shot = screenshotUrl(u, runDir);
  const figure = shot ? `<figure><img src="${e(shot)}" alt="${e(t.screenshot)}"><figcaption>${e(t.screenshot)}</figcaption></figure>` : '';
  const reasons = gradeReasons(u, byId, lang);
  const reason = reasons.length ? reasons.join('. ') : t.byScore(Math.round(u.verified * 100));
  const alerts = unitAlerts(u, byId, lang)
    .map(
      (a) =>
        `<div class="alert"><strong>‼ ${e(a.problem)}</strong><div>${e(a.found)}</div><div class="small">${e(t.basis)}: ${e(a.basis)}</div></div>`,
    )
    .join('');
  const findings = [...u.findings].sort((a, b) => ORDER[a.status] - ORDER[b.status]);
  const criteria = findings
    .map((f) => {
      const rule = byId.get(f.rule);
      return `<tr><td>${e(rule?.meta.title[lang] ?? f.rule)} <span class="id">(${e(f.rule)})</span></td>${statusCell(f.status, lang)}<td>${e(shortBasis(rule))}</td><td>${evidenceOf(f, byId, lang)}</td></tr>`;
    })
    .join('');
  // what is wrong and the legal basis of each are in the table above; here how to fix it, the first few in more words
  const fixes = fixList(u, byId)
    .map(({ finding, rule }, i) => {
      const advice = howToFix(finding.rule)
        .slice(0, i < 5 ? 2 : 1)
        .map((a) => `<li>${e(short(a, 200))}</li>`)
        .join('');
      return `<li><strong>${e(rule?.meta.title[lang] ?? finding.rule)}</strong> (${e(STATUS_LABELS[lang][finding.status])})${advice ? `<ul>${advice}</ul>` : ''}</li>`;
    })
    .join('');
  return (
    `<section class="card"><div class="kicker">${e(t.kicker)}</div><h1>${e(u.name)}</h1>` +
    `<div class="head"><div class="meta"><table class="meta">${rows.map(([k, v]) => `<tr><th>${e(k)}</th><td>${e(v)}</td></tr>`).join('')}</table>` +
    `<div class="verdict"><span>${e(t.score)}</span><span class="score">${u.score ?? '—'}</span><span>${e(t.grade)}</span><span class="grade ${GRADE_CLASS[u.grade] ?? ''}">${e(gradeLabel(u.grade, lang))}</span></div>` +
    `<p class="reason"><strong>${e(t.reason)}:</strong> ${e(reason)}</p></div>${figure}</div>${alerts}` +
    `<h2>${e(t.criteria)}</h2><table class="criteria"><colgroup><col class="c"><col class="s"><col class="b"><col></colgroup><thead><tr><th>${e(t.criterion)}</th><th>${e(t.status)}</th><th>${e(t.basis)}</th><th>${e(t.evidence)}</th></tr></thead><tbody>${criteria}</tbody></table>` +
    `<h2>${e(t.fixes)} — ${e(t.howToFix)}</h2>${fixes ? `<ol class="fixes">${fixes}</ol>` : `<p>${e(t.noFixes)}</p>`}</section>`
  );
}

/** The document around the cards: its head (with a policy that lets nothing load but the run's screenshots). */
export const documentHead = (lang: 'vi' | 'en', title: string): string =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">` +
  `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src file:; style-src 'unsafe-inline'">` +
  `<title>${e(title)}</title><style>${STYLE}</style></head><body>`;

export const DOCUMENT_TAIL = '</body></html>\n';

/** The printed footer: who the pages are about and the page number (the browser's own template fields). */
export function footerTemplate(label: string, lang: 'vi' | 'en'): string {
  const t = scorecardText[lang];
  return (
    `<div style="font-family:'DejaVu Sans',Arial,sans-serif;font-size:7pt;width:100%;margin:0 10mm;display:flex;justify-content:space-between;color:#444">` +
    `<span>${e(label)}</span><span>${e(t.page)} <span class="pageNumber"></span>/<span class="totalPages"></span></span></div>`
  );
}
