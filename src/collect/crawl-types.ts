// The crawl's shared types, apart from the code that builds the context (crawl-context.ts) and fetches (fetch-page.ts),
// so that the fetch modules need not import the module that wires them together: src/collect has no import circle.
import type { Agent } from 'undici';
import type { TlsFacts } from '../model/artifacts.js';
import type { ConnectToRule } from './connect-to.js';
import type { HostLimits } from './host-limits.js';
import type { RobotsCache } from './robots.js';
import type { Targeting } from './page-targets.js';
import type { PageMemory, PageTicket } from './page-memory.js';
import type { DEFAULT_RENDER, Renderer } from '../render/renderer.js';
import type { RenderMode } from '../render/render-decision.js';

export interface CrawlLogger {
  debug(o: object, msg?: string): void;
  warn(o: object, msg?: string): void;
}

export interface CrawlOptions {
  userAgent: string;
  /** Per request, headers and body together. */
  timeoutMs: number;
  maxBytes: number;
  maxPages: number;
  perHost: number;
  perIp: number;
  connectTo: string[];
  caFiles: string[];
  allowPrivate: boolean;
  ignoreRobots: boolean;
  unitDeadlineMs: number;
  retries: number;
  /** MB of decoded HTML the units in flight may hold parsed (default 12). */
  pageMemoryMb?: number;
  /** Keywords that steer the page budget (from the rules' config); without them, menu order decides. */
  targeting?: Targeting;
  /** --render (default never for library callers), --screenshots, --browser; EMC hosts for the render decision. */
  render?: RenderMode;
  screenshots?: boolean;
  browserPath?: string;
  emcHosts?: readonly string[];
  /** Caps of one render (tests lower them); defaults in src/render/renderer.ts. */
  renderLimits?: Partial<typeof DEFAULT_RENDER>;
  logger?: CrawlLogger;
}

export interface CrawlContext {
  options: CrawlOptions;
  connectTo: ConnectToRule[];
  dispatcher: Agent;
  limits: HostLimits;
  robots: RobotsCache;
  /** Certificates seen, by TLS server name (filled by the dispatcher's connector). */
  tlsFacts: Map<string, TlsFacts>;
  /** Admits units while the pages they hold parsed fit --page-memory. */
  memory: PageMemory;
  counters: { pages: number; bytes: number };
  /** The headless browser, started on first need; absent with --render never and no --screenshots. */
  renderer?: Renderer;
  close(): Promise<void>;
}

/** Per-unit scope of a fetch: the unit deadline and where robots-blocked URLs are recorded. */
export interface UnitScope {
  signal: AbortSignal;
  /** Runnable time left before the unit deadline (loop-clock.ts). */
  remainingMs(): number;
  robotsBlocked: string[];
  /** The unit's share of --page-memory: what its pages hold, compact or parsed, while it crawls (page-body.ts). */
  memory?: PageTicket;
}

export interface FetchPageOptions {
  userAgent?: 'normal' | 'searchbot';
  /** Follow HTTP redirects (default true); false returns the 3xx answer itself. */
  followRedirects?: boolean;
  maxBytes?: number;
  /** Parse HTML into `doc` (default true). */
  parse?: boolean;
  /** The unit this fetch belongs to: its deadline, and where robots-blocked URLs go. */
  scope?: UnitScope;
  /** Internal: the robots.txt fetch itself. */
  skipRobots?: boolean;
  /** Overrides --retries (probes ask once: their failure is the answer). */
  retries?: number;
  /** Keep the first maxBytes of a longer body (default: when parsing HTML) instead of failing it as too_large. */
  truncate?: boolean;
}
