// Detects the platform a unit's site runs on (triage fact, docs/catalogue.md "Facts recorded for triage"): an
// inspector fixes a fleet platform by platform ("which vendor do we call"), so the guess must name what decided it.
// The markers of each platform are described in docs/platforms.md.
import type { CheerioAPI } from 'cheerio';
import { hostMatches, hostOf, registrableDomain, stripWww } from '../util/hosts.js';

export interface PlatformGuess {
  /** e.g. "NukeViet 4.x (Edu Gate)", "VHV", "WordPress", "Joomla", "ASP.NET Web Forms", "Cổng đa đơn vị (haiphong.edu.vn)". */
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

/** Edu Gate themes of NukeViet keep their name in the theme folder (`/themes/edugate/`, `/themes/edu_gate/`). */
const EDU_GATE = /\/themes\/edu[-_]?gate[\w-]*\//i;

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
  if (/dotnetnuke|\bdnn\b/i.test(g)) return 'DotNetNuke (ASP.NET)';
  return undefined;
}

/**
 * A generator this module does not know still names the vendor: its product part, before any " - description"
 * ("EduPortal 3.2 - Cổng thông tin…" → "EduPortal 3.2"), at most 40 characters.
 */
function unknownGenerator(generator: string): string | undefined {
  const product = generator
    .split(/\s[-–|]\s/)[0]!
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 40)
    .trim();
  return /[a-z]/i.test(product) ? product : undefined;
}

interface Marker {
  name: string;
  marker: string;
  re: RegExp;
}

/** Asset paths and inline code each CMS leaves when a theme removes the generator meta (checked in order). */
const CMS_MARKERS: Marker[] = [
  { name: 'NukeViet', marker: 'nv_base_siteurl', re: /\bnv_base_siteurl\b|\bnv_siteroot\b|\/themes\/[\w-]+\/js\/main\.js/ },
  // VHV portals print no generator: the lib2 bundle under /publish/js/, the inline VHV.init() and /3rdparty/ assets.
  { name: 'VHV', marker: '/publish/js/lib2-', re: /\/publish\/js\/lib2-[\d.]+(?:\.min)?\.js/ },
  { name: 'VHV', marker: 'VHV.init()', re: /\$\.extend\(\s*VHV\s*,|\bVHV\.init\(\s*\)/ },
  { name: 'WordPress', marker: '/wp-content/', re: /\/wp-content\/|\/wp-includes\// },
  { name: 'Joomla', marker: '/components/com_', re: /\/media\/jui\/|\/components\/com_|option=com_/ },
  // Joomla 4/5 serve templates and system scripts from /media/.
  {
    name: 'Joomla',
    marker: '/media/templates/site/',
    re: /\/media\/templates\/site\/|\/media\/system\/js\/core(?:\.min)?\.js|\/media\/mod_menu\//,
  },
  { name: 'Drupal', marker: '/sites/default/files/', re: /drupal-settings-json|\/sites\/default\/files\/|Drupal\.settings/ },
];

/**
 * Frameworks that vendors build their own portals on: a generator naming the product ("EduPortal 3.2") says more
 * about whom to call than the framework does, so these come after it.
 */
const FRAMEWORK_MARKERS: Marker[] = [
  { name: 'DotNetNuke (ASP.NET)', marker: '/Portals/_default/', re: /\/Portals\/_default\/|\/DesktopModules\// },
  // Web Forms pages post back through one server form: __VIEWSTATE, __doPostBack, WebResource.axd.
  { name: 'ASP.NET Web Forms', marker: '__VIEWSTATE', re: /name="__VIEWSTATE"|__doPostBack\(|\/(?:WebResource|ScriptResource)\.axd\b/ },
];

/**
 * A school living in a folder of a bare `<province>.edu.vn` host is a tenant of the province's shared portal; a
 * last segment naming a file (`/Default.aspx`) is the portal's own home page, not a tenant.
 */
function provinceTenant(finalUrl: string, host: string): PlatformGuess | undefined {
  const bare = stripWww(host);
  if (bare !== registrableDomain(bare) || !bare.endsWith('.edu.vn')) return undefined;
  const segments = new URL(finalUrl).pathname.split('/').filter(Boolean);
  if (segments.length === 0 || (segments.length === 1 && segments[0]!.includes('.'))) return undefined;
  return { name: `Cổng đa đơn vị (${bare})`, marker: `path /${segments[0]}/ on ${bare}` };
}

/**
 * Platform guess from the host (hosted services, province portal tenants), the generator meta, then the asset
 * paths and inline code each platform leaves. Undefined when nothing tells.
 */
export function detectPlatform($: CheerioAPI, finalUrl: string, html: string): PlatformGuess | undefined {
  const host = hostOf(finalUrl);
  if (host) {
    const hosted = HOSTED_SERVICES.find((s) => hostMatches(host, s.host));
    if (hosted) return { name: hosted.name, marker: `host ${host}` };
    // The province runs the portal its schools live in: that is the vendor to call, whatever engine it uses.
    const tenant = provinceTenant(finalUrl, host);
    if (tenant) return tenant;
  }
  // A page may carry several generators (a page builder's next to the CMS's): the first one known decides.
  const generators = $('meta')
    .filter((_, el) => ($(el).attr('name') ?? '').toLowerCase() === 'generator')
    .map((_, el) => $(el).attr('content') ?? '')
    .get();
  const generator = generators.find((g) => generatorPlatform(g)) ?? generators[0];
  const known = generator ? generatorPlatform(generator) : undefined;
  const eduGate = EDU_GATE.exec(html);
  if (known) {
    const name = known.startsWith('NukeViet') && eduGate ? `${known} (Edu Gate)` : known;
    return { name, marker: `<meta name="generator" content="${generator!.trim()}">${name === known ? '' : ` + ${eduGate![0]}`}` };
  }
  if (eduGate) return { name: 'NukeViet (Edu Gate)', marker: eduGate[0] };
  const cms = CMS_MARKERS.find((m) => m.re.test(html));
  if (cms) return { name: cms.name, marker: cms.marker };
  const other = generator ? unknownGenerator(generator) : undefined;
  if (other) return { name: other, marker: `<meta name="generator" content="${generator!.trim()}">` };
  const framework = FRAMEWORK_MARKERS.find((m) => m.re.test(html));
  return framework ? { name: framework.name, marker: framework.marker } : undefined;
}
