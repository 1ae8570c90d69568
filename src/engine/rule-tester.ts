// A small RuleTester for rule tests (ESLint's idea): builds Artifacts from HTML without a server, and registers vitest
// cases that must name their messageId. Test-only: it imports vitest, so the CLI and the library never import it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import type { Artifacts, FetchFailure, FetchFailureReason, FetchResult, FetchedPage, RedirectHop, TlsFacts } from '../model/artifacts.js';
import { ARTIFACT_KEYS, ARTIFACT_SPECS, type ArtifactSpec, type OptionArtifactKey } from '../model/artifact-specs.js';
import type { RegistryIndex, Rule, RuleContext, Status, UnitFacts } from '../model/rule.js';
import type { Unit } from '../model/unit.js';
import { parseHtml } from '../collect/parse.js';
import { hostOf, sameHost } from '../util/hosts.js';
import { judgeUnit } from './runner.js';
import type { RulesConfig } from './rules-config.js';
import { defaultRulesConfig } from '../../rules/index.js';

const FIXTURE_PAGES = fileURLToPath(new URL('../../fixtures/pages/', import.meta.url));

/** Reads `fixtures/pages/<dir>/<name>` (UTF-8, NFC as the crawler gives it). */
export function fixturePage(dir: string, name: string): string {
  return readFileSync(`${FIXTURE_PAGES}${dir}/${name}`, 'utf8').normalize('NFC');
}

/** How a test gives an artifact by its own name: a fetch map as URL → text (served 200) or a full FetchResult. */
type OptionValue<K extends OptionArtifactKey> = (typeof ARTIFACT_SPECS)[K]['stored'] extends 'fetch-map'
  ? Record<string, string | FetchResult>
  : NonNullable<Artifacts[K]>;

/** The artifacts the crawler collects beside the home page (probes, feed, scripts…), each by its own name. */
export type OptionArtifacts = { [K in OptionArtifactKey]?: OptionValue<K> };

export interface ArtifactOptions extends OptionArtifacts {
  /** The home page HTML; omitted with `failure` or a non-HTML `contentType`. */
  html?: string;
  /** Registry fields; `website` is the registry URL (null: the registry has none). */
  unit?: Partial<Omit<Unit, 'website' | 'parent'>> & { website?: string | null; parent?: string | null };
  /** URL the HTTP redirects ended on (default: the registry website). */
  finalUrl?: string;
  redirects?: RedirectHop[];
  status?: number;
  contentType?: string;
  /** TLS facts of the final host; default a valid certificate when the final URL is https; null: none. */
  tls?: TlsFacts | null;
  /** The home fetch failed: reason and detail (redirects and status optional). */
  failure?: { reason: FetchFailureReason; detail: string; status?: number; redirects?: RedirectHop[]; tls?: TlsFacts };
}

const DEFAULT_WEBSITE = 'https://thcs-nguyendu.hcm.edu.vn/';
const FETCHED_AT = '2026-11-02T08:00:00.000Z';

/** A successful fetch of `url` with `text` (HTML parsed once, as the crawler does). */
export function fetchedPage(
  url: string,
  text: string,
  opts: { status?: number; contentType?: string; finalUrl?: string; redirects?: RedirectHop[] } = {},
): FetchedPage {
  const contentType = opts.contentType ?? 'text/html; charset=utf-8';
  const isHtml = /html/i.test(contentType);
  const finalUrl = opts.finalUrl ?? url;
  return {
    ok: true,
    url,
    finalUrl,
    status: opts.status ?? 200,
    headers: { 'content-type': contentType },
    redirects: opts.redirects ?? [],
    contentType,
    isHtml,
    bytes: Buffer.byteLength(text),
    text: text.normalize('NFC'),
    ...(isHtml ? { doc: parseHtml(text) } : {}),
    timings: { headersMs: 40, totalMs: 120 },
    fetchedAt: FETCHED_AT,
    userAgent: 'normal',
  };
}

export function validTls(host: string): TlsFacts {
  return {
    host,
    valid: true,
    subject: `CN=${host}`,
    issuer: "CN=R11, O=Let's Encrypt",
    validFrom: '2026-09-01T00:00:00Z',
    validTo: '2026-11-30T23:59:59Z',
  };
}

export function makeUnit(overrides: ArtifactOptions['unit'] = {}): Unit {
  const { website, parent, ...rest } = overrides;
  const site = website === null ? undefined : (website ?? DEFAULT_WEBSITE);
  const par = parent === null ? undefined : (parent ?? undefined);
  return {
    id: '79000701',
    name: 'Trường THCS Nguyễn Du',
    type: 'thcs',
    district: 'Quận 1',
    province: ['hcm'],
    source: { file: 'registry.csv', row: 2 },
    ...rest,
    ...(site ? { website: site } : {}),
    ...(par ? { parent: par } : {}),
  };
}

/**
 * A unit's artifacts as the collectors give them. `pages` and `scripts` are always there (empty but for the home
 * page), as when a rule needs them, so a test can add to them; delete one to test a rule without it.
 */
export type TestArtifacts = Artifacts & Required<Pick<Artifacts, 'pages' | 'scripts'>>;

/** A fetch map given as URL → text (a 200 script or page) or a full FetchResult. */
function fetchMap(entries: Record<string, string | FetchResult> = {}): Map<string, FetchResult> {
  const map = new Map<string, FetchResult>();
  for (const [url, s] of Object.entries(entries))
    map.set(url, typeof s === 'string' ? fetchedPage(url, s, { contentType: 'application/javascript' }) : s);
  return map;
}

/** The artifacts a test gives by name, as its declaration in ARTIFACT_SPECS says (fetch maps always there). */
function optionArtifacts(opts: ArtifactOptions): Partial<Artifacts> {
  const out: Record<string, unknown> = {};
  for (const key of ARTIFACT_KEYS) {
    const spec: ArtifactSpec = ARTIFACT_SPECS[key];
    if (spec.builtFromHome) continue;
    const given = (opts as Record<string, unknown>)[key];
    if (spec.stored === 'fetch-map') out[key] = fetchMap(given as Record<string, string | FetchResult> | undefined);
    else if (given !== undefined) out[key] = given;
  }
  return out;
}

/** Artifacts for one unit, as the collectors would give them. */
export function makeArtifacts(opts: ArtifactOptions = {}): TestArtifacts {
  const unit = makeUnit(opts.unit);
  const website = unit.website ?? '';
  const pages = new Map<string, FetchResult>();
  const base = { unit, pages, scripts: new Map<string, FetchResult>(), ...optionArtifacts(opts) };
  if (!website || opts.failure) {
    const failure: FetchFailure = website
      ? {
          ok: false,
          url: website,
          reason: opts.failure?.reason ?? 'invalid_url',
          detail: opts.failure?.detail ?? '',
          redirects: opts.failure?.redirects ?? [],
          ...(opts.failure?.status !== undefined ? { status: opts.failure.status } : {}),
          ...(opts.failure?.tls ? { tls: opts.failure.tls } : {}),
        }
      : { ok: false, url: '', reason: 'invalid_url', detail: 'no website', redirects: [] };
    if (website) pages.set(website, failure);
    return { ...base, homeFetch: failure, ...(opts.tls ? { tls: opts.tls } : {}) };
  }
  const finalUrl = opts.finalUrl ?? website;
  const page = fetchedPage(website, opts.html ?? '', {
    finalUrl,
    redirects: opts.redirects ?? [],
    ...(opts.status !== undefined ? { status: opts.status } : {}),
    ...(opts.contentType !== undefined ? { contentType: opts.contentType } : {}),
  });
  const finalHost = hostOf(finalUrl) ?? '';
  const tls = opts.tls === null ? undefined : (opts.tls ?? (finalUrl.startsWith('https://') ? validTls(finalHost) : undefined));
  const withTls = tls ? { ...page, tls } : page;
  // one object for the home page in homeFetch and pages, as the crawler leaves it
  pages.set(website, withTls);
  // as src/collect/crawl-unit.ts: `home` only for a 2xx HTML answer (an error page is not the home page)
  const home =
    withTls.doc && withTls.isHtml && withTls.status >= 200 && withTls.status < 300
      ? { home: withTls as FetchedPage & { doc: NonNullable<FetchedPage['doc']> } }
      : {};
  return { ...base, homeFetch: withTls, ...home, ...(tls ? { tls } : {}) };
}

export function makeContext(opts: { config?: Partial<RulesConfig>; units?: Unit[]; now?: Date } = {}): RuleContext {
  const units = opts.units ?? [];
  const registry: RegistryIndex = {
    units,
    childrenOf: (unit) => (unit.website ? units.filter((u) => u.parent !== undefined && sameHost(u.parent, unit.website as string)) : []),
  };
  return { now: opts.now ?? new Date('2026-11-02T00:00:00Z'), config: { ...defaultRulesConfig(), ...opts.config }, registry };
}

export interface RuleCase {
  name: string;
  artifacts: Artifacts;
  config?: Partial<RulesConfig>;
  /** Registry units for `ctx.registry` (children of a portal). */
  units?: Unit[];
  /** The audit date (`ctx.now`) for date rules; default 2026-11-02. */
  now?: Date;
  expected: {
    status: Status;
    /** Required for `fail` and `warn` (tests assert ids, not wording). */
    messageId?: string;
    /** Subset of the finding's data. */
    data?: Record<string, string | number>;
    /** Subset of the facts the rule records. */
    facts?: UnitFacts;
    /** Every string must occur in some evidence field (url, selector or excerpt). */
    evidence?: string[];
  };
}

/** Validates the cases themselves: unique names, and every fail/warn names its messageId. */
export function checkCases(rule: Rule, cases: readonly RuleCase[]): void {
  const names = new Set<string>();
  for (const c of cases) {
    if (names.has(c.name)) throw new Error(`${rule.meta.id}: duplicate case name "${c.name}"`);
    names.add(c.name);
    if ((c.expected.status === 'fail' || c.expected.status === 'warn') && !c.expected.messageId) {
      throw new Error(`${rule.meta.id}: case "${c.name}" expects ${c.expected.status} without a messageId`);
    }
    const id = c.expected.messageId;
    if (id && !(id in rule.meta.messages) && !['notApplicable', 'missingArtifact', 'ruleCrashed'].includes(id)) {
      throw new Error(`${rule.meta.id}: case "${c.name}" expects unknown messageId "${id}"`);
    }
  }
}

/** Registers one vitest case per entry; each runs the rule through the real runner (appliesTo, requires, isolation). */
export function runRuleCases(rule: Rule, cases: readonly RuleCase[]): void {
  checkCases(rule, cases);
  for (const c of cases) {
    it(c.name, () => {
      let crash: unknown;
      const judged = judgeUnit(
        c.artifacts,
        [rule],
        makeContext({
          ...(c.config ? { config: c.config } : {}),
          ...(c.units ? { units: c.units } : {}),
          ...(c.now ? { now: c.now } : {}),
        }),
        'vi',
        (_, e) => {
          crash = e;
        },
        { unitConditions: false },
      );
      if (crash) throw crash;
      const finding = judged.findings[0];
      expect(finding).toBeDefined();
      if (!finding) return;
      const got = { status: finding.status, messageId: finding.messageId };
      expect(got, finding.message).toEqual({ status: c.expected.status, messageId: c.expected.messageId ?? finding.messageId });
      if (c.expected.data) expect(finding.data ?? {}).toMatchObject(c.expected.data);
      if (c.expected.facts) expect(judged.facts).toMatchObject(c.expected.facts);
      for (const needle of c.expected.evidence ?? []) {
        const text = finding.evidence.map((e) => `${e.url} ${e.selector ?? ''} ${e.excerpt ?? ''}`).join('\n');
        expect(text, `evidence should mention ${needle}`).toContain(needle);
      }
      // Every rendered message must have all its placeholders filled.
      expect(finding.message).not.toMatch(/\{\w+\}/);
    });
  }
}
