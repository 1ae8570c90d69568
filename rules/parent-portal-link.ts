// Checks that the home page links to the parent portal the registry names (TT 22/2023 Điều 4 khoản 7 điểm c; CV 4210 mục III.4; NĐ 42/2022 Điều 6).
import { defineRule, type RuleOutcome } from '../src/model/rule.js';
import { CV_4210, HP_2024, ND_42_2022, TT_22_2023, cite } from '../src/engine/basis.js';
import { hostOf, sameHost } from '../src/util/hosts.js';
import { domIndex, isLink } from '../src/page/dom-index.js';
import { allLinks, cssPath, resolveHref } from '../src/page/links.js';

const trimPath = (url: string): string => {
  try {
    return new URL(url).pathname.replace(/\/+$/, '').toLowerCase();
  } catch {
    return '';
  }
};

/**
 * `href="www.haiphong.edu.vn"` or `href="haiphong.edu.vn/index.php"`: the portal's host written without `http://`. A
 * browser resolves it against the page, as a path of the school's own site, so the link never reaches the portal.
 */
function namesHostWithoutScheme(href: string | undefined, parent: string): boolean {
  const raw = (href ?? '').trim();
  if (!raw || /^[a-z][a-z0-9+.-]*:/i.test(raw) || /^[/.#?\\]/.test(raw)) return false;
  const host = raw.split(/[/?#]/)[0] ?? '';
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+\.?$/i.test(host)) return false;
  return sameHost(`http://${host}/`, parent);
}

const rule = defineRule({
  meta: {
    id: 'parent-portal-link',
    title: { vi: 'Có liên kết tới cổng thông tin cấp trên', en: 'Links to the parent portal' },
    failureTitle: { vi: 'Thiếu liên kết tới cổng thông tin cấp trên', en: 'No link to the parent portal' },
    weight: 3,
    appliesTo: 'all',
    basis: [
      cite(TT_22_2023, 'Điều 4 khoản 7 điểm c (trang thành phần có đường dẫn tới cổng mà trang trực thuộc)'),
      cite(HP_2024, 'tiêu chí 2.2c'),
      cite(CV_4210, 'mục III.4 (liên thông với cổng của Sở/Phòng)'),
      cite(ND_42_2022, 'Điều 6'),
    ],
    requires: ['home'],
    emcCriterion: '2.2c',
    messages: {
      parentLinked: {
        vi: 'Trang chủ có liên kết tới cổng cấp trên {parent} ("{text}").',
        en: 'The home page links to the parent portal {parent} ("{text}").',
      },
      noParentLink: {
        vi: 'Trang chủ không có liên kết nào tới cổng cấp trên {parent}.',
        en: 'The home page has no link to the parent portal {parent}.',
      },
      parentLinkNoScheme: {
        vi: 'Trang chủ có liên kết "{text}" ghi {href}: liên kết thiếu http:// nên không mở được cổng cấp trên {parent} (trình duyệt mở {opens}).',
        en: 'The home page has a link "{text}" written {href}: without http:// it does not open the parent portal {parent} (a browser opens {opens}).',
      },
      noParent: { vi: 'Sổ đăng ký không ghi cổng cấp trên của đơn vị.', en: 'The registry names no parent portal for this unit.' },
    },
  },
  check(a): RuleOutcome {
    const { home, unit } = a;
    const parent = unit.parent;
    if (!parent) return { status: 'na', messageId: 'noParent', evidence: [] };
    const $ = home.doc;
    const base = home.finalUrl;
    // A site hosted under a path of its parent's host: its own menu links share the host, so the path must match too.
    const sharesHost = sameHost(base, parent);
    const isParent = (href: string): boolean => sameHost(href, parent) && (!sharesHost || trimPath(href) === trimPath(parent));
    const link = allLinks($, base).find((l) => isParent(l.href));
    if (link) {
      return {
        status: 'pass',
        messageId: 'parentLinked',
        data: { parent, text: link.text || link.href },
        evidence: [{ url: base, selector: link.selector, excerpt: `${link.text} → ${link.href}` }],
      };
    }
    // "Liên kết website" drop-downs: <select onchange="window.open(this.value)"> with the portals as options.
    const option = $('select option[value]')
      .toArray()
      .find((o) => {
        const href = resolveHref($(o).attr('value'), base);
        return href !== undefined && /^https?:/.test(href) && isParent(href);
      });
    if (option) {
      const text = $(option).text().trim();
      return {
        status: 'pass',
        messageId: 'parentLinked',
        data: { parent, text },
        evidence: [{ url: base, selector: cssPath($, option), excerpt: `${text} → ${$(option).attr('value') ?? ''}` }],
      };
    }
    // Named, but without its scheme: the link opens a page of the school's own site.
    const schemeless = domIndex($).elements.find((el) => isLink(el) && namesHostWithoutScheme(el.attribs.href, parent));
    if (schemeless) {
      const href = (schemeless.attribs.href ?? '').trim();
      const text = $(schemeless).text().replace(/\s+/g, ' ').trim() || ($(schemeless).find('img').attr('alt') ?? '').trim() || href;
      const opens = resolveHref(href, base) ?? href;
      return {
        status: 'warn',
        messageId: 'parentLinkNoScheme',
        data: { parent, text, href, opens },
        evidence: [{ url: base, selector: cssPath($, schemeless), excerpt: `${text} → href="${href}" (mở / opens ${opens})` }],
      };
    }
    return {
      status: 'fail',
      messageId: 'noParentLink',
      data: { parent },
      evidence: [{ url: base, selector: 'a[href], area[href], select option', excerpt: `host ${hostOf(parent) ?? parent}` }],
    };
  },
});

export default rule;
