// What the collectors gather for one unit. Rules read these and never fetch (README.md "Design notes": collect, then judge).
import type { CheerioAPI } from 'cheerio';
import type { Unit } from './unit.js';

export const CRAWL_STATUSES = [
  'ok',
  'no_website',
  'invalid_url',
  'dns_error',
  'refused',
  'timeout',
  'tls_error',
  'http_error',
  'too_many_redirects',
  'not_html',
  'blocked_by_robots',
  'blocked_by_waf',
  'private_address',
  // our own failure (a crawler bug or a unit past its hard deadline): the unit is unverified, never judged
  'internal_error',
] as const;
export type CrawlStatus = (typeof CRAWL_STATUSES)[number];

/** Why a single fetch failed. `too_large` and `network` never become a unit's crawl status on their own. */
export type FetchFailureReason =
  | Exclude<CrawlStatus, 'ok' | 'no_website' | 'not_html' | 'internal_error'>
  | 'too_large'
  | 'network'
  | 'deadline'
  /** Fetched, but past the per-page analysis budget (src/collect/parse.ts): its findings are `error`. */
  | 'too_complex'
  /** Our own failure (a crashed worker or crawler bug), never the site's: the unit is `internal_error`. */
  | 'internal';

export interface RedirectHop {
  url: string;
  status: number;
  location: string;
}

export interface CharsetInfo {
  /** Charset declared by the server header or a `<meta>` tag, lower-cased, if any. */
  declared?: string;
  /** Where the charset used for decoding came from. */
  source: 'bom' | 'header' | 'meta' | 'utf8-check' | 'fallback';
  /** WHATWG encoding name actually used to decode. */
  used: string;
  /** Letters in the decoded text before NFC normalisation, and how many of them were decomposed (NFD). */
  letters: number;
  decomposedLetters: number;
}

export interface TlsFacts {
  host: string;
  /** Certificate chains to a trusted CA, is valid for the host name and for the date. */
  valid: boolean;
  /** Node's verification error code when not valid, e.g. CERT_HAS_EXPIRED, ERR_TLS_CERT_ALTNAME_INVALID. */
  error?: string;
  subject?: string;
  issuer?: string;
  validFrom?: string;
  validTo?: string;
  altNames?: string;
}

export interface FetchTimings {
  /** Milliseconds from request start to response headers, and to the end of the body. */
  headersMs: number;
  totalMs: number;
}

/** A fetched resource that answered (any HTTP status). HTML bodies are decoded to NFC text and parsed once. */
export interface FetchedPage {
  ok: true;
  /** URL asked for (normalised, no fragment). */
  url: string;
  /** URL the HTTP redirects ended on. */
  finalUrl: string;
  status: number;
  headers: Record<string, string>;
  redirects: RedirectHop[];
  contentType: string;
  isHtml: boolean;
  /** Decoded body bytes (after gzip/br), capped by --max-bytes. */
  bytes: number;
  /** The body was longer than --max-bytes: `text` holds its first --max-bytes decoded bytes only. */
  truncated?: boolean;
  charset?: CharsetInfo;
  /** Decoded text, NFC-normalised (HTML, feeds, scripts, robots); for a rendered home page, the rendered DOM. */
  text: string;
  /** The HTML as served, kept when `text` and `doc` are the rendered DOM (its comments still decide emc-tag). */
  staticText?: string;
  /** The one parse of an HTML page, shared by every rule. */
  doc?: CheerioAPI;
  tls?: TlsFacts;
  timings: FetchTimings;
  fetchedAt: string;
  /** Fetched with another user agent than the normal one (cloaking check). */
  userAgent?: 'normal' | 'searchbot';
}

export interface FetchFailure {
  ok: false;
  url: string;
  reason: FetchFailureReason;
  /** Human-readable detail (error code, status, hop). */
  detail: string;
  redirects: RedirectHop[];
  /** HTTP status when the failure is an HTTP answer (e.g. 403 from a WAF). */
  status?: number;
  tls?: TlsFacts;
}

export type FetchResult = FetchedPage | FetchFailure;

export interface RobotsFacts {
  url: string;
  /** Read (and obeyed), none there, or unreadable after one retry (then crawled as if none). */
  state?: 'read' | 'none' | 'unreadable';
  /** HTTP status of robots.txt, or undefined when it could not be fetched (treated as allow-all). */
  status?: number;
  crawlDelaySec?: number;
  /** URLs the crawler did not fetch because robots.txt disallows them. */
  blocked: string[];
}

/** The http:// twin of an https home page: does it redirect to HTTPS, serve content, or refuse? */
export interface HttpProbe {
  url: string;
  outcome: 'redirects-to-https' | 'serves-http' | 'redirects-elsewhere' | 'unreachable';
  status?: number;
  location?: string;
  detail?: string;
}

export interface SoftRedirect {
  kind: 'meta-refresh' | 'script-location';
  from: string;
  to: string;
  /** Result of following it (one hop), if it was followed. */
  target?: FetchResult;
}

/** Why a home page was rendered (docs/rendering.md). */
export const RENDER_REASONS = ['script-shell', 'script-menu', 'script-emc', 'always', 'screenshot'] as const;
export type RenderWhy = (typeof RENDER_REASONS)[number];

/** The three reference figures of the 2025 national evaluation of state portals (docs/rendering.md, "Timings"). */
export const PAGE_LOAD_THRESHOLDS = { fcpMs: 3_000, lcpMs: 4_000, loadMs: 5_800 } as const;

/** Unscored page-load figures of a rendered page, milliseconds from navigation start (docs/rendering.md). */
export interface PageTimings {
  fcpMs?: number;
  lcpMs?: number;
  loadMs?: number;
  /** Decoded bytes of every request the page made, its own document included. */
  bytes: number;
  requests: number;
  /** First content < 3 s, largest content < 4 s and complete < 5.8 s (2025 national evaluation of state portals). */
  withinThresholds?: boolean;
}

export interface RenderFacts {
  why: RenderWhy;
  url: string;
  /** The rendered DOM became the home page the rules judge (a screenshot-only render leaves the static view). */
  judged: boolean;
  /** Why the render failed (the page looped, crashed, flooded requests…): the home page's rules are then `error`. */
  error?: string;
  timings?: PageTimings;
  /** JPEG of the rendered page's viewport. */
  screenshot?: Buffer;
  /** Requests of the page that were refused (private address, robots, caps…), at most 20 kept. */
  refused: { url: string; reason: string }[];
}

/**
 * The closed set of artifact keys: rules name the ones they need in `meta.requires`, typed against this
 * interface, so a typo fails to compile and a missing artifact becomes an `error` finding, never a pass.
 */
export interface Artifacts {
  unit: Unit;
  /** The registry website fetched with HTTP redirects followed: the home page, or why it failed. */
  homeFetch: FetchResult;
  /** Present only when `homeFetch` succeeded with HTML. */
  home?: FetchedPage & { doc: CheerioAPI };
  /**
   * Every page fetched for this unit, by requested URL (home, navigation targets, one-hop pages). Absent when the
   * pages were not collected (no rule asked for them, or the home page gave no HTML to find links in): a rule that
   * requires `pages` then gets `missingArtifact`, never a judgement over an empty map.
   */
  pages?: Map<string, FetchResult>;
  /** TLS facts of the home page's final host when it is HTTPS. */
  tls?: TlsFacts;
  /** http:// twin of the home page (only when the home page is HTTPS). */
  httpProbe?: HttpProbe;
  /** https:// twin when the registry website is http:// and did not redirect to HTTPS. */
  httpsProbe?: FetchResult;
  robots?: RobotsFacts;
  softRedirect?: SoftRedirect;
  /**
   * Same-site script files referenced by the home page (for loaders such as the EMC tag); absent, like `pages`,
   * when they were not collected. An empty map: the home page references none.
   */
  scripts?: Map<string, FetchResult>;
  /** Same-site stylesheets of the home page (`<link rel="stylesheet">`), for rules that ask what the CSS hides. */
  stylesheets?: Map<string, FetchResult>;
  /** The advertised feed, fetched. */
  feed?: FetchResult;
  /** The home page fetched with a search-engine crawler's user agent (cloaking check). */
  searchbotHome?: FetchResult;
  /** The home page rendered in the browser (--render, --screenshots). */
  render?: RenderFacts;
  /**
   * Set when `home` is the DOM a browser rendered, not the static HTML: a script shell is then judged like any
   * page (src/engine/unit-verdict.ts). Not a rule input: no rule may require it.
   */
  rendered?: { why: string };
}

export type ArtifactKey = Exclude<keyof Artifacts, 'unit' | 'rendered'>;
