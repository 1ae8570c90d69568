// An element's markup as evidence an inspector reads: letters as letters ("Chào", not "Ch&#xe0;o" — the serializer
// of the htmlparser2 mode escapes every non-ASCII character otherwise), only & < > " ' escaped, whitespace collapsed.
import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';

export function markupExcerpt($: CheerioAPI, el: Element, max: number): string {
  const html = $.html(el, { encodeEntities: 'utf8' } as Parameters<CheerioAPI['html']>[1]) ?? '';
  return html.replace(/\s+/g, ' ').slice(0, max);
}
