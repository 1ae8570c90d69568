// Test helper for the section rules: a home page plus the pages the crawler fetched for it, by path.
import type { FetchFailureReason } from '../../src/model/artifacts.js';
import { parseHtml } from '../../src/collect/parse.js';
import { navigationLinks } from '../../src/page/links.js';
import { fetchedPage, fixturePage, makeArtifacts, type ArtifactOptions, type TestArtifacts } from '../../src/engine/rule-tester.js';

/** A fetched page: HTML (200), an HTTP status (error page), a failed fetch, or null: not fetched (past --max-pages). */
export type PageSpec = string | number | { reason: FetchFailureReason } | null;

export const html = (title: string, body = ''): string =>
  `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>${title}</title></head><body><div id="content"><h1>${title}</h1>${body}</div></body></html>`;

/** Shared home pages of several platforms (fixtures/pages/sections/). */
export const home = (name: string): string => fixturePage('sections', name);

function setPage(a: TestArtifacts, url: string, spec: PageSpec): void {
  if (spec === null) a.pages.delete(url);
  else if (typeof spec === 'string') a.pages.set(url, fetchedPage(url, spec));
  else if (typeof spec === 'number') a.pages.set(url, fetchedPage(url, html(`Lỗi ${spec}`), { status: spec }));
  else a.pages.set(url, { ok: false, url, reason: spec.reason, detail: `${spec.reason} (test)`, redirects: [] });
}

/** A home page and exactly the given pages (paths resolved against the unit's website). */
export function site(homeHtml: string, pages: Record<string, PageSpec> = {}, unit: ArtifactOptions['unit'] = {}): TestArtifacts {
  const a = makeArtifacts({ html: homeHtml, unit });
  const base = a.unit.website ?? '';
  for (const [path, spec] of Object.entries(pages)) setPage(a, new URL(path, base).href, spec);
  return a;
}

/** A site whose every same-site menu target answered 200 with a plain page, as the crawler leaves it, then `overrides`. */
export function crawledSite(homeHtml: string, unit: ArtifactOptions['unit'], overrides: Record<string, PageSpec> = {}): TestArtifacts {
  const a = site(homeHtml, {}, unit);
  const base = a.unit.website ?? '';
  const host = new URL(base).host;
  for (const link of navigationLinks(parseHtml(homeHtml), base)) {
    if (!/^https?:/.test(link.href) || new URL(link.href).host !== host || a.pages.has(link.href)) continue;
    a.pages.set(link.href, fetchedPage(link.href, html(link.text)));
  }
  for (const [path, spec] of Object.entries(overrides)) setPage(a, new URL(path, base).href, spec);
  return a;
}

/** Units of the shared home pages. */
export const UNITS = {
  nukeviet: { website: 'https://thcs-nguyendu.hcm.edu.vn/', type: 'thcs' },
  wordpress: { website: 'https://thcs-vanlang.hcm.edu.vn/', type: 'thcs', name: 'Trường THCS Văn Lang' },
  violet: { website: 'https://thcs-tanphu.violet.vn/', type: 'thcs', name: 'Trường THCS Tân Phú' },
  legacy: { website: 'http://th-hoabinh.hcm.edu.vn/', type: 'tieu-hoc', name: 'Trường Tiểu học Hòa Bình' },
  phong: { website: 'https://pgdquan3.hcm.edu.vn/', type: 'phong', name: 'Phòng GDĐT Quận 3' },
  edugate: { website: 'https://thcs-leloi.hcm.edu.vn/', type: 'thcs', name: 'Trường THCS Lê Lợi' },
  handMade: { website: 'https://th-anlac.hcm.edu.vn/', type: 'tieu-hoc', name: 'Trường Tiểu học An Lạc' },
  aspnet: { website: 'https://pgdcangio.hcm.edu.vn/', type: 'phong', name: 'Phòng GDĐT huyện Cần Giờ' },
} as const satisfies Record<string, ArtifactOptions['unit']>;

/** The shared home pages as crawled sites. */
export const nukeviet = (o: Record<string, PageSpec> = {}): TestArtifacts => crawledSite(home('nukeviet4-thcs.html'), UNITS.nukeviet, o);
export const wordpress = (o: Record<string, PageSpec> = {}): TestArtifacts => crawledSite(home('wordpress-thcs.html'), UNITS.wordpress, o);
export const violet = (o: Record<string, PageSpec> = {}): TestArtifacts => crawledSite(home('violet-thcs.html'), UNITS.violet, o);
export const legacy = (o: Record<string, PageSpec> = {}): TestArtifacts => crawledSite(home('legacy-table-th.html'), UNITS.legacy, o);
export const phong = (o: Record<string, PageSpec> = {}): TestArtifacts => crawledSite(home('portal-phong.html'), UNITS.phong, o);
/** Version 2 navigation pages (fixtures/pages/navigation/): NukeViet Edu Gate menus, a hand-made portal with no marked menu. */
export const edugate = (o: Record<string, PageSpec> = {}): TestArtifacts =>
  crawledSite(fixturePage('navigation', 'nukeviet-edugate.html'), UNITS.edugate, o);
export const aspnet = (o: Record<string, PageSpec> = {}): TestArtifacts =>
  crawledSite(fixturePage('navigation', 'aspnet-webforms.html'), UNITS.aspnet, o);
export const handMade = (o: Record<string, PageSpec> = {}): TestArtifacts =>
  crawledSite(fixturePage('navigation', 'hand-made-portal.html'), UNITS.handMade, o);
