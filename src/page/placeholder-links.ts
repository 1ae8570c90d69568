// Links that look like menu entries but lead to no page of their own (docs/navigation.md): `href` empty, `#…`,
// `javascript:…`, or resolving to the home page or to the page they are on. ASP.NET WebForms menus are the exception:
// `__doPostBack(…)` / `WebForm_DoPostBackWithOptions(…)` entries reach their page by a form post.
import { hostOf, stripWww } from '../util/hosts.js';
import { isHttpUrl } from './resolve-href.js';

const POSTBACK = /(?:__doPostBack|WebForm_DoPostBackWithOptions)\s*\(/;

/** An ASP.NET postback entry: in `href="javascript:…"`, or in the `onclick` of an `href="#"` (or empty) link. */
export function isPostbackLink(rawHref: string | undefined, onclick: string | undefined): boolean {
  const h = (rawHref ?? '').trim();
  if (/^javascript:/i.test(h)) return POSTBACK.test(h);
  if (h === '' || h.startsWith('#')) return onclick !== undefined && POSTBACK.test(onclick);
  return false;
}

/**
 * The same page for a visitor: same host ignoring scheme and `www.`, same path ignoring a trailing slash and an
 * index file (`/`, `/index.php`, `/default.aspx`), same query.
 */
export function samePage(a: string, b: string): boolean {
  const ka = pageKey(a);
  return ka !== undefined && ka === pageKey(b);
}

function pageKey(url: string): string | undefined {
  if (!isHttpUrl(url)) return undefined;
  const host = hostOf(url);
  if (host === undefined) return undefined;
  try {
    const u = new URL(url);
    const path = u.pathname.replace(/\/(index|default|home)\.(php|html?|aspx?|jsp)$/i, '/').replace(/\/+$/, '');
    return `${stripWww(host)}${path}${u.search}`;
  } catch {
    return undefined;
  }
}

/** The site's root page (`https://host/`), which the home page is, or redirects from. */
const rootOf = (url: string): string | undefined => {
  try {
    return new URL('/', url).href;
  } catch {
    return undefined;
  }
};

/**
 * A placeholder: `href` is not an http(s) URL (empty, `#…`, `javascript:`, already left unresolved), or it resolves
 * to the page it is on, to the home page or to the site's root. `homeUrls` are the home page's URLs (registry and
 * final); on the home page itself `pageUrl` is one of them.
 */
export function isPlaceholderHref(href: string, pageUrl: string, homeUrls: readonly string[] = []): boolean {
  if (!isHttpUrl(href)) return true;
  if (samePage(href, pageUrl)) return true;
  for (const home of [...homeUrls, pageUrl]) {
    if (samePage(href, home)) return true;
    const root = rootOf(home);
    if (root && samePage(href, root)) return true;
  }
  return false;
}
