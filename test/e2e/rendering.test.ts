// Rendering end to end through the built CLI, against the fixture server only: the single-page site and the site
// whose menu a script builds (fixtures/registries/rendering.csv) audited with --render auto and with --render never.
// What rendering changes is the point: the same sites, two views. Then the rendered run rejudged offline from its
// saved artifacts (the same verdicts), its reports' pictures, and `check` naming its screenshot.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, runCli } from './cli-helpers.js';
import { startFixtureServer } from '../../src/fixture-server/server.js';
import type { RunResults, UnitResult } from '../../src/model/result.js';
import { runResultsSchema } from '../../src/store/results-schema.js';

let tmp: string;
let rendered: RunResults;
let staticOnly: RunResults;
let server: Awaited<ReturnType<typeof startFixtureServer>>;
const SPA = '79760204';
const MENU = '79760103';

beforeAll(async () => {
  ensureBuilt();
  tmp = await mkdtemp(join(tmpdir(), 'edu-render-'));
  server = await startFixtureServer();
  try {
    const common = [
      'fixtures/registries/rendering.csv',
      '--now',
      '2026-11-15',
      '--format',
      'json',
      '--log-level',
      'warn',
      '--ca',
      server.caFile,
      ...server.connectTo.flatMap((c) => ['--connect-to', c]),
    ];
    const [a, b] = await Promise.all([
      runCli(['audit', ...common, '--out', join(tmp, 'auto'), '--format', 'json,html,xlsx', '--save-artifacts']),
      runCli(['audit', ...common, '--out', join(tmp, 'never'), '--render', 'never']),
    ]);
    expect(a.stderr).not.toMatch(/"level":50/);
    expect([a.code, b.code]).toEqual([0, 0]);
  } catch (error) {
    await server.close();
    throw error;
  }
  rendered = JSON.parse(await readFile(join(tmp, 'auto', 'results.json'), 'utf8')) as RunResults;
  staticOnly = JSON.parse(await readFile(join(tmp, 'never', 'results.json'), 'utf8')) as RunResults;
}, 180_000);

afterAll(async () => {
  await server?.close();
});

const unit = (r: RunResults, id: string): UnitResult => r.units.find((u) => u.id === id) as UnitResult;
const status = (u: UnitResult, rule: string): string | undefined => u.findings.find((f) => f.rule === rule)?.status;

describe('--render auto on the rendering fixtures', () => {
  it('validates against the results schema, and says why each home page was rendered', () => {
    for (const r of [rendered, staticOnly]) {
      const parsed = runResultsSchema.safeParse(r);
      expect(parsed.success ? [] : parsed.error.issues.slice(0, 5)).toEqual([]);
    }
    expect(unit(rendered, SPA).crawl.rendered).toEqual({ why: 'script-shell' });
    expect(unit(rendered, MENU).crawl.rendered).toEqual({ why: 'script-menu' });
    for (const u of staticOnly.units) expect(u.crawl.rendered).toBeUndefined();
  });

  it('judges the single-page site from its rendered DOM: menu, news, contacts, the EMC code and the widget its loader draws', () => {
    const changed = ['emc-label', 'content-freshness', 'official-email', 'parent-portal-link', 'menu-cong-khai', 'section-tin-tuc'];
    const view = (r: RunResults): Record<string, string | undefined> =>
      Object.fromEntries(changed.map((rule) => [rule, status(unit(r, SPA), rule)]));
    expect(view(rendered)).toEqual(Object.fromEntries(changed.map((rule) => [rule, 'pass'])));
    // without rendering the shell is not judged (catalogue v2): its content rules are unverified, never failed
    expect(view(staticOnly)).toEqual(Object.fromEntries(changed.map((rule) => [rule, 'error'])));
    expect(unit(staticOnly, SPA).crawl.scriptShell).toBe(true);
    expect(status(unit(staticOnly, SPA), 'emc-tag')).toBe('error');
    expect(status(unit(staticOnly, SPA), 'site-reachable')).toBe('pass');
    // rendered, the EMC code in the same-site bundle is found
    expect(unit(rendered, SPA).facts.emcSiteId).toBe('30131');
    expect(status(unit(rendered, SPA), 'emc-tag')).toBe('pass');
    expect(unit(rendered, SPA).crawl.scriptShell).toBeUndefined();
  });

  it('follows the menu an inline script builds', () => {
    const menu = unit(rendered, MENU);
    for (const rule of ['menu-cong-khai', 'section-tin-tuc']) {
      expect([rule, status(menu, rule)]).toEqual([rule, 'pass']);
      expect([rule, status(unit(staticOnly, MENU), rule)]).toEqual([rule, 'fail']);
    }
    expect(status(menu, 'section-gioi-thieu')).toBe('warn');
    expect(status(unit(staticOnly, MENU), 'section-gioi-thieu')).toBe('fail');
    expect(menu.crawl.pages).toBeGreaterThan(unit(staticOnly, MENU).crawl.pages);
  });

  it('records timings and keeps a hashed screenshot of each rendered home page in evidence/', async () => {
    const index = (await readFile(join(tmp, 'auto', 'evidence', 'index.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { kind?: string; sha256: string; unit: string });
    for (const id of [SPA, MENU]) {
      const u = unit(rendered, id);
      expect(u.timings?.requests).toBeGreaterThanOrEqual(1);
      expect(u.timings?.bytes).toBeGreaterThan(0);
      expect(u.screenshots).toHaveLength(1);
      const shot = u.screenshots![0]!;
      const jpeg = await readFile(join(tmp, 'auto', shot.file));
      expect(jpeg.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
      expect(createHash('sha256').update(jpeg).digest('hex')).toBe(shot.sha256);
      expect(index).toContainEqual(expect.objectContaining({ kind: 'screenshot', sha256: shot.sha256, unit: id }));
    }
    for (const u of staticOnly.units) expect(u.timings ?? u.screenshots).toBeUndefined();
  });
});

describe('a rendered run, afterwards', () => {
  it('rejudged offline from its saved artifacts, gives the rendered units the same verdicts, timings and pictures', async () => {
    await server.close(); // nothing answers from here on: rejudge must not need it
    const out = join(tmp, 'rejudged');
    const r = await runCli(['rejudge', join(tmp, 'auto'), '--out', out, '--format', 'json,html']);
    expect(r.code, r.stderr).toBe(0);
    const again = JSON.parse(await readFile(join(out, 'results.json'), 'utf8')) as RunResults;
    const view = (x: RunResults): unknown =>
      x.units.map((u) => ({
        id: u.id,
        score: u.score,
        grade: u.grade,
        verified: u.verified,
        rendered: u.crawl.rendered,
        scriptShell: u.crawl.scriptShell,
        timings: u.timings,
        screenshots: u.screenshots,
        facts: u.facts,
        findings: u.findings.map((f) => [f.rule, f.status, f.message]),
      }));
    expect(view(again)).toEqual(view(rendered));
    // the pictures were copied with the run, so the rejudged report's thumbnails resolve
    for (const u of again.units)
      for (const shot of u.screenshots ?? []) expect((await stat(join(out, shot.file))).size).toBeGreaterThan(1000);
    expect(await readFile(join(out, 'report.html'), 'utf8')).toContain(`<img src="${unit(again, SPA).screenshots![0]!.file}"`);
  }, 60_000);

  it('links each screenshot from report.html and the evidence sheet', async () => {
    const html = await readFile(join(tmp, 'auto', 'report.html'), 'utf8');
    for (const id of [SPA, MENU]) {
      const file = unit(rendered, id).screenshots![0]!.file;
      expect(html).toContain(
        `<a href="${file}" target="_blank" rel="noopener"><img src="${file}" alt="Ảnh chụp trang chủ của ${unit(rendered, id).name} ngày `,
      );
    }
    expect(html).toMatch(/Đạt ngưỡng tải trang: [0-2] \/ 2 đơn vị đã đo/);
  });

  it('check names the screenshot it kept, in the run directory given with --out', async () => {
    const fresh = await startFixtureServer();
    try {
      const out = join(tmp, 'check');
      const r = await runCli([
        'check',
        'https://thcs-minhduc.hcm.edu.vn/',
        '--out',
        out,
        '--now',
        '2026-11-15',
        '--ca',
        fresh.caFile,
        ...fresh.connectTo.flatMap((c) => ['--connect-to', c]),
      ]);
      expect(r.code, r.stderr).toBe(0);
      const line = /^Ảnh chụp trang: (.+\.jpg)$/m.exec(r.stdout);
      expect(line?.[1]).toMatch(new RegExp(`^${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/evidence/[0-9a-f]{64}\\.jpg$`));
      expect((await stat(line![1]!)).size).toBeGreaterThan(1000);
    } finally {
      await fresh.close();
    }
  }, 90_000);
});
