// Checks that no crawled page carries gambling SEO spam, a defacement or cloaking (HP 2023 mục 2–3; QĐ 1682/2018 Điều 11).
import { z } from 'zod';
import { defineRule, type Evidence, type RuleOutcome } from '../src/model/rule.js';
import { HP_2023, QD_1682_2018, cite } from '../src/engine/basis.js';
import { sameHost } from '../src/util/hosts.js';
import { isHtmlPage, MAX_EVIDENCE, ORDER, PER_KIND, scanPage, signals, type Hit, type HtmlPage } from '../src/engine/spam-page-scan.js';

const rule = defineRule({
  meta: {
    id: 'no-malicious-content',
    title: {
      vi: 'Không có nội dung độc hại (cờ bạc, cá cược, bị tấn công thay giao diện)',
      en: 'No malicious content (gambling spam, defacement)',
    },
    failureTitle: {
      vi: 'Có nội dung độc hại: quảng cáo cờ bạc, cá cược hoặc bị thay giao diện',
      en: 'Malicious content: gambling spam or defacement',
    },
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
      bettingTerms: z
        .array(z.string())
        .default([
          'nhà cái',
          'cá cược',
          'cá độ',
          'casino',
          'nổ hũ',
          'tài xỉu',
          'bắn cá',
          'lô đề',
          'soi cầu',
          'bạch thủ',
          'game bài đổi thưởng',
          'xóc đĩa',
          'đá gà',
          'slot game',
          'slot gacor',
          'judi',
          'kèo nhà cái',
          'tỷ lệ kèo',
          'cờ bạc online',
          'sòng bạc',
          'baccarat',
          'togel',
          'situs slot',
        ]),
      bettingBrands: z
        .array(z.string())
        .default([
          'w88',
          'fb88',
          '188bet',
          'kubet',
          '789bet',
          'sunwin',
          'go88',
          'hitclub',
          'jun88',
          'new88',
          'shbet',
          'f8bet',
          'hi88',
          '8xbet',
          'sv388',
          'm88',
          'v9bet',
          'fun88',
          '12bet',
          'bk8',
          'oxbet',
          'mu88',
          'kuwin',
          'b52club',
          'rikvip',
          'iwin',
          '789club',
          'typhu88',
          'five88',
          'cwin',
          'vn88',
          'debet',
          'ae888',
          'bet365',
          '1xbet',
        ]),
      /** A host label containing one of these (or a brand) is a betting domain: `nhacai-w88.example.com`, `keocacuoc.net`. */
      bettingHostWords: z
        .array(z.string())
        .default(['nhacai', 'cacuoc', 'casino', 'taixiu', 'soicau', 'bachthu', 'xocdia', 'gamebai', 'slotgacor', 'keonhacai', 'nohu']),
      /** Words near a gambling term that make it a warning, not spam ("Tuyên truyền phòng chống cá độ bóng đá"). */
      antiGamblingContext: z
        .array(z.string())
        .default([
          'phòng chống',
          'phòng, chống',
          'tuyên truyền',
          'tác hại',
          'cảnh báo',
          'nói không với',
          'tệ nạn',
          'ngăn chặn',
          'xử lý nghiêm',
          'vi phạm pháp luật',
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
        en: 'No gambling spam or defacement on the {pages|page|pages} scanned.',
      },
      cleanCloakingUnchecked: {
        vi: 'Không thấy nội dung độc hại trên {pages} trang đã quét; chưa so sánh được với bản dành cho Googlebot ({reason}).',
        en: 'No malicious content on the {pages|page|pages} scanned; the Googlebot version could not be compared ({reason}).',
      },
      maliciousContent: {
        vi: 'Phát hiện nội dung độc hại trên {pages} trang ({where}).',
        en: 'Malicious content found on {pages|page|pages} ({where}).',
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
      if (isHtmlPage(p) && !pages.has(p.finalUrl) && (sameHost(p.finalUrl, homeUrl) || sameHost(p.finalUrl, site)))
        pages.set(p.finalUrl, p);
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
        hits.push({
          where: 'cloaked',
          url: bot.finalUrl,
          selector: first?.selector ?? 'body',
          excerpt: `Googlebot: ${extra.map(([k]) => k.replace(/^\w+:/, '')).join(', ')} — ${first?.excerpt ?? ''}`,
        });
      }
    } else {
      cloakNote = bot === undefined ? 'not collected' : bot.ok ? `HTTP ${bot.status}` : bot.reason;
    }

    if (hits.length) {
      hits.sort((x, y) => ORDER.indexOf(x.where) - ORDER.indexOf(y.where));
      const urls = new Set(hits.map((h) => h.url));
      const where = ORDER.filter((w) => hits.some((h) => h.where === w)).join(', ');
      return {
        status: 'fail',
        messageId: 'maliciousContent',
        data: { pages: urls.size, where, count: hits.length },
        evidence: hits
          .slice(0, MAX_EVIDENCE)
          .map((h) => ({ url: h.url, ...(h.selector ? { selector: h.selector } : {}), excerpt: `[${h.where}] ${h.excerpt ?? ''}` })),
      };
    }
    // A warning article is shown so an inspector sees why its gambling words were not counted.
    const evidence: Evidence[] = [
      { url: homeUrl, excerpt: `${pages.size} pages scanned` },
      ...warnings
        .filter((w, i) => warnings.findIndex((x) => x.url === w.url) === i)
        .slice(0, 3)
        .map((w) => ({ ...w, excerpt: `[warning context] ${w.excerpt ?? ''}` })),
    ];
    if (cloakNote) return { status: 'pass', messageId: 'cleanCloakingUnchecked', data: { pages: pages.size, reason: cloakNote }, evidence };
    return { status: 'pass', messageId: 'clean', data: { pages: pages.size }, evidence };
  },
});

export default rule;
