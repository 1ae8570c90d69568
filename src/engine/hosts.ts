// Host comparisons the rules share: same host ignoring scheme and `www.`, registrable domain under the PSL.
import { getDomain } from 'tldts';

export function hostOf(url: string): string | undefined {
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
