// Checks that no crawled page carries gambling SEO spam, a defacement or cloaking (HP 2023 mục 2–3; QĐ 1682/2018 Điều 11).
import { z } from 'zod';
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import type { FetchResult, FetchedPage } from '../src/model/artifacts.js';
import { defineRule, type Evidence, type RuleOutcome } from '../src/model/rule.js';
import type { SpamConfig } from '../src/engine/spam.js';
import { HP_2023, QD_1682_2018, cite } from '../src/engine/basis.js';
import { sameHost } from '../src/util/hosts.js';
import { descendants, domIndex, isLink, tagged, textContent, walkTree } from '../src/page/dom-index.js';
import { allLinks, cssPath, navigationLinks, resolveHref, resolveHrefIn } from '../src/page/links.js';
import { bettingHost, bettingTermsInNormalized, defacementInNormalized, findBettingTerms } from '../src/engine/spam.js';
import { normalizeText } from '../src/util/text.js';
import { hiddenRoots, hidingCss } from '../src/engine/visibility.js';

type Where = 'defaced' | 'hidden' | 'title' | 'meta' | 'nav' | 'link' | 'cloaked';
const ORDER: Where[] = ['defaced', 'cloaked', 'hidden', 'title', 'meta', 'nav', 'link'];
/** Evidence entries kept per where-kind and page, so 300 hidden links do not drown the report. */
const PER_KIND = 3;
const MAX_EVIDENCE = 20;

interface Hit extends Evidence {
  where: Where;
}

type HtmlPage = FetchedPage & { doc: CheerioAPI };
const isHtmlPage = (r: FetchResult | undefined): r is HtmlPage => r?.ok === true && r.isHtml && r.doc !== undefined;

const NOT_TEXT = new Set(['script', 'style', 'noscript', 'template']);

/** Text of a subtree without scripts and styles, whitespace collapsed. */
function textOf(el: AnyNode): string {
  return rawTextOf(el).replace(/\s+/g, ' ').trim();
}

/** The same text with its whitespace as written (normalizeText collapses it anyway). */
function rawTextOf(el: AnyNode): string {
  const parts: string[] = [];
  walkTree(el, (n) => {
    if (n.type === 'text') parts.push((n as unknown as { data: string }).data);
    if (n.type !== 'tag' && n.type !== 'root') return false;
    return !(n.type === 'tag' && NOT_TEXT.has((n as Element).name));
  });
  return parts.join(' ');
}

/** The page's body text, normalised once: the spam scan and the cloaking comparison both read it. */
const bodyTexts = new WeakMap<CheerioAPI, string>();
function bodyText($: CheerioAPI): string {
  let text = bodyTexts.get($);
  if (text === undefined) {
    const body = domIndex($).body ?? ($.root().get(0) as AnyNode | undefined);
    bodyTexts.set($, (text = normalizeText(body ? rawTextOf(body) : '')));
  }
  return text;
}

const titleOf = ($: CheerioAPI): Element | undefined => tagged($, 'title')[0];

/** `meta[name="description"], meta[name="keywords"], meta[property^="og:"], meta[name^="og:"], meta[name^="twitter:"]` */
function isSeoMeta(m: Element): boolean {
  const name = m.attribs.name;
  return name === 'description' || name === 'keywords' || (m.attribs.property ?? '').startsWith('og:') ||
    (name !== undefined && (name.startsWith('og:') || name.startsWith('twitter:')));
}
const seoMetas = ($: CheerioAPI): Element[] => tagged($, 'meta').filter(isSeoMeta);

/**
 * Some link of the page (a or area, its href as allLinks resolves it) goes to a betting host. Most pages have none:
 * their link list, with a text and a selector per link, is then not built for the spam scan (the crawler and the
 * other rules read it on the home page only).
 */
function linksToBettingHost($: CheerioAPI, base: string, cfg: SpamConfig): boolean {
  for (const a of domIndex($).elements) {
    if (!isLink(a)) continue;
    const href = resolveHrefIn($, a.attribs.href, base) ?? (a.attribs.href ?? '').trim();
    if (href && bettingHost(href, cfg)) return true;
  }
  return false;
}

/** Spam on one page, by where it was found; `warnings` collects exempted terms (warning articles). */
function scanPage(page: HtmlPage, cfg: SpamConfig, warnings: Evidence[]): Hit[] {
  const $ = page.doc;
  const url = page.finalUrl;
  const hits: Hit[] = [];
  // a selector is worked out only for a warning: every menu link of every page is checked here
  const terms = (text: string, selector: string | (() => string)): string[] => {
    const found = findBettingTerms(text, cfg);
    for (const w of found.filter((h) => h.warning)) warnings.push({ url, selector: typeof selector === 'string' ? selector : selector(), excerpt: `${w.term} (${w.warning}): ${w.around}` });
    return [...new Set(found.filter((h) => !h.warning).map((h) => h.term))];
  };
  const reported = new Set<Element>();

  const text = bodyText($);
  const titleEl = titleOf($);
  const titleText = titleEl ? textContent(titleEl) : '';
  // Visible article text is not judged, but a warning article is noted so the pass shows why its words did not count.
  for (const w of bettingTermsInNormalized(text, cfg).filter((h) => h.warning)) warnings.push({ url, selector: 'body', excerpt: `${w.term} (${w.warning}): ${w.around}` });
  const defaced = defacementInNormalized([normalizeText(titleText), text].filter(Boolean).join(' '), cfg);
  if (defaced) hits.push({ where: 'defaced', url, selector: 'title, body', excerpt: defaced.around });

  for (const { el, reason } of hiddenRoots($, hidingCss($))) {
    const selector = cssPath($, el);
    const hiddenText = textOf(el);
    const found = terms(hiddenText, selector);
    const links = descendants(el, isLink);
    links.forEach((n) => reported.add(n));
    const hosts = links.map((n) => resolveHref(n.attribs.href, url)).filter((h): h is string => h !== undefined && bettingHost(h, cfg) !== undefined);
    if (!found.length && !hosts.length) continue;
    const what = [...found, ...hosts.slice(0, 3)].join(', ');
    hits.push({ where: 'hidden', url, selector, excerpt: `${reason}: ${what} — ${hiddenText.slice(0, 120)}` });
  }

  if (titleEl) {
    const found = terms(titleText, 'title');
    if (found.length) hits.push({ where: 'title', url, selector: 'title', excerpt: titleText.replace(/\s+/g, ' ').trim() });
  }

  for (const m of seoMetas($)) {
    const content = m.attribs.content ?? '';
    const name = m.attribs.name ?? m.attribs.property ?? '';
    const selector = `meta[${m.attribs.name !== undefined ? 'name' : 'property'}="${name}"]`;
    const host = /^https?:/i.test(content) ? bettingHost(content, cfg) : undefined;
    if (terms(content, selector).length || host) hits.push({ where: 'meta', url, selector, excerpt: content });
  }

  for (const l of navigationLinks($, url)) {
    const found = terms(l.text, () => l.selector);
    const host = bettingHost(l.href, cfg);
    if (found.length || host) hits.push({ where: 'nav', url, selector: l.selector, excerpt: `${l.text} → ${l.href}` });
  }

  if (linksToBettingHost($, url, cfg)) {
    const reportedSelectors = new Set([...reported].map((n) => cssPath($, n)));
    for (const l of allLinks($, url)) {
      // Navigation links were judged above; a link's selector is worked out only when a hidden block was reported.
      if (l.source === 'nav' || (reportedSelectors.size > 0 && reportedSelectors.has(l.selector))) continue;
      if (bettingHost(l.href, cfg)) hits.push({ where: 'link', url, selector: l.selector, excerpt: `${l.text} → ${l.href}` });
    }
  }
  for (const el of domIndex($).elements) {
    const raw = el.name === 'iframe' ? el.attribs.src : el.name === 'form' ? el.attribs.action : undefined;
    const target = resolveHref(raw, url);
    if (target && bettingHost(target, cfg)) hits.push({ where: 'link', url, selector: cssPath($, el), excerpt: target });
  }
  return hits;
}

/** What a page shows of gambling anywhere (visible text included): the signals compared for cloaking. */
function signals(page: HtmlPage, cfg: SpamConfig): Map<string, Evidence> {
  const $ = page.doc;
  const url = page.finalUrl;
  const out = new Map<string, Evidence>();
  const meta = seoMetas($).map((m) => m.attribs.content ?? '').join(' ');
  const title = titleOf($);
  const text = [normalizeText(`${title ? textContent(title) : ''} ${meta}`), bodyText($)].filter(Boolean).join(' ');
  for (const h of bettingTermsInNormalized(text, cfg).filter((x) => !x.warning)) out.set(`term:${h.term}`, { url, selector: 'body', excerpt: h.around });
  for (const l of allLinks($, url)) {
    const brand = bettingHost(l.href, cfg);
    if (brand) out.set(`host:${new URL(l.href).hostname}`, { url, selector: l.selector, excerpt: `${l.text} → ${l.href}` });
  }
  return out;
}

const rule = defineRule({
  meta: {
    id: 'no-malicious-content',
    title: { vi: 'Không có nội dung độc hại (cờ bạc, cá cược, bị tấn công thay giao diện)', en: 'No malicious content (gambling spam, defacement)' },
    failureTitle: { vi: 'Có nội dung độc hại: quảng cáo cờ bạc, cá cược hoặc bị thay giao diện', en: 'Malicious content: gambling spam or defacement' },
    weight: 3,
    appliesTo: 'all',
    basis: [
      cite(HP_2023, 'mục 2–3 (gỡ bỏ nội dung xấu, độc; báo cáo trang giả mạo, bị tấn công)'),
      cite(QD_1682_2018, 'Điều 11 (nội dung không được đăng tải)'),
    ],
    requires: ['home'],
    optional: ['pages', 'searchbotHome', 'softRedirect'],
    blocking: {},
    // a hijacked home page's stranger content is exactly what this rule reports
    judgedUnder: ['offsite'],
    incident: 'malicious',
    options: {
      /**
       * no-malicious-content: gambling terms and betting brands, matched as whole words on NFC lower-case text, with their
       * diacritics or written literally without them ("nha cai"); never inside a longer token ("kw88x").
       */
      bettingTerms: z.array(z.string()).default([
        'nhà cái', 'cá cược', 'cá độ', 'casino', 'nổ hũ', 'tài xỉu', 'bắn cá', 'lô đề', 'soi cầu', 'bạch thủ',
        'game bài đổi thưởng', 'xóc đĩa', 'đá gà', 'slot game', 'slot gacor', 'judi', 'kèo nhà cái', 'tỷ lệ kèo',
        'cờ bạc online', 'sòng bạc', 'baccarat', 'togel', 'situs slot',
      ]),
      bettingBrands: z.array(z.string()).default([
        'w88', 'fb88', '188bet', 'kubet', '789bet', 'sunwin', 'go88', 'hitclub', 'jun88', 'new88', 'shbet', 'f8bet', 'hi88',
        '8xbet', 'sv388', 'm88', 'v9bet', 'fun88', '12bet', 'bk8', 'oxbet', 'mu88', 'kuwin', 'b52club', 'rikvip', 'iwin',
        '789club', 'typhu88', 'five88', 'cwin', 'vn88', 'debet', 'ae888', 'bet365', '1xbet',
      ]),
      /** A host label containing one of these (or a brand) is a betting domain: `nhacai-w88.example.com`, `keocacuoc.net`. */
      bettingHostWords: z.array(z.string()).default([
        'nhacai', 'cacuoc', 'casino', 'taixiu', 'soicau', 'bachthu', 'xocdia', 'gamebai', 'slotgacor', 'keonhacai', 'nohu',
      ]),
      /** Words near a gambling term that make it a warning, not spam ("Tuyên truyền phòng chống cá độ bóng đá"). */
      antiGamblingContext: z.array(z.string()).default([
        'phòng chống', 'phòng, chống', 'tuyên truyền', 'tác hại', 'cảnh báo', 'nói không với', 'tệ nạn', 'ngăn chặn',
        'xử lý nghiêm', 'vi phạm pháp luật',
      ]),
      /** Characters either side of a term searched for the warning context. */
      antiGamblingContextChars: z.number().int().nonnegative().default(200),
      /** Defacement signatures, matched as whole words. */
      defacementMarkers: z.array(z.string()).default(['hacked by', 'h4cked by', 'h4ck3d by', 'defaced by']),
    },
    words: {
      where: {
        defaced: { vi: 'trang bị thay giao diện', en: 'defaced page' },
        cloaked: { vi: 'nội dung chỉ hiện cho máy tìm kiếm', en: 'shown only to search engines' },
        hidden: { vi: 'nội dung ẩn', en: 'hidden content' },
        title: { vi: 'tiêu đề trang', en: 'page title' },
        meta: { vi: 'thẻ meta', en: 'meta tags' },
        nav: { vi: 'menu', en: 'menu' },
        link: { vi: 'liên kết', en: 'links' },
      },
    },
    messages: {
      clean: {
        vi: 'Không thấy nội dung cờ bạc, cá cược hay dấu hiệu bị tấn công trên {pages} trang đã quét.',
        en: 'No gambling spam or defacement on the {pages} pages scanned.',
      },
      cleanCloakingUnchecked: {
        vi: 'Không thấy nội dung độc hại trên {pages} trang đã quét; chưa so sánh được với bản dành cho Googlebot ({reason}).',
        en: 'No malicious content on the {pages} pages scanned; the Googlebot version could not be compared ({reason}).',
      },
      maliciousContent: {
        vi: 'Phát hiện nội dung độc hại trên {pages} trang ({where}).',
        en: 'Malicious content found on {pages} pages ({where}).',
      },
    },
  },
  check(a, ctx): RuleOutcome {
    const { home } = a;
    const cfg = ctx.config;
    const homeUrl = home.finalUrl;
    const site = a.unit.website ?? homeUrl;
    // Own pages only: link-directory pages may be on the parent's host; the soft-redirect target is judged wherever it is.
    const pages = new Map<string, HtmlPage>([[homeUrl, home]]);
    for (const p of a.pages?.values() ?? []) {
      if (isHtmlPage(p) && !pages.has(p.finalUrl) && (sameHost(p.finalUrl, homeUrl) || sameHost(p.finalUrl, site))) pages.set(p.finalUrl, p);
    }
    const soft = a.softRedirect?.target;
    if (isHtmlPage(soft) && !pages.has(soft.finalUrl)) pages.set(soft.finalUrl, soft);

    const warnings: Evidence[] = [];
    const hits: Hit[] = [];
    for (const page of pages.values()) {
      const pageHits = scanPage(page, cfg, warnings);
      for (const where of ORDER) hits.push(...pageHits.filter((h) => h.where === where).slice(0, PER_KIND));
    }

    // Cloaking: what Googlebot is shown and a visitor is not.
    const bot = a.searchbotHome;
    let cloakNote: string | undefined;
    if (isHtmlPage(bot) && bot.status < 400) {
      const seen = signals(home, cfg);
      const extra = [...signals(bot, cfg)].filter(([k]) => !seen.has(k));
      if (extra.length) {
        const first = extra[0]?.[1];
        hits.push({ where: 'cloaked', url: bot.finalUrl, selector: first?.selector ?? 'body', excerpt: `Googlebot: ${extra.map(([k]) => k.replace(/^\w+:/, '')).join(', ')} — ${first?.excerpt ?? ''}` });
      }
    } else {
      cloakNote = bot === undefined ? 'not collected' : bot.ok ? `HTTP ${bot.status}` : bot.reason;
    }

    if (hits.length) {
      hits.sort((x, y) => ORDER.indexOf(x.where) - ORDER.indexOf(y.where));
      const urls = new Set(hits.map((h) => h.url));
      const where = ORDER.filter((w) => hits.some((h) => h.where === w)).join(', ');
      return {
        status: 'fail', messageId: 'maliciousContent', data: { pages: urls.size, where, count: hits.length },
        evidence: hits.slice(0, MAX_EVIDENCE).map((h) => ({ url: h.url, ...(h.selector ? { selector: h.selector } : {}), excerpt: `[${h.where}] ${h.excerpt ?? ''}` })),
      };
    }
    // A warning article is shown so an inspector sees why its gambling words were not counted.
    const evidence: Evidence[] = [{ url: homeUrl, excerpt: `${pages.size} pages scanned` }, ...warnings.filter((w, i) => warnings.findIndex((x) => x.url === w.url) === i).slice(0, 3).map((w) => ({ ...w, excerpt: `[warning context] ${w.excerpt ?? ''}` }))];
    if (cloakNote) return { status: 'pass', messageId: 'cleanCloakingUnchecked', data: { pages: pages.size, reason: cloakNote }, evidence };
    return { status: 'pass', messageId: 'clean', data: { pages: pages.size }, evidence };
  },
});

export default rule;
