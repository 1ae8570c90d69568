// A fetched HTML page waits for its unit's judging in a compact form: its decoded text as UTF-8 bytes, unparsed.
// `text` and `doc` become the string and the parse on first read, and stay: the pages the crawler reads (the home
// page, the sections it follows one hop) are parsed on arrival, every other page when the rules first read it. A
// parsed page costs ~7 bytes per character (a two-byte string and a DOM of ~5 bytes per character, measured on the
// bench fleet's 60 KB pages), its bytes ~1: units waiting on slow servers hold a seventh of what they held parsed,
// so memory no longer caps the units in flight (bench/README.md). When units wait for room, the pages the crawler
// has read go back to compact (page-memory.ts) and are parsed a second time when the unit is judged: the one case
// where a page is parsed twice, and only while memory, not the CPU, is what holds the run back.
import type { CheerioAPI } from 'cheerio';
import type { Artifacts, FetchResult, FetchedPage } from '../model/artifacts.js';
import { parseHtml } from './parse.js';

/** What a page held in compact form is charged against --page-memory, as a share of its characters. */
export const COMPACT_SHARE = 1 / 7;

type Body = Omit<FetchedPage, 'text' | 'doc'>;

/** Pages whose parse has not happened yet (weakly: a unit's pages go with its artifacts). */
const unparsed = new WeakSet<object>();
/** How each compact page lets go of its parse once judged. */
const releasers = new WeakMap<object, () => void>();

/**
 * Makes a parsed page compact again (its text back to bytes, its parse let go; the next read of `doc` parses
 * again). False when there is nothing to let go, or the parse is not this page's own (a rendered DOM was set).
 */
export type CompactAgain = () => boolean;

/**
 * Gives `page` lazy `text` and `doc` (own, enumerable, writable: a spread or an assignment behaves as with plain
 * fields). `onParse` is told the characters parsed when the parse happens, and how to undo it while the page waits
 * (page-memory.ts lets the crawler's parses go when units wait for room). `utf8`, if given, must be exactly the
 * text's UTF-8.
 */
export function compactHtmlPage<T extends Body>(
  page: T,
  text: string,
  onParse?: (chars: number, compactAgain: CompactAgain) => void,
  utf8?: Buffer,
): T & FetchedPage {
  // `utf8`: the body itself, when it is exactly the text's UTF-8 (charset.ts says so): encoding it again is a copy
  let bytes: Buffer | undefined = utf8 ?? Buffer.from(text, 'utf8');
  let str: string | undefined;
  let doc: CheerioAPI | undefined;
  /** `doc` is the parse of `str`, made here: letting both go loses nothing a second parse would not give back. */
  let own = false;
  const compactAgain: CompactAgain = () => {
    if (!own || doc === undefined || str === undefined) return false;
    bytes = Buffer.from(str, 'utf8');
    str = undefined;
    doc = undefined;
    own = false;
    unparsed.add(page);
    return true;
  };
  const readText = (): string => {
    if (str === undefined) {
      str = bytes!.toString('utf8');
      bytes = undefined;
    }
    return str;
  };
  unparsed.add(page);
  Object.defineProperties(page, {
    text: {
      enumerable: true,
      get: readText,
      set(v: string) {
        str = v;
        bytes = undefined;
        own = false;
      },
    },
    doc: {
      enumerable: true,
      get(): CheerioAPI | undefined {
        if (unparsed.delete(page)) {
          const t = readText();
          doc = parseHtml(t);
          own = true;
          onParse?.(t.length, compactAgain);
        }
        return doc;
      },
      set(v: CheerioAPI | undefined) {
        unparsed.delete(page);
        doc = v;
        own = false;
      },
    },
  });
  releasers.set(page, () => {
    doc = undefined;
    own = false;
    unparsed.add(page);
  });
  return page as T & FetchedPage;
}

/**
 * Lets the parses of a judged unit's compact pages go (their text stays, for the evidence and the archive): the
 * budget no longer counts them, so a unit still writing its evidence must not hold them. Nothing reads a page's
 * parse after judging; if something did, the page would be parsed again.
 */
export function releaseParses(a: Artifacts): void {
  const release = (r: FetchResult | undefined): void => void (r && releasers.get(r)?.());
  release(a.homeFetch);
  a.pages?.forEach(release);
  release(a.searchbotHome);
  release(a.softRedirect?.target);
  release(a.httpsProbe);
}

/** False while a compact page waits unparsed (reading `doc` would parse it). */
export const isParsed = (page: FetchedPage): boolean => !unparsed.has(page);
