// What the store keeps per unit and per run (docs/results.md).
import type { CrawlStatus, PageTimings, RenderWhy } from './artifacts.js';
import type { Evidence, Status, UnitFacts } from './rule.js';
import type { UnitType } from './unit.js';
import type { PlatformSummary } from '../aggregate/by-platform.js';

/** Best first; "Chưa xác minh" (verified < 0.75) is not a step of that scale but a grade apart (docs/verdicts.md). */
export const GRADES = ['Tốt', 'Khá', 'Đạt', 'Chưa đạt', 'Chưa xác minh'] as const;
export type Grade = (typeof GRADES)[number];

export interface Finding {
  rule: string;
  status: Status;
  /** Rendered in the run's language; `messageId` + `data` let a reporter re-render it in another. */
  message: string;
  messageId: string;
  data?: Record<string, string | number>;
  evidence: Evidence[];
  /** Set when status is `exempt`: the approved justification, and the status the rule gave before. */
  exemption?: FindingExemption;
}

export interface FindingExemption {
  reason: string;
  approvedBy: string;
  /** ISO date (YYYY-MM-DD) the exemption ends. */
  until: string;
  originalStatus: Status;
}

/** An `--exemptions` entry that was not applied (expired, unknown unit or rule), kept in results.json. */
export interface ExemptionWarning {
  /** Where it came from: FILE:ROW. */
  source: string;
  unit: string;
  rule: string;
  problem: 'expired' | 'unknown-unit' | 'unknown-rule';
  message: string;
}

export interface CrawlSummary {
  status: CrawlStatus;
  pages: number;
  durationMs: number;
  error?: string;
  /** The site's robots.txt: read (and obeyed), none, or unreadable after one retry; absent with --ignore-robots. */
  robots?: 'read' | 'none' | 'unreadable';
  /** Every HTTP redirect hop of the home page. */
  redirects?: { url: string; status: number; location: string }[];
  /** The home page was rendered in a browser, and why; `error` when the render failed (docs/rendering.md). */
  rendered?: { why: RenderWhy; error?: string };
  /** A page was cut at --max-bytes and judged on its first --max-bytes decoded bytes. */
  truncated?: boolean;
  /** The home page is a script shell (docs/verdicts.md); without rendering its content rules are `error`. */
  scriptShell?: boolean;
}

/** A screenshot kept in evidence/ (JPEG, named by its SHA-256). */
export interface ScreenshotRef {
  file: string;
  sha256: string;
  url: string;
  view: 'desktop';
}

export interface UnitResult {
  id: string;
  name: string;
  type: UnitType;
  district: string;
  province: string;
  website: string | null;
  finalUrl: string | null;
  /** Further addresses the registry's website cell held (not crawled; listed by the registry checks). */
  alternates?: string[];
  /** Page title of the home page (untrusted website text). */
  title?: string;
  score: number | null;
  verified: number;
  grade: Grade;
  /** The blocking rule the unit failed (site-reachable, redirect-offsite, no-malicious-content), if any. */
  blocking?: string;
  crawl: CrawlSummary;
  findings: Finding[];
  facts: UnitFacts;
  /** Unscored page-load figures of the rendered home page. */
  timings?: PageTimings;
  screenshots?: ScreenshotRef[];
  ruleSetVersion: string;
  auditedAt: string;
}

export type StatusCounts = Record<Status, number>;

export interface DistrictSummary {
  district: string;
  units: number;
  reachable: number;
  averageScore: number | null;
  grades: Record<Grade, number>;
  rules: Record<string, StatusCounts>;
}

export interface RegistryIssue {
  kind:
    | 'invalid-row'
    | 'duplicate-website'
    | 'duplicate-emc-id'
    | 'redirects-to-other-unit'
    | 'http-but-https'
    | 'unreachable'
    | 'alternate-website';
  units: string[];
  detail: string;
}

export interface RunResults {
  schemaVersion: 1;
  run: {
    startedAt: string;
    finishedAt: string;
    now: string;
    tool: { name: string; version: string };
    ruleSetVersion: string;
    registry: { file: string; sha256: string; units: number; invalidRows: number };
    options: Record<string, unknown>;
    rules: string[];
    registryChecks: RegistryIssue[];
    exemptionWarnings?: ExemptionWarning[];
    /** A `--shard K/N` run: its slice, with each unit's index in the whole registry so `merge` restores registry order. */
    shard?: { k: number; n: number; registryIndex: Record<string, number> };
    /** Which limit bounded the crawl and how long requests and units waited for each (src/run/run-limits.ts). */
    limits?: RunLimits;
  };
  units: UnitResult[];
  districts: DistrictSummary[];
  /** Province summary: units per platform (src/aggregate/by-platform.ts); absent in runs written before it. */
  province?: { platforms: PlatformSummary[] };
}

/** What held the run back (src/run/run-limits.ts): `none` when the sites' own answer times did. */
export type RunBound = 'per-ip' | 'per-host' | 'spacing' | 'page-memory' | 'cpu' | 'concurrency' | 'none';

export interface RunLimits {
  bound: RunBound;
  /** Shares of request time (per-ip, per-host, spacing), of unit time (page-memory), of loop time (cpu), of crawl time (concurrency). */
  shares: Record<Exclude<RunBound, 'none'>, number>;
  /** Total waits, in ms. */
  waitMs: { perIp: number; perHost: number; spacing: number; pageMemory: number };
  requests: number;
  /** Units that waited for --page-memory. */
  pageMemoryUnits: number;
  /** Pages the crawler had parsed that went back to compact to let waiting units in, so were parsed twice (page-memory.ts). */
  pageMemoryReparsed: number;
  /** The addresses carrying the most units, with how long their requests waited for a --per-ip slot. */
  busiest: { address: string; units: number; waitMs: number }[];
  limits: { perIp: number; perHost: number; concurrency: number; pageMemory: number };
}
