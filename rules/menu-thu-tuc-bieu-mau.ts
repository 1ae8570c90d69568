// Checks that the home page menu has working "Thủ tục" and "Biểu mẫu" sections, in one entry or two (CV 4210 mục III.3).
import { defineRule, type RuleOutcome } from '../src/model/rule.js';
import { CV_4210, cite } from '../src/engine/basis.js';
import { describeTarget, locateSection, sectionMessages, sectionOutcome, type LocatedSection } from '../src/engine/section-rule.js';
import type { SectionLink } from '../src/engine/sections.js';

const IDS = {
  found: 'thuTucBieuMauFound',
  broken: 'thuTucBieuMauBroken',
  unverified: 'thuTucBieuMauUnverified',
  missing: 'noThuTucBieuMau',
};

/** Why a half is absent, for the warning: no entry at all, or an entry whose page does not work. */
function absence(s: LocatedSection, homeUrl: string): string {
  const first = [...s.links, ...s.dead][0];
  return first ? `"${first.link.text}" → ${first.link.href}: ${describeTarget(first, homeUrl)}` : 'không có mục menu nào / no menu entry';
}

const rule = defineRule({
  meta: {
    id: 'menu-thu-tuc-bieu-mau',
    title: { vi: 'Có chuyên mục "Thủ tục - Biểu mẫu"', en: 'Has a "Thủ tục - Biểu mẫu" (procedures and forms) section' },
    failureTitle: { vi: 'Thiếu chuyên mục "Thủ tục - Biểu mẫu"', en: 'No working "Thủ tục - Biểu mẫu" (procedures and forms) section' },
    weight: 3,
    appliesTo: 'all',
    basis: [cite(CV_4210, 'mục III.3 (chuyên mục "Thủ tục - Biểu mẫu")')],
    requires: ['home', 'pages'],
    messages: {
      ...sectionMessages({ vi: '"Thủ tục - Biểu mẫu"', en: '"Thủ tục - Biểu mẫu" (procedures and forms)' }, IDS),
      thuTucBieuMauFound: {
        vi: 'Menu trang chủ có mục thủ tục "{thuTuc}" ({thuTucUrl}) và biểu mẫu "{bieuMau}" ({bieuMauUrl}).',
        en: 'The home page menu has procedures "{thuTuc}" ({thuTucUrl}) and forms "{bieuMau}" ({bieuMauUrl}).',
      },
      onlyThuTuc: {
        vi: 'Menu trang chủ có mục "{thuTuc}" nhưng thiếu mục "Biểu mẫu" (đã tìm: {keywords}; {detail}).',
        en: 'The home page menu has "{thuTuc}" but no working "Biểu mẫu" (forms) entry (looked for: {keywords}; {detail}).',
      },
      onlyBieuMau: {
        vi: 'Menu trang chủ có mục "{bieuMau}" nhưng thiếu mục "Thủ tục" (đã tìm: {keywords}; {detail}).',
        en: 'The home page menu has "{bieuMau}" but no working "Thủ tục" (procedures) entry (looked for: {keywords}; {detail}).',
      },
    },
  },
  check(a, ctx): RuleOutcome {
    const { thuTuc, bieuMau } = ctx.config.sections;
    const homeUrl = a.home?.finalUrl ?? '';
    const t = locateSection(a, thuTuc, ctx.config);
    const b = locateSection(a, bieuMau, ctx.config);
    const linkOf = (s: LocatedSection, keywords: string[]) => sectionOutcome(a, s, IDS, keywords).evidence;
    // Either half unverified while the other does not decide: pass and warn are both still possible.
    const unverified = [t, b].find((s) => s.status === 'unverified');
    if (unverified && (t.status !== 'found' || b.status !== 'found')) return sectionOutcome(a, unverified, IDS, [...thuTuc, ...bieuMau]);
    if (t.found && b.found) {
      const url = (s: SectionLink): string => (s.target?.ok ? s.target.finalUrl : s.link.href);
      const sameEntry = b.found.link.selector === t.found.link.selector;
      return {
        status: 'pass',
        messageId: 'thuTucBieuMauFound',
        data: { thuTuc: t.found.link.text, thuTucUrl: url(t.found), bieuMau: b.found.link.text, bieuMauUrl: url(b.found) },
        evidence: [...linkOf(t, thuTuc).slice(0, 1), ...(sameEntry ? [] : linkOf(b, bieuMau).slice(0, 1))],
      };
    }
    // One half works: warn, with where the other half was looked for (or its broken URL) as evidence.
    if (t.found) {
      return {
        status: 'warn',
        messageId: 'onlyThuTuc',
        data: { thuTuc: t.found.link.text, keywords: bieuMau.join(', '), detail: absence(b, homeUrl) },
        evidence: [...linkOf(b, bieuMau), ...linkOf(t, thuTuc).slice(0, 1)],
      };
    }
    if (b.found) {
      return {
        status: 'warn',
        messageId: 'onlyBieuMau',
        data: { bieuMau: b.found.link.text, keywords: thuTuc.join(', '), detail: absence(t, homeUrl) },
        evidence: [...linkOf(t, thuTuc), ...linkOf(b, bieuMau).slice(0, 1)],
      };
    }
    // Neither works: a broken entry is named before "no entry at all".
    const broken = [t, b].find((s) => s.status === 'broken');
    return sectionOutcome(a, broken ?? { status: 'missing', links: [], subLinks: [], dead: [] }, IDS, [...thuTuc, ...bieuMau]);
  },
});

export default rule;
