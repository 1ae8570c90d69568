// Analysis of the EMC monitoring code (TT 22/2023 Điều 4 k6) and EMC host matching, shared by emc-tag, emc-label
// and the run's registry check (duplicated site ids). Pure: reads the home page and the same-site script files.
import { tokTypes, tokenizer } from 'acorn';
import type { CheerioAPI } from 'cheerio';
import type { AnyNode } from 'domhandler';
import type { Artifacts, FetchResult } from '../model/artifacts.js';
import type { Evidence } from '../model/rule.js';
import { hostMatches } from '../util/hosts.js';
import { cssPath, resolveHref } from '../page/links.js';

/** Host is one of the EMC hosts or a subdomain of one (exact label match: no look-alikes). */
export function isEmcHost(host: string, emcHosts: readonly string[]): boolean {
  return emcHosts.some((h) => hostMatches(host, h));
}

const squash = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Host that spells an EMC host inside another name (`f-emc.ngsp.gov.vn.example.com`, `f-emc-ngsp-gov.vn`). */
export function isLookalikeEmcHost(host: string, emcHosts: readonly string[]): boolean {
  if (isEmcHost(host, emcHosts)) return false;
  const h = squash(host);
  return emcHosts.some((e) => e.includes('.') && h.includes(squash(e)));
}

/** HTML with `<!-- … -->` comments removed, and the comments' contents. */
export function splitHtmlComments(html: string): { code: string; comments: string[] } {
  const comments: string[] = [];
  const code = html.replace(/<!--([\s\S]*?)(?:-->|$)/g, (_, body: string) => {
    comments.push(body);
    return ' ';
  });
  return { code, comments };
}

/**
 * JavaScript with `/* … *\/` and `// …` comments removed, and the comments' contents. The comments are the ones
 * acorn's tokenizer reports, so a `//` or `/*` inside a string, a template literal or a regular expression
 * (`'https://f-emc.ngsp.gov.vn/'`, `/\/*$/`) is code, never a comment that hides an EMC snippet. Script that does not
 * tokenize (a broken or truncated file, markup pasted in a `<script>`) keeps the comments found before the error and
 * has the rest scanned by the simple scanner below.
 */
export function splitJsComments(js: string): { code: string; comments: string[] } {
  const ranges: { start: number; end: number; block: boolean }[] = [];
  let scannedTo = js.length;
  try {
    const tokens = tokenizer(js, {
      ecmaVersion: 'latest',
      allowHashBang: true,
      allowReturnOutsideFunction: true,
      allowAwaitOutsideFunction: true,
      onComment: (block, _text, start, end) => void ranges.push({ start, end, block }),
    });
    for (let t = tokens.getToken(); t.type !== tokTypes.eof; t = tokens.getToken()) scannedTo = t.end;
    scannedTo = js.length;
  } catch (error) {
    // the tokens before the error stand; its own token and what follows are left to the simple scanner
    const at = (error as { pos?: number }).pos;
    scannedTo = Math.min(scannedTo === js.length ? 0 : scannedTo, typeof at === 'number' ? at : 0);
    while (ranges.length && (ranges.at(-1) as { end: number }).end > scannedTo) ranges.pop();
  }
  const comments: string[] = [];
  let code = '';
  let at = 0;
  for (const r of ranges) {
    code += js.slice(at, r.start) + (r.block ? ' ' : '');
    comments.push(js.slice(r.start + 2, r.block ? r.end - 2 : r.end));
    at = r.end;
  }
  code += js.slice(at, scannedTo);
  if (scannedTo < js.length) {
    const rest = splitJsCommentsSimply(js.slice(scannedTo));
    code += rest.code;
    comments.push(...rest.comments);
  }
  return { code, comments };
}

/** The fallback for script that does not tokenize: string literals skipped, regular expressions and templates not known. */
function splitJsCommentsSimply(js: string): { code: string; comments: string[] } {
  const comments: string[] = [];
  let out = '';
  let i = 0;
  while (i < js.length) {
    const c = js[i] as string;
    const next = js[i + 1];
    if (c === '"' || c === "'" || c === '`') {
      let j = i + 1;
      while (j < js.length && js[j] !== c) j += js[j] === '\\' ? 2 : 1;
      out += js.slice(i, j + 1);
      i = j + 1;
    } else if (c === '/' && next === '*') {
      const end = js.indexOf('*/', i + 2);
      const stop = end < 0 ? js.length : end;
      comments.push(js.slice(i + 2, stop));
      out += ' ';
      i = end < 0 ? js.length : end + 2;
    } else if (c === '/' && next === '/') {
      const end = js.indexOf('\n', i);
      const stop = end < 0 ? js.length : end;
      comments.push(js.slice(i + 2, stop));
      i = stop;
    } else {
      out += c;
      i += 1;
    }
  }
  return { code: out, comments };
}

export interface EmcMarkers {
  govaq: boolean;
  /** Tracker or loader URLs on an EMC host. */
  trackers: string[];
  lookalikeHosts: string[];
  /** Raw `setSiteId` arguments, quotes removed ('' for an empty id). */
  siteIds: string[];
}

const URL_IN_CODE = /(?:https?:)?\/\/[a-z0-9][a-z0-9.-]*(?::\d+)?(?:\/[^\s'"`<>()\\]*)?/gi;
const SITE_ID_PUSH = /['"]setSiteId['"]\s*,\s*([^\])]*?)\s*[\])]/g;
const SITE_ID_CALL = /\.setSiteId\s*\(\s*([^)]*?)\s*\)/g;
const TRACKER_PATH = /\/(?:tracking|embed\/gov-tracking\.min\.js)$/;
// Matomo-style snippets build the tracker URL from a base: `u + 'tracking'`.
const TRACKER_SUFFIX_LITERAL = /['"`](?:tracking|embed\/gov-tracking\.min\.js)['"`]/;

/** The EMC markers in a piece of code (already stripped of comments by the caller when it judges live code). */
export function scanEmcCode(code: string, emcHosts: readonly string[]): EmcMarkers {
  const trackers: string[] = [];
  const lookalikeHosts: string[] = [];
  for (const m of code.matchAll(URL_IN_CODE)) {
    const raw = m[0];
    let url: URL;
    try {
      url = new URL(raw.startsWith('//') ? `https:${raw}` : raw);
    } catch {
      continue;
    }
    const host = url.hostname.toLowerCase();
    if (isEmcHost(host, emcHosts)) {
      const path = url.pathname.replace(/\/+$/, '') || '/';
      if (TRACKER_PATH.test(path) || (path === '/' && TRACKER_SUFFIX_LITERAL.test(code))) trackers.push(url.href);
    } else if (isLookalikeEmcHost(host, emcHosts)) {
      lookalikeHosts.push(host);
    }
  }
  const siteIds = [...code.matchAll(SITE_ID_PUSH), ...code.matchAll(SITE_ID_CALL)].map((m) =>
    (m[1] ?? '')
      .trim()
      .replace(/^(['"`])(.*)\1$/s, '$2')
      .trim(),
  );
  return { govaq: /\b_govaq\b/.test(code), trackers, lookalikeHosts, siteIds };
}

const mergeMarkers = (all: EmcMarkers[]): EmcMarkers => ({
  govaq: all.some((m) => m.govaq),
  trackers: all.flatMap((m) => m.trackers),
  lookalikeHosts: all.flatMap((m) => m.lookalikeHosts),
  siteIds: all.flatMap((m) => m.siteIds),
});

const anyMarker = (m: EmcMarkers): boolean => m.govaq || m.trackers.length > 0 || m.siteIds.length > 0;
export const isValidSiteId = (id: string): boolean => /^\d+$/.test(id);

export type EmcVerdict =
  | { kind: 'found'; siteId: string; evidence: Evidence[] }
  | { kind: 'lookalikeHost'; host: string; evidence: Evidence[] }
  | { kind: 'commentedOut'; evidence: Evidence[] }
  | { kind: 'invalidSiteId'; siteId: string; evidence: Evidence[] }
  | { kind: 'incomplete'; missing: string[]; evidence: Evidence[] }
  | { kind: 'none'; evidence: Evidence[] };

interface Piece {
  evidence: Evidence;
  live: EmcMarkers;
  commented: EmcMarkers;
}

/** ≤ 200 characters of a piece of code around its site id (or its first EMC marker): what an inspector checks. */
function excerptAround(code: string): string {
  const flat = code.replace(/\s+/g, ' ').trim();
  const at = ['setSiteId', '_govaq', 'gov-tracking', 'ngsp.gov.vn'].map((k) => flat.indexOf(k)).find((i) => i >= 0) ?? 0;
  return flat.slice(Math.max(0, at - 100), at + 100);
}

/** domhandler types `<script>` as 'script', not 'tag', so cssPath stops at it: path of the parent + the script. */
function scriptSelector($: CheerioAPI, el: AnyNode): string {
  const parent = el.parent;
  if (!parent) return 'script';
  const index =
    $(parent)
      .children('script')
      .toArray()
      .findIndex((c) => c === el) + 1;
  return `${cssPath($, parent)} > script:nth-of-type(${index})`;
}

const JS_TYPES = /^(|text\/javascript|application\/javascript|module|text\/ecmascript|application\/ecmascript)$/i;

function scriptPieces(home: NonNullable<Artifacts['home']>, scripts: Map<string, FetchResult>, emcHosts: readonly string[]): Piece[] {
  const $ = home.doc;
  const base = home.finalUrl;
  const pieces: Piece[] = [];
  const filesSeen = new Set<string>();
  const addCode = (evidence: Omit<Evidence, 'excerpt'>, text: string): void => {
    const { code, comments } = splitJsComments(text);
    const live = scanEmcCode(code, emcHosts);
    const commented = scanEmcCode(comments.join('\n'), emcHosts);
    if (anyMarker(live) || live.lookalikeHosts.length || anyMarker(commented)) {
      pieces.push({ evidence: { ...evidence, excerpt: excerptAround(anyMarker(live) ? code : comments.join('\n')) }, live, commented });
    }
  };
  $('script').each((_, el) => {
    const type = ($(el).attr('type') ?? '').trim();
    if (!JS_TYPES.test(type)) return;
    const selector = scriptSelector($, el);
    const src = resolveHref($(el).attr('src'), base);
    if (src) {
      // The loader tag itself: `<script src="https://f-emc.ngsp.gov.vn/embed/gov-tracking.min.js">`.
      const live = scanEmcCode(`'${src}'`, emcHosts);
      if (live.trackers.length || live.lookalikeHosts.length) {
        pieces.push({ evidence: { url: base, selector, excerpt: src }, live, commented: scanEmcCode('', emcHosts) });
      }
      const file = scripts.get(src);
      if (file?.ok && file.status < 400) {
        filesSeen.add(src);
        addCode({ url: src }, file.text);
      }
      return;
    }
    addCode({ url: base, selector }, $(el).text());
  });
  // Script files the crawler fetched that the parse did not see referenced (e.g. injected by a loader).
  for (const [url, file] of scripts) {
    if (!filesSeen.has(url) && file.ok && file.status < 400) addCode({ url }, file.text);
  }
  // HTML comments hide whole `<script>` blocks; the parse drops them, so read them from the raw page.
  // (the HTML as served when the page was rendered: the rendered DOM's comments are whatever scripts left)
  const { comments } = splitHtmlComments(home.staticText ?? home.text);
  const htmlCommented = scanEmcCode(comments.join('\n'), emcHosts);
  if (anyMarker(htmlCommented)) {
    pieces.push({
      evidence: { url: base, selector: '<!-- … -->', excerpt: excerptAround(comments.join('\n')) },
      live: scanEmcCode('', emcHosts),
      commented: htmlCommented,
    });
  }
  return pieces;
}

const isComplete = (m: EmcMarkers): boolean => m.govaq && m.trackers.length > 0 && m.siteIds.some(isValidSiteId);

/** Judges the EMC code of a home page: inline, in same-site script files, or injected by an inline loader. */
export function analyseEmcTag(
  home: NonNullable<Artifacts['home']>,
  scripts: Map<string, FetchResult>,
  emcHosts: readonly string[],
): EmcVerdict {
  const pieces = scriptPieces(home, scripts, emcHosts);
  const live = mergeMarkers(pieces.map((p) => p.live));
  const livePieces = pieces.filter((p) => anyMarker(p.live)).map((p) => p.evidence);
  if (isComplete(live)) {
    const siteId = live.siteIds.find(isValidSiteId) as string;
    return { kind: 'found', siteId, evidence: livePieces };
  }
  const lookalike = live.lookalikeHosts[0];
  if (lookalike !== undefined && live.trackers.length === 0) {
    const ev = pieces.filter((p) => p.live.lookalikeHosts.length).map((p) => p.evidence);
    return { kind: 'lookalikeHost', host: lookalike, evidence: ev };
  }
  const commented = mergeMarkers(pieces.map((p) => p.commented));
  const commentedPieces = pieces.filter((p) => anyMarker(p.commented)).map((p) => p.evidence);
  // A complete code in comments explains a broken live one; a live fragment alone is judged as it is.
  if (anyMarker(commented) && (isComplete(mergeMarkers([live, commented])) || !anyMarker(live))) {
    return { kind: 'commentedOut', evidence: commentedPieces };
  }
  if (live.govaq && live.trackers.length > 0 && live.siteIds.length > 0) {
    return { kind: 'invalidSiteId', siteId: live.siteIds[0] ?? '', evidence: livePieces };
  }
  if (anyMarker(live)) {
    const missing = [
      ...(live.govaq ? [] : ['_govaq']),
      ...(live.trackers.length ? [] : ['tracker URL']),
      ...(live.siteIds.length ? [] : ['setSiteId']),
    ];
    return { kind: 'incomplete', missing, evidence: livePieces };
  }
  return { kind: 'none', evidence: [{ url: home.finalUrl, selector: 'script', excerpt: '_govaq / setSiteId / f-emc.ngsp.gov.vn' }] };
}
