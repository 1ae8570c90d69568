// Data the rules match against (hosts, keywords, matchers), with the catalogue's defaults; `--config` overrides it.
import { z } from 'zod';

export const rulesConfigSchema = z.object({
  /** Hosts of the EMC monitoring system; a host matches itself and its subdomains. */
  emcHosts: z.array(z.string()).default(['f-emc.ngsp.gov.vn', 'ngsp.gov.vn']),
  /** Extra hosts that count for the EMC *label* (a link or image there is the label). */
  emcLabelHosts: z.array(z.string()).default(['emc.gov.vn']),
  /** Words in alt/title/text that name the EMC label. Matched case-insensitively, without diacritics too. */
  emcLabelTexts: z.array(z.string()).default(['emc', 'hệ thống emc', 'đã kết nối emc', 'giám sát emc']),
  /** Tokens of an image file name that name the EMC label (`emc-label.png`, `logo_emc.png`; not `emcee`, `nemc`). */
  emcLabelFileTokens: z.array(z.string()).default(['emc']),
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
   * Navigation keywords of each section (requirements.md, "Content sections"), matched case-insensitively on NFC
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
  /** Sections whose pages' own content links are fetched one hop further (leaders' contacts, công khai items). */
  followSections: z.array(z.enum(['congKhai', 'gioiThieu', 'lienHe'])).default(['congKhai', 'gioiThieu']),
  /** Pages that list component sites ("Website trường học"…): any home-page link with this text is fetched. */
  linkDirectoryKeywords: z.array(z.string()).default([
    'website trường học', 'website các trường', 'website đơn vị', 'liên kết website', 'đơn vị trực thuộc', 'trang thành phần',
    'cổng thành phần', 'các trường trực thuộc', 'danh bạ website',
  ]),
  /** Suffixes that are accepted as the official move target of a redirect (after a merger). */
  officialSuffixes: z.array(z.string()).default(['edu.vn', 'gov.vn']),
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
