// Renders a rule's message template in the chosen language; placeholders are {name}.
import type { Localized } from '../model/rule.js';

export type Lang = 'vi' | 'en';

export function renderTemplate(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));
}

export function renderMessage(messages: Record<string, Localized>, messageId: string, data: Record<string, string | number> | undefined, lang: Lang): string {
  const template = messages[messageId];
  if (!template) return messageId;
  return renderTemplate(template[lang], data);
}
