// Checks that the home page shows the label of its connection to EMC (TT 22/2023 Điều 4 khoản 7 điểm a; HP 2024 tiêu chí 2.2a).
import { z } from 'zod';
import type { Element } from 'domhandler';
import { defineRule, type Evidence, type RuleOutcome } from '../src/model/rule.js';
import { HP_2024, TT_22_2023, cite } from '../src/engine/basis.js';
import { analyseEmcTag, isEmcHost } from '../src/engine/emc.js';
import { findWidgetHiders, inWidget, widgetElements, type WidgetHider } from '../src/engine/emc-widget.js';
import { isHidden, hidingCss, ownHiddenReason } from '../src/engine/visibility.js';
import type { FetchResult } from '../src/model/artifacts.js';
import { hostMatches, hostOf } from '../src/util/hosts.js';
import { classTokens, closest, domIndex, hasDescendant, isLink, tagged, textContent } from '../src/page/dom-index.js';
import { cssPath, resolveHrefIn } from '../src/page/links.js';
import { findKeyword } from '../src/util/text.js';

type Matcher = 'host' | 'fileName' | 'text';
const MATCHER_RANK: Record<Matcher, number> = { host: 0, fileName: 1, text: 2 };
// A news item about EMC ("Tập huấn gắn mã EMC") is not the label.
const ARTICLE_CLASSES = new Set(['post', 'entry', 'news-item', 'news-detail', 'article', 'news-content']);
/** `article, .post, .entry, .news-item, .news-detail, .article, .news-content` */
const inArticle = (e: Element): boolean => e.name === 'article' || classTokens(e).some((c) => ARTICLE_CLASSES.has(c));

/** The file name of an image URL split into lower-case tokens: `/uploads/logo_emc-2024.png` → logo, emc, 2024. */
function fileTokens(url: string): string[] {
  let name: string;
  try {
    name = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
  } catch {
    return [];
  }
  return name
    .toLowerCase()
    .replace(/\.[a-z0-9]+$/, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

const rule = defineRule({
  meta: {
    id: 'emc-label',
    title: { vi: 'Có nhãn đã kết nối EMC', en: 'EMC connection label shown' },
    failureTitle: { vi: 'Thiếu nhãn đã kết nối EMC', en: 'No EMC connection label' },
    weight: 2,
    appliesTo: 'all',
    basis: [cite(TT_22_2023, 'Điều 4 khoản 7 điểm a (nhãn thể hiện việc đã kết nối Hệ thống EMC)'), cite(HP_2024, 'tiêu chí 2.2a')],
    requires: ['home'],
    optional: ['scripts', 'stylesheets'],
    emcCriterion: '2.2a',
    options: {
      /** Extra hosts that count for the EMC *label* (a link or image there is the label). */
      emcLabelHosts: z.array(z.string()).default(['emc.gov.vn']),
      /** Words in alt/title/text that name the EMC label. Matched case-insensitively, without diacritics too. */
      emcLabelTexts: z.array(z.string()).default(['emc', 'hệ thống emc', 'đã kết nối emc', 'giám sát emc']),
      /** Tokens of an image file name that name the EMC label (`emc-label.png`, `logo_emc.png`; not `emcee`, `nemc`). */
      emcLabelFileTokens: z.array(z.string()).default(['emc']),
      /**
       * The label the EMC script draws (`<div class="yhy-append-wrap"><div id="yhy-append"><a id="btnEMC">`): `#id` or
       * `.class` selectors of its elements, and its text. A site rule or script aimed at these hides the label.
       */
      emcWidgetSelectors: z.array(z.string()).default(['#yhy-append', '.yhy-append-wrap', '#btnEMC']),
      emcWidgetTexts: z.array(z.string()).default(['đã kết nối emc']),
      /** Badges that are *not* the EMC label. */
      notEmcLabelHosts: z.array(z.string()).default(['tinnhiemmang.vn', 'online.gov.vn', 'dmca.com']),
    },
    words: {
      matcher: {
        host: { vi: 'liên kết tới máy chủ EMC', en: 'a link to an EMC host' },
        fileName: { vi: 'tên tệp ảnh', en: 'the image file name' },
        text: { vi: 'chữ trên trang', en: 'the text on the page' },
      },
    },
    messages: {
      widgetShown: {
        vi: 'Trang chủ hiển thị nhãn EMC do tập lệnh EMC vẽ (nhận theo widget: {selector}).',
        en: 'The home page shows the label the EMC script draws (matched by widget: {selector}).',
      },
      drawnByScript: {
        vi: 'Mã EMC đã gắn (mã site {siteId}) và không có quy tắc CSS hay tập lệnh nào của website ẩn nhãn: nhãn "Đã kết nối EMC" do tập lệnh EMC vẽ khi trang chạy (nhận theo emc-tag).',
        en: 'The EMC code is in place (site id {siteId}) and no CSS rule or script of the site hides the label: the EMC script draws the "Đã kết nối EMC" label when the page runs (matched by emc-tag).',
      },
      widgetHidden: {
        vi: 'Website ẩn nhãn EMC do tập lệnh EMC vẽ: {hider} (tại {where}).',
        en: 'The site hides the label the EMC script draws: {hider} (in {where}).',
      },
      stylesheetUnverified: {
        vi: 'Chưa xác minh được: mã EMC đã gắn nhưng không tải được tệp CSS {url} ({reason}) nên không biết nhãn có bị ẩn không.',
        en: 'Not verified: the EMC code is in place but the stylesheet {url} could not be read ({reason}), so whether the label is hidden is unknown.',
      },
      labelFound: {
        vi: 'Trang chủ có nhãn EMC (nhận theo {matcher}: {value}).',
        en: 'The home page shows the EMC label (matched by {matcher}: {value}).',
      },
      noEmcLabel: {
        vi: 'Trang chủ không có nhãn EMC (liên kết/ảnh tới máy chủ EMC, ảnh tên "emc", chữ "EMC").',
        en: 'The home page shows no EMC label (link/image on an EMC host, image named "emc", text "EMC").',
      },
      onlyOtherBadges: {
        vi: 'Trang chủ chỉ có nhãn khác ({badges}), không phải nhãn EMC.',
        en: 'The home page only shows other badges ({badges}), not the EMC label.',
      },
    },
  },
  check(a, ctx): RuleOutcome {
    const { home } = a;
    const $ = home.doc;
    const base = home.finalUrl;
    const cfg = ctx.config;
    const labelHosts = [...cfg.emcHosts, ...cfg.emcLabelHosts];
    const tokens = cfg.emcLabelFileTokens.map((t) => t.toLowerCase());
    const otherBadges = new Set<string>();
    let best: { matcher: Matcher; value: string; evidence: Evidence } | undefined;
    const consider = (matcher: Matcher, value: string, el: Element): void => {
      if (!best || MATCHER_RANK[matcher] < MATCHER_RANK[best.matcher]) {
        best = { matcher, value, evidence: { url: base, selector: cssPath($, el), excerpt: value } };
      }
    };
    const otherBadge = (url: string | undefined): boolean => {
      const host = url ? hostOf(url) : undefined;
      const hit = host ? cfg.notEmcLabelHosts.find((h) => hostMatches(host, h)) : undefined;
      if (hit) otherBadges.add(hit);
      return hit !== undefined;
    };
    const onLabelHost = (url: string | undefined): boolean => {
      const host = url ? hostOf(url) : undefined;
      return host !== undefined && isEmcHost(host, labelHosts);
    };

    const widgetSelectors = cfg.emcWidgetSelectors;
    for (const img of tagged($, 'img')) {
      if (inWidget(img, widgetSelectors)) continue; // the widget is judged as the widget, below
      const src = resolveHrefIn($, img.attribs.src ?? img.attribs['data-src'], base);
      const link = closest(img, (e) => e.name === 'a' && e.attribs.href !== undefined);
      const href = link ? resolveHrefIn($, link.attribs.href, base) : undefined;
      if (otherBadge(src) || otherBadge(href)) continue;
      if (onLabelHost(src)) consider('host', src as string, img);
      else if (onLabelHost(href)) consider('host', href as string, img);
      else if (src && fileTokens(src).some((t) => tokens.includes(t))) consider('fileName', src, img);
      else {
        const text = [img.attribs.alt, img.attribs.title, link?.attribs.title].filter(Boolean).join(' ');
        const kw = findKeyword(text, cfg.emcLabelTexts);
        if (kw) consider('text', text, img);
      }
    }
    for (const el of domIndex($).elements) {
      if (!isLink(el) || inWidget(el, widgetSelectors)) continue;
      if (hasDescendant(el, (e) => e.name === 'img')) continue; // judged with its image above
      const href = resolveHrefIn($, el.attribs.href, base);
      if (otherBadge(href)) continue;
      if (onLabelHost(href)) {
        consider('host', href as string, el);
        continue;
      }
      if (closest(el, inArticle)) continue;
      const text = [textContent(el), el.attribs.title].filter(Boolean).join(' ').replace(/\s+/g, ' ').trim();
      if (findKeyword(text, cfg.emcLabelTexts)) consider('text', text, el);
    }

    const found = best as { matcher: Matcher; value: string; evidence: Evidence } | undefined;
    // A visible static label passes even when the site also hides the widget.
    if (found)
      return { status: 'pass', messageId: 'labelFound', data: { matcher: found.matcher, value: found.value }, evidence: [found.evidence] };

    const stylesheets = a.stylesheets ?? new Map<string, FetchResult>();
    const scripts = a.scripts ?? new Map<string, FetchResult>();
    const hiders = findWidgetHiders($, base, stylesheets, scripts, widgetSelectors);
    const hidden = (h: WidgetHider): RuleOutcome => ({
      status: 'fail',
      messageId: 'widgetHidden',
      data: { hider: h.evidence.excerpt ?? '', where: h.evidence.url },
      evidence: hiders.map((x) => x.evidence),
    });
    // The widget in the page: in the static HTML (a saved copy) or in the DOM a browser rendered.
    const widget = widgetElements($, widgetSelectors);
    if (widget.length) {
      const css = hidingCss($);
      const hiddenEl = widget.find((el) => isHidden(el, css));
      if (hiders[0]) return hidden(hiders[0]);
      if (hiddenEl) {
        let n: Element | null = hiddenEl;
        let reason: string | undefined;
        while (n && n.type === 'tag' && !(reason = ownHiddenReason(n, css))) n = n.parent as Element | null;
        const selector = cssPath($, n ?? hiddenEl);
        return {
          status: 'fail',
          messageId: 'widgetHidden',
          data: { hider: `${selector} ${reason ?? 'hidden'}`, where: base },
          evidence: [{ url: base, selector, excerpt: reason ?? 'hidden' }],
        };
      }
      const first = widget[0] as Element;
      return {
        status: 'pass',
        messageId: 'widgetShown',
        data: { selector: cssPath($, first) },
        evidence: [{ url: base, selector: cssPath($, first), excerpt: textContent(first).replace(/\s+/g, ' ').trim() }],
      };
    }
    // Without rendering the widget is never in the page: a working EMC code draws it unless the site hides it.
    if (!a.rendered) {
      const tag = analyseEmcTag(home, scripts, cfg.emcHosts);
      if (tag.kind === 'found') {
        if (hiders[0]) return hidden(hiders[0]);
        const unread = [...stylesheets].find(([, r]) => !r.ok || r.status === 403 || r.status === 429 || r.status >= 500);
        if (unread) {
          const [url, r] = unread;
          return {
            status: 'error',
            messageId: 'stylesheetUnverified',
            data: { url, reason: r.ok ? `HTTP ${r.status}` : `${r.reason}: ${r.detail}` },
            evidence: [{ url }],
          };
        }
        return { status: 'pass', messageId: 'drawnByScript', data: { siteId: tag.siteId }, evidence: tag.evidence.slice(0, 2) };
      }
    }
    if (otherBadges.size) {
      return {
        status: 'fail',
        messageId: 'onlyOtherBadges',
        data: { badges: [...otherBadges].join(', ') },
        evidence: [{ url: base, selector: 'a[href], img', excerpt: [...otherBadges].join(', ') }],
      };
    }
    return {
      status: 'fail',
      messageId: 'noEmcLabel',
      evidence: [{ url: base, selector: 'a[href], img', excerpt: [...labelHosts, ...tokens].join(', ') }],
    };
  },
});

export default rule;
