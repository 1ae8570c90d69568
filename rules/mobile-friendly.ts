// Checks that the home page declares a device-width viewport (CV 4210 mục III.4: tương thích thiết bị thông minh).
import { defineRule } from '../src/model/rule.js';
import { CV_4210, cite } from '../src/engine/basis.js';
import { cssPath } from '../src/page/links.js';

const rule = defineRule({
  meta: {
    id: 'mobile-friendly',
    title: { vi: 'Trang chủ tương thích thiết bị di động', en: 'Home page is mobile-friendly' },
    failureTitle: { vi: 'Trang chủ chưa tương thích thiết bị di động', en: 'Home page is not mobile-friendly' },
    weight: 1,
    appliesTo: 'all',
    basis: [cite(CV_4210, 'mục III.4 (tương thích với các thiết bị thông minh)')],
    requires: ['home'],
    messages: {
      viewportOk: {
        vi: 'Trang chủ có <meta name="viewport"> với width=device-width.',
        en: 'The home page has <meta name="viewport"> with width=device-width.',
      },
      noViewport: { vi: 'Trang chủ không có thẻ <meta name="viewport">.', en: 'The home page has no <meta name="viewport">.' },
      noDeviceWidth: {
        vi: 'Thẻ <meta name="viewport"> không có width=device-width ("{content}").',
        en: '<meta name="viewport"> lacks width=device-width ("{content}").',
      },
    },
  },
  check(a) {
    const { home } = a;
    const $ = home.doc;
    const metas = $('meta')
      .filter((_, el) => ($(el).attr('name') ?? '').trim().toLowerCase() === 'viewport')
      .toArray();
    if (metas.length === 0) {
      return {
        status: 'fail',
        messageId: 'noViewport',
        evidence: [{ url: home.finalUrl, selector: 'head', excerpt: 'meta[name=viewport]' }],
      };
    }
    for (const el of metas) {
      const content = $(el).attr('content') ?? '';
      const parts = content.toLowerCase().replace(/\s+/g, '').split(/[,;]/);
      if (parts.includes('width=device-width')) {
        return { status: 'pass', messageId: 'viewportOk', evidence: [{ url: home.finalUrl, selector: cssPath($, el), excerpt: content }] };
      }
    }
    const first = metas[0] as (typeof metas)[number];
    const content = $(first).attr('content') ?? '';
    return {
      status: 'fail',
      messageId: 'noDeviceWidth',
      data: { content },
      evidence: [{ url: home.finalUrl, selector: cssPath($, first), excerpt: content }],
    };
  },
});

export default rule;
