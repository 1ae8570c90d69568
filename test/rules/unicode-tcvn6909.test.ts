import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import rule from '../../rules/unicode-tcvn6909.js';
import type { CharsetInfo } from '../../src/model/artifacts.js';
import { countLetters } from '../../src/collect/charset.js';
import { fetchedPage, fixturePage, makeArtifacts, runRuleCases, type TestArtifacts } from '../../src/engine/rule-tester.js';
import { findMojibake, fontPatterns, legacyFamily, legacyFontUses } from '../../src/engine/unicode.js';
import { parseHtml } from '../../src/collect/parse.js';
import { optionDefaults } from '../../src/engine/rules-config.js';

const page = (name: string): string => fixturePage('unicode-tcvn6909', name);
/** The file as bytes decoded, before the NFC normalisation the crawler applies (for the NFD counts). */
const raw = (name: string): string =>
  readFileSync(fileURLToPath(new URL(`../../fixtures/pages/unicode-tcvn6909/${name}`, import.meta.url)), 'utf8');
const SITE = 'https://thcs-nguyendu.hcm.edu.vn/';
const utf8 = (text: string): CharsetInfo => ({ source: 'header', declared: 'utf-8', used: 'utf-8', ...countLetters(text) });

/** Home page plus crawled pages, each with the charset facts the crawler records. */
function site(
  home: { html: string; charset?: CharsetInfo },
  pages: Record<string, { html: string; charset?: CharsetInfo }> = {},
): TestArtifacts {
  const a = makeArtifacts({ html: home.html });
  if (a.home) a.home.charset = home.charset ?? utf8(home.html);
  for (const [path, p] of Object.entries(pages)) {
    const url = new URL(path, SITE).href;
    a.pages.set(url, { ...fetchedPage(url, p.html), charset: p.charset ?? utf8(p.html) });
  }
  return a;
}

const clean = { html: page('clean.html') };
const uncounted = (): CharsetInfo => ({
  source: 'header',
  used: 'utf-8',
  get letters(): number {
    throw new Error('letters read');
  },
  decomposedLetters: 0,
});

describe('unicode-tcvn6909', () => {
  runRuleCases(rule, [
    {
      name: 'UTF-8 NFC pages pass; Arial/Roboto fonts, a .vn-flag class and one quoted "Ã¡" are fine',
      artifacts: site(clean, { '/news/': clean }),
      expected: { status: 'pass', messageId: 'unicodeOk', data: { pages: 2 } },
    },
    {
      // the crawler counts a page's letters only when read (src/collect/charset.ts): no decomposed letter, no count
      name: 'pages with no decomposed letter pass without their letters being counted',
      artifacts: site({ html: clean.html, charset: uncounted() }, { '/news/': { html: clean.html, charset: uncounted() } }),
      expected: { status: 'pass', messageId: 'unicodeOk', data: { pages: 2 } },
    },
    {
      name: 'a windows-1258 page (server header) fails with the charset as evidence',
      artifacts: site(clean, {
        '/gioi-thieu.htm': {
          html: page('clean.html'),
          charset: { declared: 'windows-1258', source: 'header', used: 'windows-1258', letters: 900, decomposedLetters: 140 },
        },
      }),
      expected: {
        status: 'fail',
        messageId: 'legacyCharset',
        data: { charset: 'windows-1258' },
        evidence: [`${SITE}gioi-thieu.htm`, 'charset=windows-1258'],
      },
    },
    {
      name: 'undeclared bytes that were not UTF-8, decoded with the windows-1258 fallback, fail',
      artifacts: site({
        html: page('clean.html'),
        charset: { source: 'fallback', used: 'windows-1258', letters: 500, decomposedLetters: 80 },
      }),
      expected: { status: 'fail', messageId: 'legacyCharset', evidence: ['(fallback)'] },
    },
    {
      name: 'a TCVN3 <meta> charset the decoder does not know fails on the declaration',
      artifacts: site(clean, {
        '/cu.htm': {
          html: page('clean.html'),
          charset: { declared: 'tcvn3', source: 'meta', used: 'utf-8', letters: 400, decomposedLetters: 0 },
        },
      }),
      expected: { status: 'fail', messageId: 'legacyCharset', data: { charset: 'tcvn3' } },
    },
    {
      name: '.VnTime in a <style> rule (inside <!-- -->), the .VnTimeH shorthand and <font face=".VnArial"> fail, each in the evidence',
      artifacts: site(clean, { '/index.htm': { html: page('vntime.html') } }),
      expected: {
        status: 'fail',
        messageId: 'legacyFont',
        data: { font: '.VnTime' },
        evidence: ['body, td', 'font-family: .VnTimeH', '.tieude', 'font-family: .VnArial (font-face)'],
      },
    },
    {
      name: 'VNI-Times in a style attribute fails',
      artifacts: site({ html: page('vni-inline.html') }),
      expected: {
        status: 'fail',
        messageId: 'legacyFont',
        data: { font: 'VNI-Times' },
        evidence: ['div#content > p:nth-of-type(1)', 'style-attribute'],
      },
    },
    {
      name: 'UTF-8 read as Latin-1 (TrÆ°á»ng…) fails with an excerpt',
      artifacts: site(clean, {
        '/tin-tuc/': {
          html: page('mojibake.html'),
          charset: { declared: 'iso-8859-1', source: 'meta', used: 'windows-1252', letters: 200, decomposedLetters: 0 },
        },
      }),
      expected: { status: 'fail', messageId: 'mojibake', evidence: [`${SITE}tin-tuc/`, 'LÃª Lá»£i'] },
    },
    {
      name: 'a page in decomposed Unicode (NFD) above 1 % of all letters warns',
      artifacts: site(clean, { '/gioi-thieu/': { html: raw('nfd.html'), charset: utf8(raw('nfd.html')) } }),
      expected: { status: 'warn', messageId: 'decomposed', evidence: [`${SITE}gioi-thieu/`] },
    },
    {
      name: 'a little NFD (under 1 % over the crawled pages) passes',
      artifacts: site(clean, {
        '/a/': clean,
        '/b/': {
          html: page('clean.html'),
          charset: { source: 'header', declared: 'utf-8', used: 'utf-8', letters: 20_000, decomposedLetters: 3 },
        },
      }),
      expected: { status: 'pass', messageId: 'unicodeOk' },
    },
    {
      name: 'a legacy page on another host (a link directory) is not the unit’s own and is ignored',
      artifacts: (() => {
        const a = site(clean);
        a.pages.set('https://other.hcm.edu.vn/', fetchedPage('https://other.hcm.edu.vn/', page('vntime.html')));
        return a;
      })(),
      expected: { status: 'pass', messageId: 'unicodeOk', data: { pages: 1 } },
    },
  ]);

  it('finds legacy families in font values, shorthand included', () => {
    const p = fontPatterns(optionDefaults(rule).unicode.legacyFontPatterns);
    expect(legacyFamily('".VnTime", "Times New Roman"', p)).toBe('.VnTime');
    expect(legacyFamily('bold 14pt/1.2 .VnTimeH', p)).toBe('.VnTimeH');
    expect(legacyFamily("'VNI-Helve', Arial", p)).toBe('VNI-Helve');
    expect(legacyFamily('Arial, Roboto, "Segoe UI"', p)).toBeUndefined();
    expect(legacyFamily('Vnexpress Sans', p)).toBeUndefined();
  });

  it('reads font declarations in any case, only in the blocks that have one', () => {
    const p = fontPatterns(optionDefaults(rule).unicode.legacyFontPatterns);
    const $ = parseHtml(
      '<style>.a{color:red}\nP.x{FONT-FAMILY: .VnTime}\n.b{Font: bold 12pt VNI-Times}</style><style>.c{margin:0}</style><p style="FONT-family:.VnArial">x</p>',
    );
    expect(legacyFontUses($, p).map((u) => [u.font, u.selector, u.where])).toEqual([
      ['.VnTime', 'P.x', 'style'],
      ['VNI-Times', '.b', 'style'],
      ['.VnArial', 'p', 'style-attribute'],
    ]);
  });

  it('counts mojibake markers', () => {
    const markers = optionDefaults(rule).unicode.mojibakeMarkers;
    expect(findMojibake('TrÆ°á»ng Tiá»ƒu há»c', markers).count).toBe(4);
    expect(findMojibake('Trường Tiểu học ĐÃ KẾT NỐI, Đà Nẵng', markers).count).toBe(0);
  });
});
