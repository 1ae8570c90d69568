// Checks that the crawled pages are Unicode (UTF-8, NFC) Vietnamese (CV 4210 mục III.4; QĐ 1682/2018 Điều 6; TCVN 6909:2001).
import { z } from 'zod';
import type { CharsetInfo, FetchedPage } from '../src/model/artifacts.js';
import { defineRule, type Evidence, type RuleOutcome } from '../src/model/rule.js';
import { CV_4210, QD_1682_2018, cite } from '../src/engine/basis.js';
import { sameHost } from '../src/util/hosts.js';
import { findMojibake, fontPatterns, isLegacyCharset, legacyFontUses } from '../src/engine/unicode.js';
import { tagged, textContent } from '../src/page/dom-index.js';

type Html = FetchedPage & { doc: NonNullable<FetchedPage['doc']> };
const MAX_EVIDENCE = 10;

const rule = defineRule({
  meta: {
    id: 'unicode-tcvn6909',
    title: { vi: 'Dùng bộ mã Unicode TCVN 6909:2001', en: 'Unicode (TCVN 6909:2001) text' },
    failureTitle: { vi: 'Chưa dùng thống nhất bộ mã Unicode TCVN 6909:2001', en: 'Text is not consistently Unicode (TCVN 6909:2001)' },
    weight: 2,
    appliesTo: 'all',
    basis: [
      cite(CV_4210, 'mục III.4 (thống nhất sử dụng duy nhất phông chữ Việt, bộ mã Unicode, TCVN 6909:2001)'),
      cite(QD_1682_2018, 'Điều 6 khoản 3 (phông chữ Việt, bộ mã Unicode, TCVN 6909:2001)'),
    ],
    requires: ['home', 'pages'],
    options: {
      /** unicode-tcvn6909 (TCVN 6909:2001): legacy fonts and charsets, mojibake markers, the NFD share that warns. */
      unicode: z
        .object({
          /** Case-insensitive patterns on a font family name without quotes: TCVN3 `.VnTime`, VNI `VNI-Times`. */
          legacyFontPatterns: z.array(z.string()).default(['^\\.vn[a-z0-9]', '^vni[- _]?[a-z]']),
          /** Charset names (declared or used) that are not Unicode Vietnamese encodings. */
          legacyCharsets: z
            .array(z.string())
            .default([
              'windows-1258',
              'cp1258',
              'x-cp1258',
              'tcvn',
              'tcvn3',
              'tcvn-3',
              'tcvn5712',
              'tcvn-5712',
              'tcvn5712-1',
              'x-viet-tcvn5712',
              'abc',
              'viscii',
              'x-viscii',
              'vni',
              'x-viet-vni',
              'vps',
              'x-viet-vps',
              'viqr',
            ]),
          /** UTF-8 Vietnamese read as Latin-1 / windows-1252: letters that never follow each other in Vietnamese. */
          mojibakeMarkers: z
            .array(z.string())
            .default([
              'Ã¡',
              'Ã¢',
              'Ã£',
              'Ã¨',
              'Ã©',
              'Ãª',
              'Ã¬',
              'Ã­',
              'Ã²',
              'Ã³',
              'Ã´',
              'Ãµ',
              'Ã¹',
              'Ãº',
              'Ã½',
              'Æ°',
              'Æ¡',
              'Æ¯',
              'Ä‘',
              'Ä\u0091',
              'Ä\u0090',
              'Äƒ',
              'Ä‚',
              'Ä©',
              'Å©',
              'áº',
              'á»',
            ]),
          /** Markers needed on one page: one stray pair is a typo, a few are a decoding fault. */
          mojibakeMinCount: z.number().int().positive().default(3),
          /** Decomposed (NFD) letters over all letters of the crawled pages above which the rule warns. */
          maxDecomposedRatio: z.number().nonnegative().default(0.01),
        })
        .prefault({}),
    },
    messages: {
      unicodeOk: {
        vi: '{pages} trang đã tải đều dùng Unicode dựng sẵn (NFC).',
        en: 'All {pages} crawled pages use precomposed Unicode (NFC).',
      },
      legacyCharset: {
        vi: 'Trang {url} dùng bảng mã cũ {charset}, không phải UTF-8.',
        en: 'Page {url} uses the legacy charset {charset}, not UTF-8.',
      },
      legacyFont: { vi: 'Trang {url} dùng phông chữ TCVN3/VNI cũ {font}.', en: 'Page {url} uses the legacy TCVN3/VNI font {font}.' },
      mojibake: {
        vi: 'Trang {url} bị lỗi mã hoá (UTF-8 bị đọc thành Latin-1): {count} chỗ như "Ã¡", "Æ°", "á»".',
        en: 'Page {url} shows mojibake (UTF-8 read as Latin-1): {count|occurrence|occurrences} such as "Ã¡", "Æ°", "á»".',
      },
      decomposed: {
        vi: '{percent}% chữ cái là Unicode tổ hợp (NFD), cần chuyển sang Unicode dựng sẵn (NFC).',
        en: '{percent}% of letters are decomposed Unicode (NFD); they should be precomposed (NFC).',
      },
    },
  },
  check(a, ctx): RuleOutcome {
    const { home } = a;
    const cfg = ctx.config.unicode;
    const patterns = fontPatterns(cfg.legacyFontPatterns);
    const pages: Html[] = [home];
    for (const p of a.pages.values()) {
      // Link-directory pages may be on other hosts: only the unit's own pages are judged.
      if (!p.ok || !p.isHtml || !p.doc || p.status >= 400 || !sameHost(p.finalUrl, home.finalUrl)) continue;
      if (!pages.some((x) => x.finalUrl === p.finalUrl)) pages.push(p as Html);
    }

    type Problem = { messageId: 'legacyCharset' | 'legacyFont' | 'mojibake'; data: Record<string, string | number>; evidence: Evidence };
    const problems: Problem[] = [];
    let decomposed = 0;
    const unicodePages: CharsetInfo[] = [];
    for (const page of pages) {
      const url = page.finalUrl;
      const cs = page.charset;
      const legacy = [cs?.used, cs?.declared].find((n) => isLegacyCharset(n, cfg.legacyCharsets));
      if (legacy) {
        problems.push({
          messageId: 'legacyCharset',
          data: { url, charset: legacy },
          evidence: { url, selector: 'meta[charset], Content-Type', excerpt: `charset=${legacy} (${cs?.source ?? '?'})` },
        });
      } else if (cs) {
        // A legacy charset decodes to combining tone marks by design; only Unicode pages count towards the NFD share.
        decomposed += cs.decomposedLetters;
        unicodePages.push(cs);
      }
      for (const use of legacyFontUses(page.doc, patterns)) {
        problems.push({
          messageId: 'legacyFont',
          data: { url, font: use.font },
          evidence: { url, selector: use.selector, excerpt: `font-family: ${use.font} (${use.where})` },
        });
      }
      const $ = page.doc;
      const moji = findMojibake(
        `${tagged($, 'title').map(textContent).join('')}\n${tagged($, 'body').map(textContent).join('')}`,
        cfg.mojibakeMarkers,
      );
      if (moji.count >= cfg.mojibakeMinCount) {
        problems.push({
          messageId: 'mojibake',
          data: { url, count: moji.count },
          evidence: { url, selector: 'body', excerpt: moji.excerpt },
        });
      }
    }

    const order = ['legacyCharset', 'legacyFont', 'mojibake'] as const;
    const worst = order.map((id) => problems.find((p) => p.messageId === id)).find((p) => p !== undefined);
    if (worst) {
      // The verdict names the gravest problem; the evidence lists every one found, page by page.
      return {
        status: 'fail',
        messageId: worst.messageId,
        data: worst.data,
        evidence: problems.slice(0, MAX_EVIDENCE).map((p) => p.evidence),
      };
    }
    // the letters are counted only now, when some are decomposed (src/collect/charset.ts counts them when read)
    const letters = decomposed > 0 ? unicodePages.reduce((sum, cs) => sum + cs.letters, 0) : 0;
    if (letters > 0 && decomposed / letters > cfg.maxDecomposedRatio) {
      const worstPages = pages
        .filter((p) => (p.charset?.decomposedLetters ?? 0) > 0)
        .sort((x, y) => (y.charset?.decomposedLetters ?? 0) - (x.charset?.decomposedLetters ?? 0))
        .slice(0, MAX_EVIDENCE)
        .map((p) => ({ url: p.finalUrl, excerpt: `${p.charset?.decomposedLetters ?? 0}/${p.charset?.letters ?? 0} chữ cái NFD` }));
      return {
        status: 'warn',
        messageId: 'decomposed',
        data: { percent: ((100 * decomposed) / letters).toFixed(1) },
        evidence: worstPages,
      };
    }
    return {
      status: 'pass',
      messageId: 'unicodeOk',
      data: { pages: pages.length },
      evidence: pages.slice(0, MAX_EVIDENCE).map((p) => ({ url: p.finalUrl, excerpt: `charset=${p.charset?.used ?? 'utf-8'}` })),
    };
  },
});

export default rule;
