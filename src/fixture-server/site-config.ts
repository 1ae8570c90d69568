// Per-site `_site.json`: how a fixture host behaves (transport, certificate, encoding, hostile behaviour).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

export const BEHAVIOURS = [
  'redirect-loop',
  'redirect-chain',
  'endless-body',
  'slow-headers',
  'huge-body',
  'gzip-bomb',
  'server-error',
  'rate-limited',
  'waf',
  'redirect-private',
  'not-html',
  'reset',
  'deep-page',
  'many-links',
  'rate-limited-always',
] as const;
export type Behaviour = (typeof BEHAVIOURS)[number];

export const CERT_KINDS = ['valid', 'expired', 'wrong-host', 'self-signed'] as const;
export type CertKind = (typeof CERT_KINDS)[number];

const siteConfigSchema = z.strictObject({
  /** Served on the HTTPS port at all; false aborts the TLS handshake, like a host with nothing on 443. */
  https: z.boolean().default(true),
  /** Default: redirect to HTTPS when HTTPS is on, else serve. */
  http: z.enum(['serve', 'redirect-https', 'refuse']).optional(),
  cert: z.enum(CERT_KINDS).default('valid'),
  contentType: z.string().optional(),
  compress: z.enum(['gzip', 'br']).optional(),
  headers: z.record(z.string(), z.string()).default({}),
  redirects: z.record(z.string(), z.strictObject({ status: z.number().int().min(300).max(399), location: z.string() })).default({}),
  status: z.record(z.string(), z.number().int().min(100).max(599)).default({}),
  behaviour: z.enum(BEHAVIOURS).optional(),
  /** Free text for humans reading the fixture; ignored by the server. */
  comment: z.string().optional(),
});

export type SiteConfig = z.infer<typeof siteConfigSchema> & { http: 'serve' | 'redirect-https' | 'refuse' };

export interface Site {
  host: string;
  dir: string;
  config: SiteConfig;
}

// Host names become folder names: allow only DNS-ish labels so a Host header can never climb out of sitesDir.
const HOST_RE = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/;

export function parseSiteConfig(raw: unknown, where: string): SiteConfig {
  const parsed = siteConfigSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`${where}: ${z.prettifyError(parsed.error)}`);
  const c = parsed.data;
  return { ...c, http: c.http ?? (c.https ? 'redirect-https' : 'serve') };
}

/** Loads sites lazily and caches them (including misses) for the server's lifetime. */
export class SiteRegistry {
  private readonly cache = new Map<string, Site | null>();

  constructor(readonly sitesDir: string) {}

  get(host: string): Site | undefined {
    const key = host.toLowerCase().replace(/\.$/, '');
    if (!this.cache.has(key)) this.cache.set(key, this.load(key));
    return this.cache.get(key) ?? undefined;
  }

  private load(host: string): Site | null {
    if (!HOST_RE.test(host)) return null;
    const dir = join(this.sitesDir, host);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) return null;
    const file = join(dir, '_site.json');
    const raw: unknown = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
    return { host, dir, config: parseSiteConfig(raw, file) };
  }
}

/** Strips the port from a Host header (IPv6 literals keep their brackets out). */
export function hostFromHeader(header: string | undefined): string {
  if (!header) return '';
  const h = header.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(1, h.indexOf(']'));
  return h.replace(/:\d*$/, '');
}
