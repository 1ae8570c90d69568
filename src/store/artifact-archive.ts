// artifacts/: with --save-artifacts, everything a unit's crawl gathered (pages, headers, charsets, TLS facts,
// probes, feed, scripts, redirects, and what a browser rendered: the rendered DOM as the home page's text, the render
// facts and screenshots), gzip-compressed JSON per unit, so `edu-audit rejudge` can run the current rules over what
// was actually fetched without touching any server. Parsed documents are not stored: they are parsed again from the
// stored text, the same single parse the crawl made.
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { gzip, gunzip } from 'node:zlib';
import { promisify } from 'node:util';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Artifacts, FetchFailure, FetchResult, FetchedPage, RenderFacts, SoftRedirect } from '../model/artifacts.js';
import { ARTIFACT_KEYS, ARTIFACT_SPECS, type ArtifactSpec, type StoredAs } from '../model/artifact-specs.js';
import type { CrawlSummary, ScreenshotRef } from '../model/result.js';
import type { Unit } from '../model/unit.js';
import { parseHtml } from '../collect/parse.js';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);
export const ARTIFACTS_DIR = 'artifacts';
const FORMAT = 1;

type StoredFetch = Omit<FetchedPage, 'doc'> | FetchFailure;
type StoredSoftRedirect = Omit<SoftRedirect, 'target'> & { target?: StoredFetch };

/**
 * One unit's archive: the unit, its crawl summary and each collected artifact under its own key, stored as its
 * declaration in `src/model/artifact-specs.ts` says. Archives from before `pages`/`scripts` could be absent have them.
 */
interface ArchivedUnit {
  format: typeof FORMAT;
  unit: Unit;
  crawl: CrawlSummary;
  homeFetch: StoredFetch;
  /** The home page is the DOM a browser rendered (its text is that DOM, `staticText` the HTML as served). */
  rendered?: Artifacts['rendered'];
  /** false: the crawl withheld the home page from the rules (its render failed: neither view can be trusted). */
  home?: false;
  /** The screenshots the run kept of this unit (files in its evidence/). */
  screenshots?: ScreenshotRef[];
  [key: string]: unknown;
}

export interface LoadedArtifacts {
  artifacts: Artifacts;
  crawl: CrawlSummary;
  screenshots?: ScreenshotRef[];
}

/** What the crawler makes the home page the rules judge: a 2xx HTML answer. */
const isJudgeableHome = (r: FetchResult): boolean => r.ok && r.status >= 200 && r.status < 300 && r.isHtml;

const strip = (r: FetchResult): StoredFetch => {
  if (!r.ok) return r;
  // field by field: reading `doc` of a page still compact would parse it (src/collect/page-body.ts)
  const rest: Record<string, unknown> = {};
  for (const key of Object.keys(r)) if (key !== 'doc') rest[key] = r[key as keyof typeof r];
  return rest as StoredFetch;
};

function revive(r: StoredFetch): FetchResult {
  if (!r.ok) return r;
  const page = r as FetchedPage;
  return page.isHtml ? { ...page, doc: parseHtml(page.text) } : page;
}

/** Each storage kind's save and load. */
const CODECS: Record<Exclude<StoredAs, 'derived' | 'not-kept'>, { save(v: unknown): unknown; load(v: unknown): unknown }> = {
  fetch: { save: (v) => strip(v as FetchResult), load: (v) => revive(v as StoredFetch) },
  'fetch-map': {
    save: (v) => [...(v as Map<string, FetchResult>)].map(([k, r]) => [k, strip(r)]),
    load: (v) => new Map((v as [string, StoredFetch][]).map(([k, r]) => [k, revive(r)] as const)),
  },
  'soft-redirect': {
    save: (v) => {
      const soft = v as SoftRedirect;
      return { ...soft, ...(soft.target ? { target: strip(soft.target) } : {}) };
    },
    load: (v) => {
      const soft = v as StoredSoftRedirect;
      return { ...soft, ...(soft.target ? { target: revive(soft.target) } : {}) };
    },
  },
  json: { save: (v) => v, load: (v) => v },
  // the render's facts; its JPEG is in evidence/, named by the archive's `screenshots`
  render: {
    save: (v) => {
      const { screenshot: _jpeg, ...facts } = v as RenderFacts;
      return facts;
    },
    load: (v) => v,
  },
};

/** A file name for a unit id that is safe on every file system and cannot collide. */
export const archiveName = (unitId: string): string =>
  `${unitId.replace(/[^\w.-]/g, '_').slice(0, 60)}-${createHash('sha256').update(unitId).digest('hex').slice(0, 10)}.json.gz`;

export async function saveArtifacts(
  runDir: string,
  artifacts: Artifacts,
  crawl: CrawlSummary,
  screenshots?: ScreenshotRef[],
): Promise<void> {
  const archived: Record<string, unknown> = { format: FORMAT, unit: artifacts.unit, crawl };
  for (const key of ARTIFACT_KEYS) {
    const { stored } = ARTIFACT_SPECS[key] as ArtifactSpec;
    const value = artifacts[key];
    if (stored !== 'derived' && stored !== 'not-kept' && value !== undefined) archived[key] = CODECS[stored].save(value);
  }
  // not artifacts, but what judging them depends on: the rendered mark, a home page the crawl withheld
  if (artifacts.rendered) archived.rendered = artifacts.rendered;
  if (!artifacts.home && isJudgeableHome(artifacts.homeFetch)) archived.home = false;
  if (screenshots?.length) archived.screenshots = screenshots;
  const dir = join(runDir, ARTIFACTS_DIR);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, archiveName(artifacts.unit.id)), await gzipAsync(Buffer.from(JSON.stringify(archived), 'utf8')));
}

export async function loadArtifacts(file: string): Promise<LoadedArtifacts> {
  const archived = JSON.parse((await gunzipAsync(await readFile(file))).toString('utf8')) as ArchivedUnit;
  if (archived.format !== FORMAT) throw new Error(`${file}: unknown artifact format ${String(archived.format)}`);
  const loaded: Record<string, unknown> = { unit: archived.unit };
  for (const key of ARTIFACT_KEYS) {
    const { stored } = ARTIFACT_SPECS[key] as ArtifactSpec;
    if (stored !== 'derived' && stored !== 'not-kept' && archived[key] !== undefined) loaded[key] = CODECS[stored].load(archived[key]);
  }
  const artifacts = loaded as unknown as Artifacts;
  const homeFetch = artifacts.homeFetch;
  // the home page object is shared between homeFetch and pages, as the crawler left it
  const homeKey = [...(artifacts.pages?.entries() ?? [])].find(([, v]) => v.ok && homeFetch.ok && v.url === homeFetch.url)?.[0];
  if (artifacts.pages && homeKey) artifacts.pages.set(homeKey, homeFetch);
  if (archived.rendered) artifacts.rendered = archived.rendered;
  // `home` (derived): the crawler's rule, a 2xx HTML home page, unless the crawl withheld it (a failed render)
  if (archived.home !== false && isJudgeableHome(homeFetch) && homeFetch.ok && homeFetch.doc) {
    artifacts.home = homeFetch as Artifacts['home'] & object;
  }
  return { artifacts, crawl: archived.crawl, ...(archived.screenshots ? { screenshots: archived.screenshots } : {}) };
}

export async function listArchives(runDir: string): Promise<string[]> {
  const dir = join(runDir, ARTIFACTS_DIR);
  return (await readdir(dir))
    .filter((f) => f.endsWith('.json.gz'))
    .sort()
    .map((f) => join(dir, f));
}
