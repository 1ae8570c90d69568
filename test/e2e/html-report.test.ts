// report.html in a real browser: the Chromium `npm ci` installs (or EDU_AUDIT_BROWSER), launched as the audit
// launches it (src/render/browser.ts). Charts render, the table sorts and filters, and a hostile <script> title
// stays inert text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { findBrowser, launchBrowser } from '../../src/render/browser.js';
import { writeHtmlReport } from '../../src/report/html/html-report.js';
import { DistrictAggregator } from '../../src/aggregate/districts.js';
import type { RunResults, UnitResult } from '../../src/model/result.js';
import type { RunView } from '../../src/report/run-view.js';

const HOSTILE = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">';

const unit = (id: string, district: string, score: number, grade: UnitResult['grade'], title?: string): UnitResult => ({
  id,
  name: `Trường ${id}`,
  type: 'thcs',
  district,
  province: 'hcm',
  website: `https://${id}.hcm.edu.vn/`,
  finalUrl: `https://${id}.hcm.edu.vn/`,
  ...(title ? { title } : {}),
  score,
  verified: 1,
  grade,
  crawl: { status: 'ok', pages: 2, durationMs: 5 },
  findings: [
    {
      rule: 'emc-tag',
      status: score < 50 ? 'fail' : 'pass',
      message: `Thông điệp ${HOSTILE}`,
      messageId: 'x',
      evidence: [{ url: `https://${id}.hcm.edu.vn/`, excerpt: HOSTILE }],
    },
  ],
  facts: {},
  ruleSetVersion: 't',
  auditedAt: '',
});

const UNITS = [
  unit('a-vanlang', 'Quận 1', 92, 'Tốt'),
  unit('b-binhan', 'Thành phố Thủ Đức', 35, 'Chưa đạt', HOSTILE),
  unit('c-kimdong', 'Thành phố Thủ Đức', 78, 'Khá'),
  {
    ...unit('d-hoabinh', 'Quận 3', 55, 'Đạt'),
    name: 'Trường Tiểu học Hòa Bình',
    findings: [
      { rule: 'emc-tag', status: 'pass', message: 'Có mã EMC', messageId: 'x', evidence: [] },
      { rule: 'https', status: 'error', message: 'Chưa xác minh', messageId: 'x', evidence: [] },
      { rule: 'rss-feed', status: 'warn', message: 'Một phần', messageId: 'x', evidence: [] },
      { rule: 'emc-label', status: 'fail', message: 'Không có nhãn', messageId: 'x', evidence: [] },
    ] as UnitResult['findings'],
  },
];

let browser: Browser;
let page: Page;

beforeAll(async () => {
  const found = await findBrowser();
  if ('error' in found) throw new Error(`no browser: ${found.error}`);
  const agg = new DistrictAggregator();
  UNITS.forEach((u) => agg.add(u));
  const run = {
    now: '2026-11-15T00:00:00Z',
    finishedAt: '2026-11-15T01:00:00Z',
    ruleSetVersion: 't',
    registry: { file: 'demo.csv' },
    tool: { name: 'edu-site-audit', version: '0' },
    rules: ['emc-tag'],
  } as unknown as RunResults['run'];
  const view: RunView = {
    run,
    districts: agg.summaries(),
    units: async function* () {
      yield* UNITS;
    },
    rules: [],
    lang: 'vi',
  };
  const file = join(await mkdtemp(join(tmpdir(), 'edu-html-')), 'report.html');
  await writeHtmlReport(view, file);
  browser = await launchBrowser(found.path);
  page = await browser.newPage();
  // the report is self-contained: any request other than the file itself is a bug
  const external: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith('file:')) external.push(r.url());
  });
  await page.goto(pathToFileURL(file).href);
  expect(external).toEqual([]);
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

const names = (): Promise<string[]> =>
  page.$$eval('#units tbody tr:not([hidden]) td:nth-child(2) a', (as) => as.map((a) => a.textContent ?? ''));

describe('report.html in Chromium', () => {
  it('renders one bar per district in the SVG chart', async () => {
    const bars = await page.$$eval('#chart rect', (rects) => rects.map((r) => Number(r.getAttribute('width'))));
    expect(bars).toHaveLength(3);
    expect(bars.every((w) => w > 0)).toBe(true);
    const box = await page.locator('#chart').boundingBox();
    expect(box?.height).toBeGreaterThan(40);
  });

  it('sorts the unit table by score when its header is clicked, both ways', async () => {
    await page.click('#units th[data-col="5"]');
    expect(await names()).toEqual(['Trường b-binhan', 'Trường Tiểu học Hòa Bình', 'Trường c-kimdong', 'Trường a-vanlang']);
    await page.click('#units th[data-col="5"]');
    expect(await names()).toEqual(['Trường a-vanlang', 'Trường c-kimdong', 'Trường Tiểu học Hòa Bình', 'Trường b-binhan']);
  });

  it('filters by text and by grade', async () => {
    await page.fill('#q', 'thủ đức');
    expect((await names()).sort()).toEqual(['Trường b-binhan', 'Trường c-kimdong']);
    await page.selectOption('#grade', 'Khá');
    expect(await names()).toEqual(['Trường c-kimdong']);
    await page.fill('#q', '');
    await page.selectOption('#grade', '');
    expect(await names()).toHaveLength(4);
  });

  it('keeps a hostile <script> title inert and visible as text', async () => {
    expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    const shown = await page.locator('#units .title').first().textContent();
    expect(shown).toBe(HOSTILE);
    expect(await page.locator('script').count()).toBe(1);
  });

  it('filters without accents or case: "hoa binh" finds Hòa Bình, "THU DUC" finds Thủ Đức', async () => {
    await page.fill('#q', 'hoa binh');
    expect(await names()).toEqual(['Trường Tiểu học Hòa Bình']);
    await page.fill('#q', 'THU DUC');
    expect((await names()).sort()).toEqual(['Trường b-binhan', 'Trường c-kimdong']);
    await page.fill('#q', 'HÒA   BÌNH');
    expect(await names()).toEqual(['Trường Tiểu học Hòa Bình']);
    await page.fill('#q', '');
  });

  it("lists a unit's findings fail, then partial, then unverified, with passes last", async () => {
    const order = await page.$$eval('#u-d-hoabinh .findings > li', (lis) => lis.map((li) => li.className));
    expect(order).toEqual(['s-fail', 's-warn', 's-error']);
    expect(await page.locator('#u-d-hoabinh details.passed summary').textContent()).toBe('Đạt: 1');
  });

  it('has a back-to-top link and fits a 390 px phone without horizontal scrolling', async () => {
    const top = page.locator('a.top');
    expect(await top.getAttribute('href')).toBe('#top');
    expect(await page.locator('#top').count()).toBe(1);
    await page.setViewportSize({ width: 390, height: 844 });
    const widths = await page.$eval('html', (root) => ({ scroll: root.scrollWidth, client: root.clientWidth }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    expect(widths.client).toBe(390);
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});
