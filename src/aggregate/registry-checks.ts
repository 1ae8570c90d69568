// Run-level registry checks (docs/catalogue.md, "Facts recorded for triage"): what the registry owner must fix.
import type { RegistryIssue, UnitResult } from '../model/result.js';
import { hostOf, stripWww } from '../util/hosts.js';

export interface UnitTrace {
  id: string;
  website: string | null;
  finalUrl: string | null;
  emcSiteId?: string;
  crawlStatus: string;
  crawlError?: string;
  /** Further addresses of the website cell (an old violet.vn site beside the new one). */
  alternates?: string[];
}

/** What the checks need of a finished unit (also used by `merge`, which recomputes them over all shards). */
export function traceOf(result: UnitResult): UnitTrace {
  return {
    id: result.id,
    website: result.website,
    finalUrl: result.finalUrl,
    crawlStatus: result.crawl.status,
    ...(result.crawl.error ? { crawlError: result.crawl.error } : {}),
    ...(result.alternates?.length ? { alternates: result.alternates } : {}),
    ...(result.facts.emcSiteId !== undefined ? { emcSiteId: String(result.facts.emcSiteId) } : {}),
  };
}

/**
 * A site is its host plus the folder it lives in: schools of a province multi-tenant portal share one host
 * (`haiphong.edu.vn/thcs-hongbang/`) and are different sites. A last segment that names a file
 * (`/Default.aspx`, `/index.php`) is the site's home page, not a folder.
 */
const siteKey = (url: string | null): string | undefined => {
  if (!url) return undefined;
  const host = hostOf(url);
  if (!host) return undefined;
  let segments: string[];
  try {
    segments = new URL(url).pathname.split('/').filter(Boolean);
  } catch {
    segments = [];
  }
  if (segments.length && segments[segments.length - 1]!.includes('.')) segments.pop();
  return [stripWww(host), ...segments].join('/');
};

/** The unit whose site holds a URL: the longest site key that is the URL's key or a folder above it. */
function ownerOfUrl(owners: ReadonlyMap<string, string>, key: string): string | undefined {
  for (let k = key; ; k = k.slice(0, k.lastIndexOf('/'))) {
    const owner = owners.get(k);
    if (owner) return owner;
    if (!k.includes('/')) return undefined;
  }
}

function groupBy(traces: UnitTrace[], key: (t: UnitTrace) => string | undefined): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const t of traces) {
    const k = key(t);
    if (!k) continue;
    const ids = groups.get(k) ?? [];
    ids.push(t.id);
    groups.set(k, ids);
  }
  return groups;
}

export function registryChecks(traces: UnitTrace[]): RegistryIssue[] {
  const issues: RegistryIssue[] = [];
  for (const [site, ids] of groupBy(traces, (t) => siteKey(t.website))) {
    if (ids.length > 1) issues.push({ kind: 'duplicate-website', units: ids, detail: site });
  }
  for (const [siteId, ids] of groupBy(traces, (t) => t.emcSiteId)) {
    if (ids.length > 1) issues.push({ kind: 'duplicate-emc-id', units: ids, detail: `setSiteId ${siteId}` });
  }
  const ownerOf = new Map<string, string>();
  for (const t of traces) {
    const k = siteKey(t.website);
    if (k && !ownerOf.has(k)) ownerOf.set(k, t.id);
  }
  for (const t of traces) {
    const from = siteKey(t.website);
    const to = siteKey(t.finalUrl);
    if (from && to && from !== to) {
      const other = ownerOfUrl(ownerOf, to);
      if (other && other !== t.id)
        issues.push({ kind: 'redirects-to-other-unit', units: [t.id, other], detail: `${t.website} → ${t.finalUrl}` });
    }
    if (t.website?.startsWith('http://') && t.finalUrl?.startsWith('https://') && siteKey(t.finalUrl) === from) {
      issues.push({ kind: 'http-but-https', units: [t.id], detail: `${t.website} → ${t.finalUrl}` });
    }
    for (const alternate of t.alternates ?? []) {
      // the other address may be another unit's own site: then both units are named
      const other = ownerOf.get(siteKey(alternate) ?? '');
      const also = other && other !== t.id ? [other] : [];
      const where =
        t.finalUrl && siteKey(t.finalUrl) === siteKey(alternate)
          ? ' (website chuyển hướng tới địa chỉ này / the website redirects here)'
          : '';
      issues.push({ kind: 'alternate-website', units: [t.id, ...also], detail: `${t.website ?? '-'} + ${alternate}${where}` });
    }
    if (t.crawlStatus !== 'ok' && t.crawlStatus !== 'no_website') {
      issues.push({ kind: 'unreachable', units: [t.id], detail: `${t.crawlStatus}${t.crawlError ? `: ${t.crawlError}` : ''}` });
    }
  }
  return issues;
}
