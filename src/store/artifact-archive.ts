// artifacts/: with --save-artifacts, everything a unit's crawl gathered (pages, headers, charsets, TLS facts,
// probes, feed, scripts, redirects), gzip-compressed JSON per unit, so `edu-audit rejudge` can run the current
// rules over what was actually fetched without touching any server. Parsed documents are not stored: they are
// parsed again from the stored text, the same single parse the crawl made.
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { gzip, gunzip } from 'node:zlib';
import { promisify } from 'node:util';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Artifacts, FetchResult, FetchedPage } from '../model/artifacts.js';
import type { CrawlSummary } from '../model/result.js';
import type { Unit } from '../model/unit.js';
import { parseHtml } from '../collect/parse.js';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);
export const ARTIFACTS_DIR = 'artifacts';
const FORMAT = 1;

type Stored<T> = T extends FetchedPage ? Omit<T, 'doc'> : T;
type StoredFetch = Stored<FetchedPage> | Extract<FetchResult, { ok: false }>;

interface ArchivedUnit {
  format: typeof FORMAT;
  unit: Unit;
  crawl: CrawlSummary;
  homeFetch: StoredFetch;
  pages: [string, StoredFetch][];
  scripts: [string, StoredFetch][];
  stylesheets?: [string, StoredFetch][];
  feed?: StoredFetch;
  searchbotHome?: StoredFetch;
  softRedirect?: Omit<NonNullable<Artifacts['softRedirect']>, 'target'> & { target?: StoredFetch };
  tls?: Artifacts['tls'];
  httpProbe?: Artifacts['httpProbe'];
  httpsProbe?: StoredFetch;
  robots?: Artifacts['robots'];
}

const strip = (r: FetchResult): StoredFetch => {
  if (!r.ok) return r;
  const { doc: _doc, ...rest } = r;
  return rest;
};

function revive(r: StoredFetch): FetchResult {
  if (!r.ok) return r;
  const page = r as FetchedPage;
  return page.isHtml ? { ...page, doc: parseHtml(page.text) } : page;
}

/** A file name for a unit id that is safe on every file system and cannot collide. */
export const archiveName = (unitId: string): string => `${unitId.replace(/[^\w.-]/g, '_').slice(0, 60)}-${createHash('sha256').update(unitId).digest('hex').slice(0, 10)}.json.gz`;

export async function saveArtifacts(runDir: string, artifacts: Artifacts, crawl: CrawlSummary): Promise<void> {
  const a = artifacts;
  const archived: ArchivedUnit = {
    format: FORMAT,
    unit: a.unit,
    crawl,
    homeFetch: strip(a.homeFetch),
    pages: [...a.pages].map(([k, v]) => [k, strip(v)]),
    scripts: [...a.scripts].map(([k, v]) => [k, strip(v)]),
    ...(a.stylesheets ? { stylesheets: [...a.stylesheets].map(([k, v]) => [k, strip(v)] as [string, StoredFetch]) } : {}),
    ...(a.feed ? { feed: strip(a.feed) } : {}),
    ...(a.searchbotHome ? { searchbotHome: strip(a.searchbotHome) } : {}),
    ...(a.softRedirect ? { softRedirect: { ...a.softRedirect, ...(a.softRedirect.target ? { target: strip(a.softRedirect.target) } : {}) } } : {}),
    ...(a.tls ? { tls: a.tls } : {}),
    ...(a.httpProbe ? { httpProbe: a.httpProbe } : {}),
    ...(a.httpsProbe ? { httpsProbe: strip(a.httpsProbe) } : {}),
    ...(a.robots ? { robots: a.robots } : {}),
  };
  const dir = join(runDir, ARTIFACTS_DIR);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, archiveName(a.unit.id)), await gzipAsync(Buffer.from(JSON.stringify(archived), 'utf8')));
}

export async function loadArtifacts(file: string): Promise<{ artifacts: Artifacts; crawl: CrawlSummary }> {
  const archived = JSON.parse((await gunzipAsync(await readFile(file))).toString('utf8')) as ArchivedUnit;
  if (archived.format !== FORMAT) throw new Error(`${file}: unknown artifact format ${String(archived.format)}`);
  const homeFetch = revive(archived.homeFetch);
  const pages = new Map(archived.pages.map(([k, v]) => [k, revive(v)] as const));
  // the home page object is shared between homeFetch and pages, as the crawler left it
  const homeKey = archived.pages.find(([, v]) => v.ok && homeFetch.ok && v.url === homeFetch.url)?.[0];
  if (homeKey) pages.set(homeKey, homeFetch);
  const artifacts: Artifacts = {
    unit: archived.unit,
    homeFetch,
    pages,
    scripts: new Map(archived.scripts.map(([k, v]) => [k, revive(v)] as const)),
    ...(archived.stylesheets ? { stylesheets: new Map(archived.stylesheets.map(([k, v]) => [k, revive(v)] as const)) } : {}),
    ...(archived.feed ? { feed: revive(archived.feed) } : {}),
    ...(archived.searchbotHome ? { searchbotHome: revive(archived.searchbotHome) } : {}),
    ...(archived.softRedirect ? { softRedirect: { ...archived.softRedirect, ...(archived.softRedirect.target ? { target: revive(archived.softRedirect.target) } : {}) } } : {}),
    ...(archived.tls ? { tls: archived.tls } : {}),
    ...(archived.httpProbe ? { httpProbe: archived.httpProbe } : {}),
    ...(archived.httpsProbe ? { httpsProbe: revive(archived.httpsProbe) } : {}),
    ...(archived.robots ? { robots: archived.robots } : {}),
  };
  if (homeFetch.ok && homeFetch.status >= 200 && homeFetch.status < 300 && homeFetch.isHtml && homeFetch.doc) {
    artifacts.home = homeFetch as Artifacts['home'] & object;
  }
  return { artifacts, crawl: archived.crawl };
}

export async function listArchives(runDir: string): Promise<string[]> {
  const dir = join(runDir, ARTIFACTS_DIR);
  return (await readdir(dir)).filter((f) => f.endsWith('.json.gz')).sort().map((f) => join(dir, f));
}
