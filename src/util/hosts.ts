// Host comparisons the rules share: same host ignoring scheme and `www.`, registrable domain under the PSL.
import { getDomain } from 'tldts';

/** Host of an absolute http(s) URL as our link helpers produce them (already WHATWG-serialised). */
const SERIALISED_HOST = /^https?:\/\/([a-z0-9.-]+)(?=[:/?#]|$)/;

export function hostOf(url: string): string | undefined {
  // fast path for the serialised URLs every link helper yields (called for every link of every page); anything
  // else (user info, IPv6, upper case, unusual forms) goes through the WHATWG parser
  const fast = SERIALISED_HOST.exec(url);
  if (fast) return fast[1];
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

export const stripWww = (host: string): string => host.replace(/^www\d?\./, '');

/** Same site for link rules: same host, ignoring scheme, `www.`, port and path. */
export function sameHost(a: string, b: string): boolean {
  const ha = hostOf(a);
  const hb = hostOf(b);
  return ha !== undefined && hb !== undefined && stripWww(ha) === stripWww(hb);
}

/** Registrable domain under the public suffix list (`edu.vn` is a suffix: a.haiphong.edu.vn → haiphong.edu.vn). */
export function registrableDomain(hostOrUrl: string): string | undefined {
  const host = hostOrUrl.includes('://') ? hostOf(hostOrUrl) : hostOrUrl.toLowerCase();
  if (!host) return undefined;
  return getDomain(host, { allowPrivateDomains: false }) ?? host;
}

/** Host equals `domain` or is a subdomain of it. */
export function hostMatches(host: string, domain: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  const d = domain.toLowerCase().replace(/^\./, '');
  return h === d || h.endsWith(`.${d}`);
}

/** `url` is on the unit's own site: the registrable domain of `website`, or another official host (a move after a merger). */
export function staysOnSite(url: string, website: string, officialSuffixes: readonly string[]): boolean {
  const host = hostOf(url);
  if (!host) return false;
  const own = registrableDomain(host);
  if (own !== undefined && own === registrableDomain(website)) return true;
  return officialSuffixes.some((s) => hostMatches(host, s));
}
