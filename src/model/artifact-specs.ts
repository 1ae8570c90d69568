// One declaration per artifact: how messages name it, and how it is kept in the artifact archive (which also tells
// the rule tester how a test gives it). The runner's `missingArtifact` names, `src/store/artifact-archive.ts` and
// `src/engine/rule-tester.ts` read this table; adding an artifact is its field in `Artifacts`, one line here and
// its collection in `src/collect/crawl-unit.ts`.
import type { ArtifactKey, Artifacts, FetchResult, RenderFacts, SoftRedirect } from './artifacts.js';

/**
 * How an artifact is archived: `fetch` a FetchResult (the parse is dropped, and redone from the text on load),
 * `fetch-map` a Map of them by URL, `soft-redirect` a SoftRedirect whose target is a fetch, `render` the render's
 * facts without the screenshot's bytes (the JPEG is in evidence/), `json` plain data,
 * `derived` not stored (rebuilt from another artifact on load), `not-kept` not stored at all (a re-judge goes without it).
 */
export type StoredAs = 'fetch' | 'fetch-map' | 'soft-redirect' | 'render' | 'json' | 'derived' | 'not-kept';

/** The storage kinds that fit an artifact's type, so a declaration that does not fit fails to compile. */
type StoredAsFor<T> =
  | 'not-kept'
  | (T extends FetchResult
      ? 'fetch' | 'derived'
      : T extends Map<string, FetchResult>
        ? 'fetch-map'
        : T extends SoftRedirect
          ? 'soft-redirect'
          : T extends RenderFacts
            ? 'render'
            : 'json');

export interface ArtifactSpec<S extends StoredAs = StoredAs> {
  /** How the `missingArtifact` message names it, Vietnamese / English. */
  name: string;
  stored: S;
  /**
   * The rule tester builds it from the home page it is given (HTML, status, failure) as the crawler would, instead
   * of taking it as a test option of the artifact's own name.
   */
  builtFromHome?: true;
}

export const ARTIFACT_SPECS = {
  homeFetch: { name: 'trang chủ / home page', stored: 'fetch', builtFromHome: true },
  // The parse of a 2xx HTML homeFetch, the same object: rebuilt, never stored twice.
  home: { name: 'trang chủ / home page', stored: 'derived', builtFromHome: true },
  pages: { name: 'các trang chuyên mục / section pages', stored: 'fetch-map', builtFromHome: true },
  tls: { name: 'chứng thư TLS / TLS certificate', stored: 'json', builtFromHome: true },
  httpProbe: { name: 'bản http:// / the http:// twin', stored: 'json' },
  httpsProbe: { name: 'bản https:// / the https:// twin', stored: 'fetch' },
  robots: { name: 'robots.txt', stored: 'json' },
  softRedirect: { name: 'chuyển hướng mềm / soft redirect', stored: 'soft-redirect' },
  scripts: { name: 'tệp script / script files', stored: 'fetch-map' },
  stylesheets: { name: 'tệp CSS / stylesheets', stored: 'fetch-map' },
  feed: { name: 'RSS/Atom', stored: 'fetch' },
  searchbotHome: { name: 'trang chủ với user agent Googlebot / home page as Googlebot', stored: 'fetch' },
  // the browser's facts (why, timings, refusals, a failed render's error): a re-judge reports the same timings and
  // keeps a failed render's reason; the archived home page holds the rendered DOM when the render was judged
  render: { name: 'trang chủ hiển thị bằng trình duyệt / the rendered home page', stored: 'render' },
} as const satisfies { readonly [K in ArtifactKey]: ArtifactSpec<StoredAsFor<NonNullable<Artifacts[K]>>> };

export const ARTIFACT_KEYS = Object.keys(ARTIFACT_SPECS) as ArtifactKey[];

/** Artifacts a test gives by their own name (the others the rule tester builds from the home page). */
export type OptionArtifactKey = { [K in ArtifactKey]: (typeof ARTIFACT_SPECS)[K] extends { builtFromHome: true } ? never : K }[ArtifactKey];
