// Checks five basic accessibility points of the home page: lang, title, image alt, form labels, no marquee/blink (TT 26/2020/TT-BTTTT).
import { markupExcerpt } from '../src/engine/markup-excerpt.js';
import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { defineRule, type Evidence, type RuleOutcome } from '../src/model/rule.js';
import { LUAT_148_2025, TT_26_2020, cite } from '../src/engine/basis.js';
import { cssPath } from '../src/page/links.js';
import { hidingCss, isHidden } from '../src/engine/visibility.js';

type Check = 'lang' | 'title' | 'imageAlt' | 'formLabels' | 'noMarquee';
const CHECKS: Check[] = ['lang', 'title', 'imageAlt', 'formLabels', 'noMarquee'];
const CHECK_NAMES: Record<Check, string> = {
  lang: 'lang="vi"',
  title: '<title>',
  imageAlt: 'alt ảnh / image alt',
  formLabels: 'nhãn ô nhập / input labels',
  noMarquee: '<marquee>/<blink>',
};
/** Share of content images that must carry an alt attribute. */
const ALT_RATIO = 0.9;
/** Input types a visitor does not type into, or whose caption is their own value. */
const UNLABELLED_TYPES = new Set(['hidden', 'submit', 'button', 'reset', 'image']);
const MAX_PER_CHECK = 5;

const attr = (el: Element, name: string): string => (el.attribs[name] ?? '').trim();
const excerptOf = ($: CheerioAPI, el: Element): string => markupExcerpt($, el, 160);

/** 1×1 (or 0×0) trackers, read from the width/height attributes: not content. */
function isTracker(img: Element): boolean {
  const w = Number.parseInt(attr(img, 'width'), 10);
  const h = Number.parseInt(attr(img, 'height'), 10);
  return Number.isFinite(w) && Number.isFinite(h) && w <= 1 && h <= 1;
}

function hasLabel($: CheerioAPI, el: Element): boolean {
  if (attr(el, 'aria-label') || attr(el, 'title')) return true;
  const labelledBy = attr(el, 'aria-labelledby').split(/\s+/).filter(Boolean);
  if (
    labelledBy.some((id) =>
      $(`[id="${id.replace(/"/g, '')}"]`)
        .text()
        .trim(),
    )
  )
    return true;
  const id = attr(el, 'id');
  if (
    id &&
    $('label[for]')
      .toArray()
      .some((l) => l.type === 'tag' && attr(l, 'for') === id && $(l).text().trim() !== '')
  )
    return true;
  const wrapping = $(el).closest('label');
  return wrapping.length > 0 && wrapping.text().trim() !== '';
}

const rule = defineRule({
  meta: {
    id: 'accessibility-basic',
    title: { vi: 'Trang chủ đạt các yêu cầu tiếp cận cơ bản', en: 'Home page meets basic accessibility' },
    failureTitle: { vi: 'Trang chủ chưa đạt các yêu cầu tiếp cận cơ bản', en: 'Home page misses basic accessibility' },
    weight: 1,
    appliesTo: 'all',
    basis: [
      cite(TT_26_2020, 'tiêu chuẩn hỗ trợ người khuyết tật tiếp cận trang thông tin điện tử (theo WCAG 2.0)'),
      cite(LUAT_148_2025, 'Điều 8 khoản 7 (bảo đảm tiếp cận tối thiểu cho người khuyết tật, người cao tuổi)'),
    ],
    requires: ['home'],
    messages: {
      allChecksMet: {
        vi: 'Trang chủ đạt cả 5 yêu cầu: lang="vi", có <title>, ảnh có alt ({imagesWithAlt}/{images}), ô nhập có nhãn, không có <marquee>/<blink>.',
        en: 'The home page meets all 5 points: lang="vi", a <title>, image alt ({imagesWithAlt}/{images}), labelled inputs, no <marquee>/<blink>.',
      },
      oneCheckMissing: {
        vi: 'Trang chủ thiếu 1 trong 5 yêu cầu tiếp cận: {missing}.',
        en: 'The home page misses 1 of the 5 accessibility points: {missing}.',
      },
      severalChecksMissing: {
        vi: 'Trang chủ thiếu {count} trong 5 yêu cầu tiếp cận: {missing}.',
        en: 'The home page misses {count} of the 5 accessibility points: {missing}.',
      },
    },
  },
  check(a): RuleOutcome {
    const { home } = a;
    const $ = home.doc;
    const url = home.finalUrl;
    const failed = new Map<Check, Evidence[]>();
    const fail = (check: Check, ev: Evidence): void => void failed.set(check, [...(failed.get(check) ?? []), ev].slice(0, MAX_PER_CHECK));

    const lang = ($('html').attr('lang') ?? '').trim();
    if (!/^vi(-|$)/i.test(lang)) fail('lang', { url, selector: 'html', excerpt: lang ? `lang="${lang}"` : 'no lang attribute' });

    // An <svg><title> is an icon's name, not the page's.
    const title = $('title')
      .filter((_, t) => $(t).closest('svg').length === 0)
      .first();
    if (!title.text().trim()) fail('title', { url, selector: 'head > title', excerpt: title.length ? 'empty <title>' : 'no <title>' });

    const images = $('img')
      .toArray()
      .filter((i): i is Element => i.type === 'tag' && !isTracker(i));
    const withAlt = images.filter((i) => i.attribs.alt !== undefined);
    if (images.length && withAlt.length / images.length < ALT_RATIO) {
      for (const img of images.filter((i) => i.attribs.alt === undefined)) {
        fail('imageAlt', { url, selector: cssPath($, img), excerpt: `${withAlt.length}/${images.length} with alt; ${excerptOf($, img)}` });
      }
    }

    const css = hidingCss($);
    $('input, select, textarea').each((_, el) => {
      if (el.type !== 'tag' || isHidden(el, css)) return;
      const type = attr(el, 'type').toLowerCase();
      // An image button is named by its alt text.
      if (el.name === 'input' && type === 'image') {
        if (!attr(el, 'alt') && !attr(el, 'aria-label') && !attr(el, 'title'))
          fail('formLabels', { url, selector: cssPath($, el), excerpt: excerptOf($, el) });
        return;
      }
      if (el.name === 'input' && UNLABELLED_TYPES.has(type)) return;
      if (!hasLabel($, el)) fail('formLabels', { url, selector: cssPath($, el), excerpt: excerptOf($, el) });
    });

    $('marquee, blink').each((_, el) => {
      if (el.type === 'tag') fail('noMarquee', { url, selector: cssPath($, el), excerpt: excerptOf($, el) });
    });

    const missing = CHECKS.filter((c) => failed.has(c));
    if (!missing.length) {
      return {
        status: 'pass',
        messageId: 'allChecksMet',
        data: { images: images.length, imagesWithAlt: withAlt.length },
        evidence: [{ url, selector: 'html', excerpt: `lang="${lang}", <title>${title.text().trim()}</title>` }],
      };
    }
    const evidence = missing.flatMap((c) => (failed.get(c) ?? []).map((e) => ({ ...e, excerpt: `[${c}] ${e.excerpt ?? ''}` })));
    const names = missing.map((c) => CHECK_NAMES[c]).join(', ');
    if (missing.length === 1) return { status: 'warn', messageId: 'oneCheckMissing', data: { missing: names }, evidence };
    return { status: 'fail', messageId: 'severalChecksMissing', data: { missing: names, count: missing.length }, evidence };
  },
});

export default rule;
