// Message templates: {name} placeholders, and {name|one|other} for an English count with its noun.
import { describe, expect, it } from 'vitest';
import { renderTemplate } from '../../src/engine/messages.js';
import { RULES } from '../../rules/index.js';

describe('renderTemplate', () => {
  it('fills {name} and leaves a placeholder without data as written', () => {
    expect(renderTemplate('{a} and {b}', { a: 'x' })).toBe('x and {b}');
  });

  it('says "1 page" and "3 pages", "0 pages"; a number written as text counts too', () => {
    const t = 'on {pages|page|pages} scanned';
    expect(renderTemplate(t, { pages: 1 })).toBe('on 1 page scanned');
    expect(renderTemplate(t, { pages: 3 })).toBe('on 3 pages scanned');
    expect(renderTemplate(t, { pages: 0 })).toBe('on 0 pages scanned');
    expect(renderTemplate(t, { pages: '1' })).toBe('on 1 page scanned');
    expect(renderTemplate(t, {})).toBe(t);
  });
});

describe("the catalogue's English counts", () => {
  it('writes no "(s)" plural: a count names its noun in the singular for 1', () => {
    const english = RULES.flatMap((r) => Object.values(r.meta.messages).map((m) => m.en));
    expect(english.filter((m) => /\w\(s\)/.test(m))).toEqual([]);
  });

  it('content-freshness: "1 day before the audit", "2 days before the audit"', () => {
    const rule = RULES.find((r) => r.meta.id === 'content-freshness')!;
    const fresh = Object.values(rule.meta.messages).find((m) => m.en.includes('before the audit'))!.en;
    expect(renderTemplate(fresh, { date: '14/11/2026', days: 1 })).toContain('(1 day before the audit)');
    expect(renderTemplate(fresh, { date: '13/11/2026', days: 2 })).toContain('(2 days before the audit)');
  });
});
