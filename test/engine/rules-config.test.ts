// The rules config is the shared data plus every rule's own options (meta.options), composed under the flat names
// the config file has always used: the file format, the defaults and the validation are those of one schema.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RULES, defaultRulesConfig, getRule, rulesConfigSchema } from '../../rules/index.js';
import { composeRulesConfigSchema, optionDefaults, sharedRulesConfigShape } from '../../src/engine/rules-config.js';
import { loadConfigFile, mergeRulesConfig } from '../../src/options.js';

/** Who owns each name of the config file's `rules` object. */
const OWNERS: Record<string, string> = {
  emcLabelHosts: 'emc-label',
  emcLabelTexts: 'emc-label',
  emcLabelFileTokens: 'emc-label',
  emcWidgetSelectors: 'emc-label',
  emcWidgetTexts: 'emc-label',
  notEmcLabelHosts: 'emc-label',
  parkedPageMarkers: 'site-reachable',
  parkedPageMaxWords: 'site-reachable',
  leaderTitles: 'section-gioi-thieu',
  documentFileExtensions: 'section-van-ban',
  unicode: 'unicode-tcvn6909',
  siteSearch: 'full-text-search',
  bettingTerms: 'no-malicious-content',
  bettingBrands: 'no-malicious-content',
  bettingHostWords: 'no-malicious-content',
  antiGamblingContext: 'no-malicious-content',
  antiGamblingContextChars: 'no-malicious-content',
  defacementMarkers: 'no-malicious-content',
  officialEmailSuffixes: 'official-email',
  provinceMailDomains: 'official-email',
  freeMailDomains: 'official-email',
};
const SHARED = ['emcHosts', 'sections', 'softNotFound', 'followSections', 'linkDirectoryKeywords', 'officialSuffixes', 'freshness'];

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));
async function configFile(content: unknown): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'rules-config-'));
  dirs.push(dir);
  const file = join(dir, 'edu-audit.config.json');
  await writeFile(file, JSON.stringify(content));
  return file;
}

describe('the rules config composed from the shared data and the rules’ own options', () => {
  it('has the names it always had, each declared once: the shared ones in the core, the others by their rule', () => {
    expect(Object.keys(sharedRulesConfigShape)).toEqual(SHARED);
    expect(Object.keys(rulesConfigSchema.shape).sort()).toEqual([...SHARED, ...Object.keys(OWNERS)].sort());
    for (const [name, id] of Object.entries(OWNERS))
      expect([name, Object.keys(getRule(id)?.meta.options ?? {})]).toEqual([name, expect.arrayContaining([name])]);
    const declaring = RULES.filter((r) => r.meta.options)
      .map((r) => r.meta.id)
      .sort();
    expect(declaring).toEqual([...new Set(Object.values(OWNERS))].sort());
  });

  it('refuses two declarations of one name (a rule against the shared data, or two rules)', () => {
    const rule = (id: string, name: string) => ({ meta: { id, options: { [name]: z.number().default(1) } } });
    expect(() => composeRulesConfigSchema([rule('a', 'emcHosts')])).toThrow(
      /rule a: option emcHosts is already declared by the shared rules config/,
    );
    expect(() => composeRulesConfigSchema([rule('a', 'x'), rule('b', 'x')])).toThrow(/rule b: option x is already declared by a/);
  });

  it('gives each rule’s defaults in the run’s config, and a rule’s defaults on their own', () => {
    const cfg = defaultRulesConfig();
    expect(cfg.provinceMailDomains).toEqual(['hanoiedu.vn']);
    expect(cfg.parkedPageMaxWords).toBe(300);
    expect(cfg.emcHosts).toEqual(['f-emc.ngsp.gov.vn', 'ngsp.gov.vn']);
    expect(optionDefaults(getRule('official-email')!)).toEqual({
      officialEmailSuffixes: cfg.officialEmailSuffixes,
      provinceMailDomains: cfg.provinceMailDomains,
      freeMailDomains: cfg.freeMailDomains,
    });
  });

  it('reads a rule’s option from the config file as before, and names the field of a bad one', async () => {
    const good = await loadConfigFile(
      await configFile({ rules: { provinceMailDomains: ['hanoiedu.vn', 'haiphongedu.vn'], unicode: { mojibakeMinCount: 5 } } }),
    );
    const merged = mergeRulesConfig(good.rules);
    expect(merged.provinceMailDomains).toEqual(['hanoiedu.vn', 'haiphongedu.vn']);
    expect((merged.unicode as { mojibakeMinCount: number; maxDecomposedRatio: number }).mojibakeMinCount).toBe(5);
    expect((merged.unicode as { maxDecomposedRatio: number }).maxDecomposedRatio).toBe(0.01);
    const badFile = await configFile({ rules: { parkedPageMaxWords: 'many' } });
    await expect(loadConfigFile(badFile)).rejects.toThrow(`${badFile}: rules.parkedPageMaxWords:`);
  });
});
