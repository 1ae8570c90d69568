// The artifact archive saves and restores every artifact as its declaration says (src/model/artifact-specs.ts).
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import type { Artifacts, FetchResult } from '../../src/model/artifacts.js';
import { ARTIFACT_KEYS, ARTIFACT_SPECS, type ArtifactSpec } from '../../src/model/artifact-specs.js';
import { ARTIFACTS_DIR, archiveName, listArchives, loadArtifacts, saveArtifacts } from '../../src/store/artifact-archive.js';
import { fetchedPage, makeArtifacts } from '../../src/engine/rule-tester.js';
import type { CrawlSummary } from '../../src/model/result.js';

const SITE = 'https://thcs-nguyendu.hcm.edu.vn/';
const CRAWL: CrawlSummary = { status: 'ok', pages: 3, durationMs: 10, redirects: [] };
const dirs: string[] = [];
const tempDir = async (): Promise<string> => {
  const d = await mkdtemp(join(tmpdir(), 'archive-'));
  dirs.push(d);
  return d;
};
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

/** Artifacts as plain data: parses replaced by their text, so two can be compared. */
function plain(a: Partial<Artifacts>): unknown {
  return JSON.parse(
    JSON.stringify(a, (_k, v: unknown) => {
      if (v instanceof Map) return { map: [...v] };
      if (typeof v === 'function') return 'parsed';
      return v;
    }),
  );
}

function everyArtifact(): Artifacts {
  const a = makeArtifacts({
    html: '<html><head><title>Trường</title></head><body><a href="/tin-tuc">Tin tức</a></body></html>',
    scripts: {
      [`${SITE}app.js`]: 'var a = 1;',
      [`${SITE}gone.js`]: { ok: false, url: `${SITE}gone.js`, reason: 'timeout', detail: 't', redirects: [] },
    },
    httpProbe: { url: 'http://thcs-nguyendu.hcm.edu.vn/', outcome: 'redirects-to-https', status: 301, location: SITE },
    httpsProbe: fetchedPage(SITE, '<title>twin</title>'),
    robots: { url: `${SITE}robots.txt`, status: 200, crawlDelaySec: 2, blocked: [`${SITE}bi-mat`] },
    softRedirect: {
      kind: 'meta-refresh',
      from: SITE,
      to: 'https://x.example.com/',
      target: fetchedPage('https://x.example.com/', '<title>x</title>'),
    },
    feed: fetchedPage(`${SITE}rss`, '<rss></rss>', { contentType: 'application/rss+xml' }),
    searchbotHome: fetchedPage(SITE, '<title>bot</title>'),
    stylesheets: { [`${SITE}style.css`]: '.emc { display: none }' },
    render: { why: 'always', url: SITE, judged: true, refused: [], timings: { bytes: 10, requests: 1 } },
  });
  a.pages.set(`${SITE}tin-tuc`, fetchedPage(`${SITE}tin-tuc`, '<title>Tin tức</title>'));
  return a;
}

describe('artifact archive', () => {
  it('declares every artifact once, with a name for messages', () => {
    for (const key of ARTIFACT_KEYS) expect(ARTIFACT_SPECS[key].name.trim()).not.toBe('');
    expect(new Set(ARTIFACT_KEYS).size).toBe(ARTIFACT_KEYS.length);
  });

  it('restores every artifact as saved, parses included, and shares the home page object', async () => {
    const dir = await tempDir();
    const original = everyArtifact();
    for (const key of ARTIFACT_KEYS) expect(original[key], key).toBeDefined();
    await saveArtifacts(dir, original, CRAWL);
    const [file] = await listArchives(dir);
    const { artifacts, crawl } = await loadArtifacts(file!);
    expect(crawl).toEqual(CRAWL);
    // every artifact is kept, the render's facts included (without a screenshot's bytes: test/store/artifact-render.test.ts)
    const notKept = ARTIFACT_KEYS.filter((k) => (ARTIFACT_SPECS[k] as ArtifactSpec).stored === 'not-kept');
    expect(notKept).toEqual([]);
    expect(plain(artifacts)).toEqual(plain(original));
    expect(artifacts.stylesheets?.get(`${SITE}style.css`)?.ok).toBe(true);
    expect(artifacts.home).toBe(artifacts.homeFetch);
    expect(artifacts.pages?.get(SITE)).toBe(artifacts.homeFetch);
    expect(artifacts.home?.doc('title').text()).toBe('Trường');
    const tin = artifacts.pages?.get(`${SITE}tin-tuc`);
    expect(tin?.ok && tin.doc?.('title').text()).toBe('Tin tức');
    const script = artifacts.scripts?.get(`${SITE}app.js`);
    expect(script?.ok && script.doc).toBeUndefined();
    expect(artifacts.softRedirect?.target?.ok && artifacts.softRedirect.target.doc?.('title').text()).toBe('x');
  });

  it('leaves absent what was not collected (no pages, no scripts, no home for an error page)', async () => {
    const dir = await tempDir();
    const { pages: _p, scripts: _s, ...notCollected } = makeArtifacts({ html: '<title>Lỗi</title>', status: 404 });
    await saveArtifacts(dir, notCollected, { ...CRAWL, status: 'http_error' });
    const { artifacts } = await loadArtifacts((await listArchives(dir))[0]!);
    expect(artifacts.pages).toBeUndefined();
    expect(artifacts.scripts).toBeUndefined();
    expect(artifacts.home).toBeUndefined();
    expect((artifacts.homeFetch as FetchResult & { ok: true }).status).toBe(404);
  });

  it('reads an archive written before pages and scripts could be absent', async () => {
    const dir = await tempDir();
    const home = {
      ok: true,
      url: SITE,
      finalUrl: SITE,
      status: 200,
      headers: {},
      redirects: [],
      contentType: 'text/html',
      isHtml: true,
      bytes: 20,
      text: '<title>Cũ</title>',
      timings: { headersMs: 1, totalMs: 2 },
      fetchedAt: '2026-11-02T08:00:00.000Z',
    };
    const legacy = { format: 1, unit: makeArtifacts().unit, crawl: CRAWL, homeFetch: home, pages: [[SITE, home]], scripts: [] };
    await mkdir(join(dir, ARTIFACTS_DIR));
    await writeFile(join(dir, ARTIFACTS_DIR, archiveName('79000701')), gzipSync(JSON.stringify(legacy)));
    const { artifacts } = await loadArtifacts((await listArchives(dir))[0]!);
    expect(artifacts.home?.doc('title').text()).toBe('Cũ');
    expect(artifacts.pages?.get(SITE)).toBe(artifacts.homeFetch);
    expect(artifacts.scripts?.size).toBe(0);
  });
});
