// Checks that the home page menu has a working introduction section naming a leader with a phone or e-mail (TT 37/2020 Điều 9 khoản 1; CV 4210 mục III.3).
import { z } from 'zod';
import type { RuleOutcome } from '../src/model/rule.js';
import { CV_4210, TT_37_2020, cite } from '../src/engine/basis.js';
import { findLeaderContact } from '../src/engine/contacts.js';
import { sectionPages, sectionRule } from '../src/engine/section-rule.js';
import { clip } from '../src/engine/runner.js';
import { titleText } from '../src/page/dom-index.js';

export default sectionRule({
  id: 'section-gioi-thieu',
  title: { vi: 'Có chuyên mục giới thiệu với liên hệ của lãnh đạo', en: "Has an introduction section with leaders' contacts" },
  failureTitle: { vi: 'Thiếu chuyên mục giới thiệu hoặc liên hệ của lãnh đạo', en: 'No introduction section, or no leader contact in it' },
  weight: 2,
  appliesTo: 'all',
  basis: [
    cite(TT_37_2020, 'Điều 9 khoản 1 (thông tin giới thiệu, cơ cấu tổ chức)'),
    cite(CV_4210, 'mục III.3 (giới thiệu, cơ cấu tổ chức, lịch sử, thông tin liên hệ của lãnh đạo)'),
  ],
  section: 'gioiThieu',
  name: { vi: '"Giới thiệu"', en: 'introduction ("Giới thiệu")' },
  ids: { found: 'gioiThieuFound', broken: 'gioiThieuBroken', unverified: 'gioiThieuUnverified', missing: 'noGioiThieu' },
  messages: {
    leaderContactFound: {
      vi: 'Chuyên mục "Giới thiệu" nêu lãnh đạo ({title}) kèm liên hệ {contact} tại {url}.',
      en: 'The introduction section names a leader ({title}) with contact {contact} at {url}.',
    },
    noLeaderContact: {
      vi: 'Chuyên mục "Giới thiệu" có, nhưng {pages} trang của chuyên mục (trang chính và các trang nó dẫn tới) không nêu lãnh đạo ({titles}) kèm số điện thoại hoặc e-mail.',
      en: 'The introduction section exists, but none of its {pages|page|pages} (the section page and the pages it links to) names a leader ({titles}) with a phone number or e-mail.',
    },
  },
  options: {
    /** section-gioi-thieu: leader titles, matched with their diacritics (without them `phó` collides with `phố`). */
    leaderTitles: z
      .array(z.string())
      .default(['hiệu trưởng', 'trưởng phòng', 'giám đốc', 'phó hiệu trưởng', 'phó trưởng phòng', 'phó giám đốc']),
  },
  refine(a, located, ctx, pass): RuleOutcome | undefined {
    const pages = sectionPages(a, located, { oneHop: true });
    // A section on another site or in a file (not crawled) has no page to read: the plain pass stands.
    if (pages.length === 0) return undefined;
    for (const page of pages) {
      const hit = findLeaderContact(page.doc, ctx.config.leaderTitles);
      if (hit) {
        return {
          status: 'pass',
          messageId: 'leaderContactFound',
          data: { title: hit.title, contact: hit.contact, url: page.finalUrl },
          evidence: [...pass.evidence.slice(0, 1), { url: page.finalUrl, selector: hit.selector, excerpt: clip(hit.excerpt) }],
        };
      }
    }
    return {
      status: 'warn',
      messageId: 'noLeaderContact',
      data: { pages: pages.length, titles: ctx.config.leaderTitles.join(', ') },
      evidence: [
        ...pass.evidence.slice(0, 1),
        ...pages.slice(0, 8).map((p) => ({ url: p.finalUrl, selector: 'body', excerpt: clip(titleText(p.doc) || p.finalUrl) })),
      ],
    };
  },
});
