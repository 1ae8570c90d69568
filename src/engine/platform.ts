// Detects the platform a unit's site runs on (triage fact, requirements.md "Facts recorded for triage"): an
// inspector fixes a fleet platform by platform, so the guess must name what decided it.
import type { CheerioAPI } from 'cheerio';
import { hostMatches, hostOf, registrableDomain, stripWww } from './hosts.js';

export interface PlatformGuess {
  /** e.g. "NukeViet 4.x", "WordPress", "Violet", "Joomla", "Drupal 10", "Cổng đa đơn vị (haiphong.edu.vn)". */
  name: string;
  /** What decided it, for evidence. */
  marker: string;
}

/** Multi-tenant school-site services hosted on a provider's domain (the school is a sub-site of it). */
const HOSTED_SERVICES: { host: string; name: string }[] = [
  { host: 'violet.vn', name: 'Violet' },
  { host: 'blogspot.com', name: 'Blogger' },
  { host: 'wordpress.com', name: 'WordPress.com' },
  { host: 'weebly.com', name: 'Weebly' },
];

function generatorPlatform(generator: string): string | undefined {
  const g = generator.trim();
  const nuke = /nukeviet\s*v?(\d+)/i.exec(g);
  if (nuke) return `NukeViet ${nuke[1]}.x`;
  if (/nukeviet/i.test(g)) return 'NukeViet';
  if (/wordpress/i.test(g)) return 'WordPress';
  if (/joomla/i.test(g)) return 'Joomla';
  const drupal = /drupal\s*(\d+)?/i.exec(g);
  if (drupal) return drupal[1] ? `Drupal ${drupal[1]}` : 'Drupal';
  if (/violet/i.test(g)) return 'Violet';
  return undefined;
}

/**
 * Platform guess from the host (hosted services), the generator meta, the asset paths each CMS leaves, and last a
 * path on a bare `<province>.edu.vn` host (a tenant of the province's shared portal). Undefined when nothing tells.
 */
export function detectPlatform($: CheerioAPI, finalUrl: string, html: string): PlatformGuess | undefined {
  const host = hostOf(finalUrl);
  if (host) {
    const hosted = HOSTED_SERVICES.find((s) => hostMatches(host, s.host));
    if (hosted) return { name: hosted.name, marker: `host ${host}` };
  }
  const generator = $('meta').filter((_, el) => ($(el).attr('name') ?? '').toLowerCase() === 'generator').first().attr('content');
  if (generator) {
    const name = generatorPlatform(generator);
    if (name) return { name, marker: `<meta name="generator" content="${generator.trim()}">` };
  }
  // Asset paths survive when a theme removes the generator meta.
  if (/\bnv_base_siteurl\b|\bnv_siteroot\b|\/themes\/[\w-]+\/js\/main\.js/.test(html)) return { name: 'NukeViet', marker: 'nv_base_siteurl' };
  if (/\/wp-content\/|\/wp-includes\//.test(html)) return { name: 'WordPress', marker: '/wp-content/' };
  if (/\/media\/jui\/|\/components\/com_|option=com_/.test(html)) return { name: 'Joomla', marker: '/components/com_' };
  if (/drupal-settings-json|\/sites\/default\/files\/|Drupal\.settings/.test(html)) return { name: 'Drupal', marker: '/sites/default/files/' };
  if (host) {
    const url = new URL(finalUrl);
    const bare = stripWww(host);
    // A school living at a path of an `<province>.edu.vn` portal host is a tenant of the shared portal.
    if (bare === registrableDomain(bare) && bare.endsWith('.edu.vn') && url.pathname.replace(/\/+$/, '') !== '') {
      return { name: `Cổng đa đơn vị (${bare})`, marker: `path ${url.pathname} on ${bare}` };
    }
  }
  return undefined;
}
