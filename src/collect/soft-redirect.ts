// Soft redirects on a home page: <meta http-equiv="refresh"> and inline scripts whose only job is to set
// location. Only redirect-offsite and no-malicious-content follow them (docs/catalogue.md, "How pages are found").
import type { CheerioAPI } from 'cheerio';
import type { SoftRedirect } from '../model/artifacts.js';
import { isHttpUrl, resolveHref } from '../page/links.js';

/** A refresh slower than this is a page reload or a notice, not a redirect. */
const MAX_REFRESH_DELAY_SEC = 10;

export function metaRefreshTarget($: CheerioAPI, base: string): string | undefined {
  let target: string | undefined;
  $('meta[http-equiv]').each((_, el) => {
    if (target || ($(el).attr('http-equiv') ?? '').trim().toLowerCase() !== 'refresh') return;
    const m = /^\s*(\d+(?:\.\d*)?)?\s*[;,]?\s*(?:url\s*=\s*)?(['"]?)(.+?)\2\s*$/i.exec($(el).attr('content') ?? '');
    if (!m?.[3] || Number(m[1] ?? 0) > MAX_REFRESH_DELAY_SEC) return;
    target = resolveHref(m[3], base);
  });
  return target;
}

const LOC = String.raw`(?:(?:window|document|top|self|parent)\.)?location`;
const STR = String.raw`(["'\`])([^"'\`]+)\1`;
const ONLY_LOCATION = [
  new RegExp(String.raw`^${LOC}(?:\.href)?\s*=\s*${STR}$`),
  new RegExp(String.raw`^${LOC}\.(?:replace|assign)\(\s*${STR}\s*\)$`),
];

function stripScript(code: string): string {
  return code
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:])\/\/.*$/gm, '$1')
    .replace(/<!--|-->/g, '')
    .trim()
    .replace(/;\s*$/, '')
    .trim();
}

export function scriptLocationTarget($: CheerioAPI, base: string): string | undefined {
  let target: string | undefined;
  $('script:not([src])').each((_, el) => {
    if (target) return;
    const type = ($(el).attr('type') ?? '').toLowerCase();
    if (type && !/javascript|ecmascript|^module$/.test(type)) return;
    const code = stripScript($(el).text());
    for (const re of ONLY_LOCATION) {
      const m = re.exec(code);
      if (m?.[2]) {
        target = resolveHref(m[2], base);
        return;
      }
    }
  });
  return target;
}

/** The soft redirect of a page, without its fetched target; undefined when there is none or it points home. */
export function findSoftRedirect($: CheerioAPI, pageUrl: string): Omit<SoftRedirect, 'target'> | undefined {
  const meta = metaRefreshTarget($, pageUrl);
  const to = meta ?? scriptLocationTarget($, pageUrl);
  if (!to || !isHttpUrl(to) || to === pageUrl) return undefined;
  return { kind: meta ? 'meta-refresh' : 'script-location', from: pageUrl, to };
}
