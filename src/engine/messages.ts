// Renders a rule's message template in the chosen language; placeholders are {name}, and {name|page|pages} is the
// number with its noun, singular for exactly 1 ("1 page", "3 pages": English counts need it, Vietnamese does not).
import type { Localized } from '../model/rule.js';

export type Lang = 'vi' | 'en';

export function renderTemplate(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g, (whole, key: string, one?: string, other?: string) => {
    if (!(key in data)) return whole;
    const value = String(data[key]);
    return one === undefined ? value : `${value} ${Number(value) === 1 ? one : other}`;
  });
}

/** A rule's words for the codes its checks put in message data: data key → code → words (RuleMeta.words). */
export type CodeWords = Readonly<Record<string, Readonly<Record<string, Localized>>>>;

/** Data with its codes in words; a comma-separated list of codes is put in words item by item, anything else kept. */
export function dataInWords<D extends Record<string, unknown>>(
  data: D | undefined,
  words: CodeWords | undefined,
  lang: Lang,
): D | undefined {
  if (!data || !words) return data;
  const out: Record<string, unknown> = { ...data };
  for (const [key, table] of Object.entries(words)) {
    const value = data[key];
    if (typeof value !== 'string') continue;
    out[key] = value
      .split(', ')
      .map((code) => table[code]?.[lang] ?? code)
      .join(', ');
  }
  return out as D;
}

export function renderMessage(
  messages: Record<string, Localized>,
  messageId: string,
  data: Record<string, string | number> | undefined,
  lang: Lang,
  words?: CodeWords,
): string {
  const template = messages[messageId];
  if (!template) return messageId;
  return renderTemplate(template[lang], dataInWords(data, words, lang));
}
