// The one parse of a page, shared by every rule. htmlparser2 mode (cheerio's `xml: { xmlMode: false }`) is about
// 4× faster than the default parse5 mode on 60 KB school pages (bench/parse.ts measures it), and the pages we judge
// need no spec-exact tree repair.
import { load, type CheerioAPI } from 'cheerio';

export function parseHtml(html: string): CheerioAPI {
  return load(html, { xml: { xmlMode: false, decodeEntities: true, lowerCaseAttributeNames: true, lowerCaseTags: true } });
}
