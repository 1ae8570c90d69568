// Checks that the home page menu has a working documents section listing numbered, downloadable documents (TT 37/2020 Điều 9 khoản 3; CV 4210 mục III.3).
import { z } from 'zod';
import type { CheerioAPI } from 'cheerio';
import type { RuleOutcome } from '../src/model/rule.js';
import { CV_4210, TT_37_2020, cite } from '../src/engine/basis.js';
import { contentLinks, cssPath } from '../src/page/links.js';
import { elementAt, entryOf, pageText } from '../src/engine/page-text.js';
import { sectionPages, sectionRule } from '../src/engine/section-rule.js';
import { clip } from '../src/engine/runner.js';
import { titleText } from '../src/page/dom-index.js';

/** số/ký hiệu: 4210/GDĐT-TTTT, 37/2020/TT-BGDĐT, 123/QĐ-UBND (a dash in the sign keeps dates and fractions out). */
const DOCUMENT_NUMBER = /(?<![\p{L}\p{N}/])\d{1,5}(?:\/\d{4})?\/\p{Lu}[\p{Lu}\p{N}]*(?:\s?[-–]\s?\p{Lu}[\p{Lu}\p{N}]*)+/u;

/** The first document number in the page's own content, with its table row or list item (or line) as excerpt. */
function documentNumber($: CheerioAPI): { number: string; selector?: string; excerpt: string } | undefined {
  const pt = pageText($);
  const m = DOCUMENT_NUMBER.exec(pt.text);
  if (!m) return undefined;
  const el = elementAt(pt, m.index);
  const row = el ? entryOf($, el) : undefined;
  if (row) return { number: m[0], selector: cssPath($, row), excerpt: clip(pageText($, row).text) };
  const end = pt.text.indexOf('\n', m.index);
  return {
    number: m[0],
    ...(el ? { selector: cssPath($, el) } : {}),
    excerpt: clip(pt.text.slice(pt.text.lastIndexOf('\n', m.index) + 1, end < 0 ? undefined : end)),
  };
}

/** The first link or embedded viewer in the page's own content that points at a document file. */
function documentFile($: CheerioAPI, base: string, exts: readonly string[]): { selector: string; excerpt: string } | undefined {
  const file = new RegExp(`\\.(${exts.map((e) => e.replace(/\W/g, '')).join('|')})(?=$|[?#&])`, 'i');
  const isFile = (href: string): boolean => {
    try {
      return file.test(decodeURIComponent(href));
    } catch {
      return file.test(href);
    }
  };
  const link = contentLinks($, base).find((l) => isFile(l.href));
  if (link) return { selector: link.selector, excerpt: clip(`${link.text} → ${link.href}`) };
  const embed = $('iframe[src], embed[src], object[data]')
    .toArray()
    .find((el) => isFile($(el).attr('src') ?? $(el).attr('data') ?? ''));
  return embed ? { selector: cssPath($, embed), excerpt: clip($(embed).attr('src') ?? $(embed).attr('data') ?? '') } : undefined;
}

export default sectionRule({
  id: 'section-van-ban',
  title: { vi: 'Có chuyên mục văn bản với số hiệu và tệp tải về', en: 'Has a documents section with numbers and downloads' },
  failureTitle: {
    vi: 'Thiếu chuyên mục văn bản hoặc văn bản thiếu số hiệu / tệp tải về',
    en: 'No documents section, or its documents lack numbers or downloads',
  },
  weight: 2,
  appliesTo: 'all',
  basis: [
    cite(TT_37_2020, 'Điều 9 khoản 3 (văn bản chỉ đạo, điều hành)'),
    cite(CV_4210, 'mục III.3 (loại văn bản, số ký hiệu, ngày ban hành, trích yếu, tải về)'),
  ],
  section: 'vanBan',
  name: { vi: '"Văn bản"', en: 'documents ("Văn bản")' },
  ids: { found: 'vanBanFound', broken: 'vanBanBroken', unverified: 'vanBanUnverified', missing: 'noVanBan' },
  messages: {
    documentsListed: {
      vi: 'Chuyên mục "Văn bản" ({url}) liệt kê văn bản có số/ký hiệu ("{number}") và tệp tải về ({file}).',
      en: 'The documents section ({url}) lists numbered documents ("{number}") with downloads ({file}).',
    },
    noDocumentNumber: {
      vi: 'Chuyên mục "Văn bản" ({url}) có tệp tải về nhưng không văn bản nào ghi số/ký hiệu (dạng 4210/GDĐT-TTTT, 37/2020/TT-BGDĐT).',
      en: 'The documents section ({url}) has downloads but no item with a document number (like 4210/GDĐT-TTTT, 37/2020/TT-BGDĐT).',
    },
    noDocumentFile: {
      vi: 'Chuyên mục "Văn bản" ({url}) ghi số/ký hiệu văn bản nhưng không có tệp tải về ({exts}).',
      en: 'The documents section ({url}) shows document numbers but no downloadable file ({exts}).',
    },
    noNumberOrFile: {
      vi: 'Chuyên mục "Văn bản" ({url}) không có văn bản nào ghi số/ký hiệu và không có tệp tải về ({exts}).',
      en: 'The documents section ({url}) lists no document number and no downloadable file ({exts}).',
    },
  },
  options: {
    /** section-van-ban: extensions of a downloadable document file linked from the documents section page. */
    documentFileExtensions: z.array(z.string()).default(['pdf', 'doc', 'docx']),
  },
  refine(a, located, ctx, pass): RuleOutcome | undefined {
    // The section page and the pages of its dropdown entries ("Văn bản của Sở", "Văn bản của trường").
    const pages = sectionPages(a, located);
    const first = pages[0];
    if (!first) return undefined;
    const exts = ctx.config.documentFileExtensions;
    let number: { url: string; number: string; selector?: string; excerpt: string } | undefined;
    let file: { url: string; selector: string; excerpt: string } | undefined;
    for (const page of pages) {
      const n = number ? undefined : documentNumber(page.doc);
      if (n) number = { url: page.finalUrl, ...n };
      const f = file ? undefined : documentFile(page.doc, page.finalUrl, exts);
      if (f) file = { url: page.finalUrl, ...f };
    }
    const head = pass.evidence.slice(0, 1);
    const data = { url: first.finalUrl, exts: exts.map((e) => `.${e}`).join(', ') };
    const evidence = [
      ...head,
      ...(number ? [{ url: number.url, ...(number.selector ? { selector: number.selector } : {}), excerpt: number.excerpt }] : []),
      ...(file ? [{ url: file.url, selector: file.selector, excerpt: file.excerpt }] : []),
    ];
    if (number && file)
      return {
        status: 'pass',
        messageId: 'documentsListed',
        data: { ...data, number: number.number, file: file.excerpt.slice(0, 120) },
        evidence,
      };
    const searched = pages.slice(0, 5).map((p) => ({ url: p.finalUrl, selector: 'body', excerpt: clip(titleText(p.doc) || p.finalUrl) }));
    const messageId = number ? 'noDocumentFile' : file ? 'noDocumentNumber' : 'noNumberOrFile';
    return { status: 'warn', messageId, data, evidence: [...evidence, ...searched] };
  },
});
