// Checks that the home page offers a site search (CV 4210 mục III.4: công cụ tìm kiếm toàn văn; NĐ 42/2022 Điều 7).
import { z } from 'zod';
import { markupExcerpt } from '../src/engine/markup-excerpt.js';
import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { defineRule, type RuleOutcome } from '../src/model/rule.js';
import { CV_4210, ND_42_2022, cite } from '../src/engine/basis.js';
import { cssPath, navigationLinks } from '../src/page/links.js';
import { findKeyword } from '../src/util/text.js';

const TEXT_INPUT = 'input[type="search" i], input[type="text" i], input:not([type])';
const BUTTONS = 'button, input[type="submit" i], input[type="button" i], input[type="image" i], a, [data-url], [onclick]';

const rule = defineRule({
  meta: {
    id: 'full-text-search',
    title: { vi: 'Có công cụ tìm kiếm', en: 'Site search available' },
    failureTitle: { vi: 'Không có công cụ tìm kiếm', en: 'No site search' },
    weight: 1,
    appliesTo: 'all',
    basis: [cite(CV_4210, 'mục III.4 (có công cụ tìm kiếm toàn văn)'), cite(ND_42_2022, 'Điều 7 (công cụ tìm kiếm thông tin)')],
    requires: ['home'],
    options: {
      /** full-text-search: words naming a site search (text, labels, buttons) and the paths of search pages. */
      siteSearch: z
        .object({
          keywords: z.array(z.string()).default(['tìm kiếm', 'search']),
          paths: z.array(z.string()).default(['/search', '/tim-kiem', '/timkiem', '/seek', '/tim_kiem']),
        })
        .prefault({}),
    },
    messages: {
      searchForm: { vi: 'Trang chủ có biểu mẫu tìm kiếm ({selector}).', en: 'The home page has a search form ({selector}).' },
      searchInput: {
        vi: 'Trang chủ có ô tìm kiếm với nút tìm ({selector}).',
        en: 'The home page has a search box with a search button ({selector}).',
      },
      searchLink: {
        vi: 'Menu trang chủ có liên kết tới trang tìm kiếm "{text}".',
        en: 'The home page menu links to a search page "{text}".',
      },
      noSearch: {
        vi: 'Trang chủ không có ô tìm kiếm, biểu mẫu tìm kiếm hay liên kết tới trang tìm kiếm.',
        en: 'The home page has no search box, search form or link to a search page.',
      },
    },
  },
  check(a, ctx): RuleOutcome {
    const { home } = a;
    const $ = home.doc;
    const { keywords, paths } = ctx.config.siteSearch;
    const isSearchUrl = (url: string | undefined): boolean => {
      if (!url) return false;
      const u = url.toLowerCase();
      return paths.some((p) => u.includes(p)) || /[?&](q|s|keyword|keywords|query|search)=/.test(u);
    };
    const names = (el: Element): string => {
      const attrs = ['placeholder', 'aria-label', 'title', 'value', 'name', 'id', 'class', 'role', 'alt'];
      return [...attrs.map((k) => el.attribs[k] ?? ''), $(el).text()].join(' ').replace(/[-_]/g, ' ');
    };
    const saysSearch = (el: Element): boolean =>
      findKeyword(names(el), keywords) !== undefined ||
      /\b(search|seek|fa-search|glyphicon-search|q|s)\b/i.test(el.attribs.name ?? '') ||
      /(^|\s)(search|fa-search|glyphicon-search|icon-search)(\s|$)/i.test(el.attribs.class ?? '');

    // 1. A form with a text/search input (not a login, contact or subscription form).
    for (const form of $('form').toArray()) {
      const inputs = $(form).find(TEXT_INPUT).toArray();
      if (inputs.length === 0) continue;
      const $f = $(form);
      const hasSearchInput = $f.find('input[type="search" i]').length > 0;
      const signals =
        hasSearchInput ||
        (form.attribs.role ?? '').toLowerCase() === 'search' ||
        isSearchUrl(form.attribs.action) ||
        saysSearch(form) ||
        [...inputs, ...$f.find(BUTTONS).toArray()].some(saysSearch);
      const plain = inputs.length === 1 && $f.find('input[type="password" i], textarea, input[type="email" i]').length === 0;
      if (signals || plain) {
        const selector = cssPath($, form);
        return {
          status: 'pass',
          messageId: 'searchForm',
          data: { selector },
          evidence: [{ url: home.finalUrl, selector, excerpt: excerptOf($, form) }],
        };
      }
    }

    // 2. An input without a form, driven by script: NukeViet's header box is an input whose button has data-url="/seek/?q=".
    for (const input of $(TEXT_INPUT).toArray()) {
      if ($(input).parents('form').length > 0) continue;
      let scope = input.parent;
      for (let i = 0; i < 3 && scope && scope.type === 'tag'; i++, scope = scope.parent) {
        const buttons = $(scope as Element)
          .find(BUTTONS)
          .toArray();
        const hit = buttons.find(
          (b) => isSearchUrl(b.attribs['data-url']) || isSearchUrl(b.attribs.action) || isSearchUrl(b.attribs.href) || saysSearch(b),
        );
        if (hit || (buttons.length > 0 && saysSearch(input))) {
          const selector = cssPath($, input);
          return {
            status: 'pass',
            messageId: 'searchInput',
            data: { selector },
            evidence: [{ url: home.finalUrl, selector, excerpt: excerptOf($, hit ?? input) }],
          };
        }
      }
    }

    // 3. A menu entry leading to a search page.
    const link = navigationLinks($, home.finalUrl).find(
      (l) => findKeyword(l.text, keywords) !== undefined || isSearchUrl(pathAndQuery(l.href)),
    );
    if (link)
      return {
        status: 'pass',
        messageId: 'searchLink',
        data: { text: link.text || link.href },
        evidence: [{ url: home.finalUrl, selector: link.selector, excerpt: `${link.text} → ${link.href}` }],
      };

    return {
      status: 'fail',
      messageId: 'noSearch',
      evidence: [
        { url: home.finalUrl, selector: 'form, input, nav a', excerpt: `tìm: form/input tìm kiếm, data-url, liên kết ${paths.join(' ')}` },
      ],
    };
  },
});

function pathAndQuery(href: string): string {
  try {
    const u = new URL(href);
    return u.pathname + u.search;
  } catch {
    return href;
  }
}

const excerptOf = ($: CheerioAPI, el: Element): string => markupExcerpt($, el, 200);

export default rule;
