// Data the rules match against (hosts, keywords, matchers), with the catalogue's defaults; `--config` overrides it.
import { z } from 'zod';

function isRegExp(source: string): boolean {
  try {
    new RegExp(source, 'i');
    return true;
  } catch {
    return false;
  }
}

export const rulesConfigSchema = z.object({
  /** Hosts of the EMC monitoring system; a host matches itself and its subdomains. */
  emcHosts: z.array(z.string()).default(['f-emc.ngsp.gov.vn', 'ngsp.gov.vn']),
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
  /** Text that marks a hosting default / parked / under-construction page. */
  parkedPageMarkers: z.array(z.string()).default([
    'apache2 debian default page', 'apache2 ubuntu default page', 'welcome to nginx', 'iis windows server',
    'test page for the apache http server', 'this domain is parked', 'domain is for sale', 'tên miền này đang được bán',
    'website đang được xây dựng', 'trang web đang xây dựng', 'under construction', 'coming soon', 'default web site page',
    'index of /',
  ]),
  /**
   * A parked-page marker outside the <title> decides only on pages shorter than this many words, so a marker quoted
   * in an article of a real portal ("coming soon") does not fail it.
   */
  parkedPageMaxWords: z.number().int().positive().default(300),
  /**
   * Navigation keywords of each section (docs/catalogue.md, "Content sections"), matched case-insensitively on NFC
   * text and also without diacritics. The crawler fetches matching menu targets first.
   */
  sections: z.object({
    congKhai: z.array(z.string()).default(['công khai', 'ba công khai', '3 công khai']),
    thuTuc: z.array(z.string()).default(['thủ tục hành chính', 'thủ tục']),
    bieuMau: z.array(z.string()).default(['biểu mẫu']),
    gioiThieu: z.array(z.string()).default(['giới thiệu', 'cơ cấu tổ chức', 'tổ chức bộ máy', 'lịch sử']),
    tinTuc: z.array(z.string()).default(['tin tức', 'sự kiện', 'tin hoạt động', 'hoạt động']),
    vanBan: z.array(z.string()).default(['văn bản', 'công văn', 'văn bản chỉ đạo', 'văn bản pháp quy']),
    gopY: z.array(z.string()).default(['góp ý', 'lấy ý kiến', 'hỏi đáp', 'hỏi - đáp', 'phản ánh', 'kiến nghị']),
    tuyenSinh: z.array(z.string()).default(['tuyển sinh', 'thi và tuyển sinh', 'tuyển sinh đầu cấp']),
    thongKe: z.array(z.string()).default(['thống kê', 'niên giám', 'số liệu thống kê']),
    taiNguyen: z.array(z.string()).default(['tài nguyên', 'học liệu', 'bài giảng', 'e-learning', 'thư viện điện tử', 'thư viện số']),
    traCuu: z.array(z.string()).default(['tra cứu', 'tra cứu điểm', 'kết quả thi', 'văn bằng']),
    lienHe: z.array(z.string()).default(['liên hệ', 'thông tin liên hệ']),
  }).prefault({}),
  /**
   * A section target answering 2xx that is an error page (soft 404, docs/navigation.md): phrases of its <title> or
   * main heading (a phrase of digits counts only as a number of its own: "404" but not "404/PGDĐT-VP"), and
   * case-insensitive regular expressions on its final URL's path and query.
   */
  softNotFound: z.object({
    phrases: z.array(z.string()).default(['404', 'lỗi 404', 'không tìm thấy trang', 'trang không tồn tại', 'page not found']),
    urlPatterns: z.array(z.string().refine(isRegExp, 'not a valid regular expression'))
      .default(['pagenotfound', 'notfound\\.aspx', 'error404', '(^|/)404(\\.[a-z]+)?(/|$|\\?)']),
  }).prefault({}),
  /** Sections whose pages' own content links are fetched one hop further (leaders' contacts, công khai items). */
  followSections: z.array(z.enum(['congKhai', 'gioiThieu', 'lienHe'])).default(['congKhai', 'gioiThieu']),
  /** section-gioi-thieu: leader titles, matched with their diacritics (without them `phó` collides with `phố`). */
  leaderTitles: z.array(z.string()).default(['hiệu trưởng', 'trưởng phòng', 'giám đốc', 'phó hiệu trưởng', 'phó trưởng phòng', 'phó giám đốc']),
  /** section-van-ban: extensions of a downloadable document file linked from the documents section page. */
  documentFileExtensions: z.array(z.string()).default(['pdf', 'doc', 'docx']),
  /** Pages that list component sites ("Website trường học"…): any home-page link with this text is fetched. */
  linkDirectoryKeywords: z.array(z.string()).default([
    'website trường học', 'website các trường', 'website đơn vị', 'liên kết website', 'đơn vị trực thuộc', 'trang thành phần',
    'cổng thành phần', 'các trường trực thuộc', 'danh bạ website',
  ]),
  /** Suffixes that are accepted as the official move target of a redirect (after a merger). */
  officialSuffixes: z.array(z.string()).default(['edu.vn', 'gov.vn']),
  /** content-freshness and cong-khai-current: ages in days, and the class/id names of "today's date" widgets. */
  freshness: z.object({
    passDays: z.number().int().nonnegative().default(90),
    warnDays: z.number().int().nonnegative().default(365),
    /** Dates later than the audit day by more than this are event dates or typos, not publication dates. */
    futureGraceDays: z.number().int().nonnegative().default(2),
    /** cong-khai-current: an item dated within this many days before the audit is current (12 months). */
    congKhaiDays: z.number().int().positive().default(365),
    /** A class token or id equal to one of these, or having it as a `-`/`_` part (`date-today`), is a clock widget. */
    todayWidgets: z.array(z.string()).default([
      'today', 'date-today', 'current-date', 'currentdate', 'current-time', 'clock', 'homnay', 'hom-nay', 'ngay-hien-tai', 'datetime-now',
    ]),
  }).prefault({}),
  /** unicode-tcvn6909 (TCVN 6909:2001): legacy fonts and charsets, mojibake markers, the NFD share that warns. */
  unicode: z.object({
    /** Case-insensitive patterns on a font family name without quotes: TCVN3 `.VnTime`, VNI `VNI-Times`. */
    legacyFontPatterns: z.array(z.string()).default(['^\\.vn[a-z0-9]', '^vni[- _]?[a-z]']),
    /** Charset names (declared or used) that are not Unicode Vietnamese encodings. */
    legacyCharsets: z.array(z.string()).default([
      'windows-1258', 'cp1258', 'x-cp1258', 'tcvn', 'tcvn3', 'tcvn-3', 'tcvn5712', 'tcvn-5712', 'tcvn5712-1', 'x-viet-tcvn5712',
      'abc', 'viscii', 'x-viscii', 'vni', 'x-viet-vni', 'vps', 'x-viet-vps', 'viqr',
    ]),
    /** UTF-8 Vietnamese read as Latin-1 / windows-1252: letters that never follow each other in Vietnamese. */
    mojibakeMarkers: z.array(z.string()).default([
      'Ã¡', 'Ã¢', 'Ã£', 'Ã¨', 'Ã©', 'Ãª', 'Ã¬', 'Ã­', 'Ã²', 'Ã³', 'Ã´', 'Ãµ', 'Ã¹', 'Ãº', 'Ã½', 'Æ°', 'Æ¡', 'Æ¯', 'Ä‘', 'Ä\u0091',
      'Ä\u0090', 'Äƒ', 'Ä‚', 'Ä©', 'Å©', 'áº', 'á»',
    ]),
    /** Markers needed on one page: one stray pair is a typo, a few are a decoding fault. */
    mojibakeMinCount: z.number().int().positive().default(3),
    /** Decomposed (NFD) letters over all letters of the crawled pages above which the rule warns. */
    maxDecomposedRatio: z.number().nonnegative().default(0.01),
  }).prefault({}),
  /** full-text-search: words naming a site search (text, labels, buttons) and the paths of search pages. */
  siteSearch: z.object({
    keywords: z.array(z.string()).default(['tìm kiếm', 'search']),
    paths: z.array(z.string()).default(['/search', '/tim-kiem', '/timkiem', '/seek', '/tim_kiem']),
  }).prefault({}),
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
  /** official-email: an address on one of these domains (or a subdomain) is official (CV 4210 IV.2–3). */
  officialEmailSuffixes: z.array(z.string()).default(['edu.vn', 'gov.vn']),
  /**
   * Provinces' official mail systems outside edu.vn / gov.vn (Hà Nội's schools: `@hanoiedu.vn`), official for every
   * unit whatever its own province. A `--config` list replaces this one: keep `hanoiedu.vn` in it.
   */
  provinceMailDomains: z.array(z.string()).default(['hanoiedu.vn']),
  /** Free mail providers: an address on one of these domains (or a subdomain) is not official. */
  freeMailDomains: z.array(z.string()).default([
    'gmail.com', 'googlemail.com', 'yahoo.com', 'yahoo.com.vn', 'ymail.com', 'rocketmail.com', 'hotmail.com',
    'hotmail.com.vn', 'outlook.com', 'outlook.com.vn', 'live.com', 'msn.com', 'icloud.com', 'me.com', 'mac.com',
    'aol.com', 'zoho.com', 'proton.me', 'protonmail.com', 'gmx.com', 'mail.com', 'yandex.com', 'mail.ru', 'qq.com',
    '163.com',
  ]),
});

export type RulesConfig = z.infer<typeof rulesConfigSchema>;
export type SectionId = keyof RulesConfig['sections'];

/** What the crawler needs from the rules' data to pick pages: menu keywords first, sections to follow one hop. */
export function crawlTargeting(config: RulesConfig): { priorityKeywords: string[]; followKeywords: string[]; directoryKeywords: string[] } {
  return {
    priorityKeywords: Object.values(config.sections).flat(),
    followKeywords: config.followSections.flatMap((s) => config.sections[s]),
    directoryKeywords: config.linkDirectoryKeywords,
  };
}

export const defaultRulesConfig = (): RulesConfig => rulesConfigSchema.parse({});
