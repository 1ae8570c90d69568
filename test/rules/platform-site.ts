// Test helper: a platform fixture site (fixtures/sites/<host>/) as the crawler leaves it, without a network — its home
// page, and every same-site menu target read from the fixture files the fixture server would serve (404.html or a
// plain 404 when there is none), so rules judge the real fixture markup.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Artifacts } from '../../src/model/artifacts.js';
import { parseHtml } from '../../src/collect/parse.js';
import { navigationLinks } from '../../src/page/links.js';
import { fetchedPage, makeArtifacts, type ArtifactOptions } from '../../src/engine/rule-tester.js';
import { resolveFile, isHtmlFile } from '../../src/fixture-server/files.js';
import { defaultSitesDir } from '../../src/fixture-server/repo-root.js';

const SITES = defaultSitesDir();

/** The file the fixture server answers `url` with, and its status. */
function served(host: string, url: URL): { text: string; status: number; html: boolean } {
  const dir = join(SITES, host);
  const file = resolveFile(dir, url.pathname);
  if (file) return { text: readFileSync(file, 'utf8'), status: 200, html: isHtmlFile(file) };
  const notFound = resolveFile(dir, '/404.html');
  return { text: notFound ? readFileSync(notFound, 'utf8') : 'Not Found', status: 404, html: true };
}

/** The fixture site at `website` (its registry URL) with its home page and menu targets fetched. */
export function fixtureSite(website: string, unit: ArtifactOptions['unit'] = {}): Artifacts {
  const base = new URL(website);
  const home = served(base.host, base);
  const a = makeArtifacts({ html: home.text, unit: { ...unit, website } });
  const $ = parseHtml(home.text);
  // Same-site scripts and stylesheets of the home page, as the crawler collects them (EMC loaders, CSS that hides).
  const sameSite = (ref: string | undefined): URL | undefined => {
    if (!ref) return undefined;
    const u = new URL(ref, website);
    return u.host === base.host ? u : undefined;
  };
  $('script[src]').each((_, el) => {
    const u = sameSite($(el).attr('src'));
    if (u) a.scripts.set(u.href, fetchedPage(u.href, served(base.host, u).text, { contentType: 'text/javascript; charset=utf-8' }));
  });
  const sheets = new Map<string, ReturnType<typeof fetchedPage>>();
  $('link[rel~="stylesheet" i]').each((_, el) => {
    const u = sameSite($(el).attr('href'));
    if (u) sheets.set(u.href, fetchedPage(u.href, served(base.host, u).text, { contentType: 'text/css; charset=utf-8' }));
  });
  (a as { stylesheets?: Map<string, unknown> }).stylesheets = sheets;
  for (const link of navigationLinks($, website)) {
    if (!/^https?:/.test(link.href)) continue;
    const target = new URL(link.href);
    if (target.host !== base.host || a.pages.has(target.href)) continue;
    const page = served(base.host, target);
    a.pages.set(
      target.href,
      fetchedPage(target.href, page.text, { status: page.status, ...(page.html ? {} : { contentType: 'application/octet-stream' }) }),
    );
  }
  return a;
}

/** The demo fleet's platform units (fixtures/registries/demo.csv). */
export const PLATFORM_UNITS = {
  edugate: [
    'https://thcs-nguyentrai.hcm.edu.vn/',
    { type: 'thcs', name: 'Trường THCS Nguyễn Trãi', province: ['hcm'], parent: 'https://pgdquan1.hcm.edu.vn/' },
  ],
  vhv: [
    'https://thcs-hoasua.edu.vn/',
    { type: 'thcs', name: 'Trường THCS Hoa Sữa', province: ['hanoi'], parent: 'https://pgdlongbien.edu.vn/' },
  ],
  joomla: [
    'https://thpt-songsaigon.hcm.edu.vn/',
    { type: 'thpt', name: 'Trường THPT Sông Sài Gòn', province: ['hcm'], parent: 'https://hcm.edu.vn/' },
  ],
  aspnet: ['https://haiphong.edu.vn/', { type: 'so', name: 'Sở Giáo dục và Đào tạo Hải Phòng', province: ['haiphong'], parent: null }],
  tenant: [
    'https://haiphong.edu.vn/thcs-hongbang/',
    { type: 'thcs', name: 'Trường THCS Hồng Bàng', province: ['haiphong'], parent: 'https://haiphong.edu.vn/' },
  ],
} as const satisfies Record<string, [string, ArtifactOptions['unit']]>;

export const platformSite = (key: keyof typeof PLATFORM_UNITS): Artifacts => {
  const [website, unit] = PLATFORM_UNITS[key];
  return fixtureSite(website, { ...unit, province: [...unit.province] });
};
