// The artifact archive keeps what a browser rendered (the rendered DOM as the home page, the static HTML beside it,
// the render facts, the screenshots), so `rejudge` gives a rendered unit the verdicts the audit gave it: a shell
// judged from its rendered DOM, a failed render still `error`, the timings restored.
import { describe, expect, it } from 'vitest';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RULES } from '../../rules/index.js';
import { makeArtifacts, makeContext } from '../../src/engine/rule-tester.js';
import { parseHtml } from '../../src/collect/parse.js';
import { judgeArtifacts } from '../../src/run/audit-unit.js';
import { listArchives, loadArtifacts, saveArtifacts } from '../../src/store/artifact-archive.js';
import { createLogger } from '../../src/log/logger.js';
import type { Artifacts } from '../../src/model/artifacts.js';
import type { CrawlSummary, ScreenshotRef, UnitResult } from '../../src/model/result.js';

const SHELL =
  '<!doctype html><html lang="vi"><head><title>Trường THCS Minh Đức</title></head><body><div id="app"></div><script src="/assets/app.js"></script></body></html>';
const RENDERED = `<!doctype html><html lang="vi"><head><title>Trường THCS Minh Đức</title></head><body><div id="app">
<nav id="main-menu"><a href="/gioi-thieu">Giới thiệu</a><a href="/tin-tuc">Tin tức</a><a href="/cong-khai">Công khai</a><a href="/lien-he">Liên hệ</a></nav>
<h1>Trường THCS Minh Đức</h1><ul class="news"><li><a href="/tin-tuc/1">Khai giảng năm học mới</a> <span>10/11/2026</span></li></ul>
<footer>Email: thcs-minhduc@hcm.edu.vn · Điện thoại 028 3822 0000 · <a href="https://pgdquan1.hcm.edu.vn/">Phòng GDĐT Quận 1</a></footer></div>
<script src="/assets/app.js"></script></body></html>`;
const TIMINGS = { fcpMs: 900, lcpMs: 1200, loadMs: 1500, bytes: 52_000, requests: 6, withinThresholds: true };
const SHOT: ScreenshotRef = {
  file: `evidence/${'a'.repeat(64)}.jpg`,
  sha256: 'a'.repeat(64),
  url: 'https://thcs-minhduc.hcm.edu.vn/',
  view: 'desktop',
};
const logger = createLogger('silent');
const judge = (artifacts: Artifacts, crawl: CrawlSummary): UnitResult =>
  judgeArtifacts({
    artifacts,
    crawl,
    rules: RULES,
    ruleCtx: makeContext({ now: new Date('2026-11-15T00:00:00Z') }),
    lang: 'vi',
    ruleSetVersion: 't',
    logger,
  });
const verdicts = (u: UnitResult): unknown => ({
  score: u.score,
  grade: u.grade,
  verified: u.verified,
  crawl: u.crawl,
  timings: u.timings,
  findings: u.findings.map((f) => [f.rule, f.status, f.message]),
});

function shell(): Artifacts {
  return makeArtifacts({
    html: SHELL,
    unit: { id: '79760204', type: 'thcs', website: 'https://thcs-minhduc.hcm.edu.vn/', parent: 'https://pgdquan1.hcm.edu.vn/' },
  });
}

async function roundTrip(a: Artifacts, crawl: CrawlSummary, shots?: ScreenshotRef[]): Promise<Awaited<ReturnType<typeof loadArtifacts>>> {
  const dir = await mkdtemp(join(tmpdir(), 'edu-archive-'));
  await saveArtifacts(dir, a, crawl, shots);
  const [file] = await listArchives(dir);
  return loadArtifacts(file!);
}

describe('the artifact archive of a rendered unit', () => {
  it('restores the rendered DOM, the render facts and the screenshots: rejudged, the same verdicts and timings', async () => {
    const a = shell();
    const home = a.home!;
    home.staticText = home.text;
    home.text = RENDERED;
    home.doc = parseHtml(RENDERED);
    a.render = {
      why: 'script-shell',
      url: home.finalUrl,
      judged: true,
      timings: TIMINGS,
      refused: [{ url: 'http://127.0.0.2/x', reason: 'private address' }],
      screenshot: Buffer.from([0xff, 0xd8]),
    };
    a.rendered = { why: 'script-shell' };
    const crawl: CrawlSummary = { status: 'ok', pages: 1, durationMs: 5, rendered: { why: 'script-shell' } };
    const original = judge(a, structuredClone(crawl));
    // the rendered DOM was judged: the shell's content rules are not `error`
    expect(original.findings.find((f) => f.rule === 'official-email')?.status).toBe('pass');
    const loaded = await roundTrip(a, crawl, [SHOT]);
    expect(loaded.artifacts.rendered).toEqual({ why: 'script-shell' });
    expect(loaded.artifacts.render).toEqual({
      why: 'script-shell',
      url: home.finalUrl,
      judged: true,
      timings: TIMINGS,
      refused: a.render.refused,
    });
    expect(loaded.artifacts.home?.staticText).toBe(SHELL);
    expect(loaded.screenshots).toEqual([SHOT]);
    expect(verdicts(judge(loaded.artifacts, loaded.crawl))).toEqual(verdicts(original));
  });

  it('keeps a failed render failed: the home page stays withheld from the rules, which stay `error` with its reason', async () => {
    const a = shell();
    a.render = {
      why: 'script-shell',
      url: a.homeFetch.ok ? a.homeFetch.finalUrl : '',
      judged: false,
      error: 'more than 300 requests',
      refused: [],
    };
    delete a.home;
    const crawl: CrawlSummary = {
      status: 'ok',
      pages: 1,
      durationMs: 5,
      rendered: { why: 'script-shell', error: 'more than 300 requests' },
    };
    const original = judge(a, structuredClone(crawl));
    const email = original.findings.find((f) => f.rule === 'official-email');
    expect(email?.status).toBe('error');
    expect(email?.message).toContain('more than 300 requests');
    const loaded = await roundTrip(a, crawl);
    expect(loaded.artifacts.home).toBeUndefined();
    expect(verdicts(judge(loaded.artifacts, loaded.crawl))).toEqual(verdicts(original));
  });

  it('still gives an archive without render facts its home page (a plain, unrendered unit)', async () => {
    const a = makeArtifacts({ html: RENDERED, unit: { type: 'thcs' } });
    const crawl: CrawlSummary = { status: 'ok', pages: 1, durationMs: 5 };
    const loaded = await roundTrip(a, crawl);
    expect(loaded.artifacts.home?.text).toBe(RENDERED);
    expect(loaded.artifacts.render ?? loaded.artifacts.rendered ?? loaded.screenshots).toBeUndefined();
    expect(verdicts(judge(loaded.artifacts, loaded.crawl))).toEqual(verdicts(judge(a, structuredClone(crawl))));
  });
});
