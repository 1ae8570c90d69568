// Keeps every rule complete (README.md "Design notes": a rule is one file, its doc, its tests): id = file name, listed, documented, cited, tested, catalogue weights.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { UnitType } from '../../src/model/unit.js';
import { RULES, RULES_BY_ID, RULE_SET_VERSION, getRule } from '../../rules/index.js';
import { EMC_CRITERIA } from '../../src/aggregate/emc-review.js';
import { UNIT_CONDITIONS } from '../../src/model/rule.js';
import { stillJudged } from '../../src/engine/unit-verdict.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string): string => readFileSync(`${root}${path}`, 'utf8');

/** The catalogue (docs/catalogue.md, `edu-audit rules`): weight and applies-to of every rule id. */
const CATALOGUE: Record<string, { weight: number; appliesTo: readonly UnitType[] | 'all' }> = {
  'site-reachable': { weight: 3, appliesTo: 'all' },
  'redirect-offsite': { weight: 2, appliesTo: 'all' },
  https: { weight: 2, appliesTo: 'all' },
  'content-freshness': { weight: 2, appliesTo: 'all' },
  'domain-edu-vn': { weight: 2, appliesTo: 'all' },
  'mobile-friendly': { weight: 1, appliesTo: 'all' },
  'unicode-tcvn6909': { weight: 2, appliesTo: 'all' },
  'full-text-search': { weight: 1, appliesTo: 'all' },
  'rss-feed': { weight: 1, appliesTo: 'all' },
  'emc-tag': { weight: 3, appliesTo: 'all' },
  'emc-label': { weight: 2, appliesTo: 'all' },
  // "Units with a registry parent": every type; the rule itself answers na without a parent.
  'parent-portal-link': { weight: 3, appliesTo: 'all' },
  'child-site-links': { weight: 3, appliesTo: ['so', 'phong'] },
  'official-email': { weight: 2, appliesTo: 'all' },
  'menu-cong-khai': { weight: 3, appliesTo: 'all' },
  'menu-thu-tuc-bieu-mau': { weight: 3, appliesTo: 'all' },
  'section-gioi-thieu': { weight: 2, appliesTo: 'all' },
  'section-tin-tuc': { weight: 1, appliesTo: 'all' },
  'section-van-ban': { weight: 2, appliesTo: 'all' },
  'section-gop-y': { weight: 1, appliesTo: 'all' },
  'section-tuyen-sinh': { weight: 2, appliesTo: 'all' },
  'section-thong-ke': { weight: 1, appliesTo: ['so', 'phong'] },
  'section-tai-nguyen': { weight: 1, appliesTo: 'all' },
  'section-tra-cuu': { weight: 1, appliesTo: ['so', 'phong', 'thcs', 'thpt', 'lien-cap', 'gdtx'] },
  'cong-khai-current': { weight: 2, appliesTo: 'all' },
  'accessibility-basic': { weight: 1, appliesTo: 'all' },
  'no-malicious-content': { weight: 3, appliesTo: 'all' },
};

/**
 * What the core reads from rule meta: blocking rules (and the unit condition their failure sets), the rules still
 * judged under each condition, incident kinds of `diff`, the EMC review's criteria.
 */
const BLOCKING = {
  'no-malicious-content': {},
  'redirect-offsite': { condition: 'offsite' },
  'site-reachable': { condition: 'unreachable' },
};
const JUDGED_UNDER = {
  unreachable: ['domain-edu-vn', 'https', 'redirect-offsite', 'site-reachable'],
  offsite: ['domain-edu-vn', 'no-malicious-content', 'redirect-offsite', 'site-reachable'],
  scriptShell: ['domain-edu-vn', 'https', 'redirect-offsite', 'site-reachable'],
};
const INCIDENT = { 'no-malicious-content': 'malicious', 'redirect-offsite': 'offsite' };
const EMC = [
  { key: '2.1', rule: 'emc-tag' },
  { key: '2.2a', rule: 'emc-label' },
  { key: '2.2b', rule: 'child-site-links' },
  { key: '2.2c', rule: 'parent-portal-link' },
];

const HEADINGS = ['Căn cứ pháp lý', 'Vì sao quan trọng', 'Kiểm tra gì', 'Cấu hình', 'Giới hạn đã biết', 'Cách khắc phục'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (d: string): boolean =>
  ISO_DATE.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);

describe('rule set', () => {
  it('has a calendar version and ids sorted, unique and equal to the map keys', () => {
    expect(RULE_SET_VERSION).toMatch(/^\d{4}\.\d{1,2}\.\d+$/);
    const ids = RULES.map((r) => r.meta.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
    expect(Object.keys(RULES_BY_ID)).toEqual(ids);
    expect(getRule('no-such-rule')).toBeUndefined();
    expect(getRule('constructor')).toBeUndefined();
  });

  it('marks the catalogue’s blocking rules, incidents and EMC criteria in meta, one rule per EMC criterion', () => {
    expect(Object.fromEntries(RULES.filter((r) => r.meta.blocking).map((r) => [r.meta.id, r.meta.blocking]))).toEqual(BLOCKING);
    for (const c of UNIT_CONDITIONS) expect([c, [...stillJudged(RULES, c)]]).toEqual([c, JUDGED_UNDER[c]]);
    expect(Object.fromEntries(RULES.filter((r) => r.meta.incident).map((r) => [r.meta.id, r.meta.incident]))).toEqual(INCIDENT);
    expect(EMC_CRITERIA).toEqual(EMC);
  });

  it('lists every rule module in rules/', () => {
    const files = readdirSync(`${root}rules`)
      .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
      .map((f) => f.replace(/\.ts$/, ''));
    expect(files.sort()).toEqual(RULES.map((r) => r.meta.id));
  });
});

describe.each(RULES.map((r) => [r.meta.id, r] as const))('%s', (id, rule) => {
  const source = read(`rules/${id}.ts`);

  it('is exported from rules/index.ts under its id, which is its file name', () => {
    expect(getRule(id)).toBe(rule);
    expect(read('rules/index.ts')).toContain(`'./${id}.js'`);
    expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('starts with a one-line comment saying what it checks and under which provision', () => {
    expect(source.split('\n')[0]).toMatch(/^\/\/ .+/);
  });

  it('has the catalogue weight and applies-to', () => {
    const entry = CATALOGUE[id];
    expect(entry, `${id} is not a catalogue id`).toBeDefined();
    expect(rule.meta.weight).toBe(entry?.weight);
    expect(rule.meta.appliesTo).toEqual(entry?.appliesTo);
  });

  it('has a non-empty legal basis with valid ISO dates', () => {
    expect(rule.meta.basis.length).toBeGreaterThan(0);
    for (const b of rule.meta.basis) {
      expect(b.document.trim()).not.toBe('');
      expect(b.provision.trim()).not.toBe('');
      expect(validDate(b.from), b.from).toBe(true);
      if (b.until !== undefined) {
        expect(validDate(b.until), b.until).toBe(true);
        expect(b.until > b.from).toBe(true);
      }
    }
  });

  it('has titles and messages in both languages, and uses every messageId in its source', () => {
    for (const t of [rule.meta.title, rule.meta.failureTitle]) expect(t.vi && t.en).toBeTruthy();
    const ids = Object.keys(rule.meta.messages);
    expect(ids.length).toBeGreaterThan(0);
    for (const m of ids) {
      expect(m).toMatch(/^[a-z][A-Za-z0-9]*$/);
      expect(rule.meta.messages[m]?.vi && rule.meta.messages[m]?.en).toBeTruthy();
      // Declared unquoted in meta; a quoted occurrence is a use (messageId: 'x' or a lookup table).
      expect(source.includes(`'${m}'`), `messageId ${m} is never used`).toBe(true);
    }
  });

  it('has a Vietnamese doc with the six headings in order', () => {
    const path = `rules/${id}.md`;
    expect(existsSync(`${root}${path}`), path).toBe(true);
    const doc = read(path);
    const headings = [...doc.matchAll(/^## (.+)$/gm)].map((m) => (m[1] ?? '').trim());
    expect(headings).toEqual(HEADINGS);
    const check = doc.slice(doc.indexOf('## Kiểm tra gì'), doc.indexOf('## Cấu hình'));
    expect(check).toMatch(/Đạt/);
    expect(check).toMatch(/Không đạt/);
  });

  it('has a test file', () => {
    expect(existsSync(`${root}test/rules/${id}.test.ts`)).toBe(true);
  });
});
