// Data the rules match against (hosts, keywords, matchers), with the catalogue's defaults; `--config` overrides it
// (its `rules` object). This is the data several rules or the crawler share; a rule's own options are declared in
// its module (`meta.options`) and composed with these by `composeRulesConfigSchema` (rules/index.ts), under the
// same flat names.
import { z } from 'zod';

function isRegExp(source: string): boolean {
  try {
    new RegExp(source, 'i');
    return true;
  } catch {
    return false;
  }
}

/** The shared part: read by more than one rule, or by the crawler and the renderer. */
export const sharedRulesConfigShape = {
  /** Hosts of the EMC monitoring system; a host matches itself and its subdomains. */
  emcHosts: z.array(z.string()).default(['f-emc.ngsp.gov.vn', 'ngsp.gov.vn']),
  /**
   * Navigation keywords of each section (docs/catalogue.md, "Content sections"), matched case-insensitively on NFC
   * text and also without diacritics. The crawler fetches matching menu targets first.
   */
  sections: z
    .object({
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
    })
    .prefault({}),
  /**
   * A section target answering 2xx that is an error page (soft 404, docs/navigation.md): phrases of its <title> or
   * main heading (a phrase of digits counts only as a number of its own: "404" but not "404/PGDĐT-VP"), and
   * case-insensitive regular expressions on its final URL's path and query.
   */
  softNotFound: z
    .object({
      phrases: z.array(z.string()).default(['404', 'lỗi 404', 'không tìm thấy trang', 'trang không tồn tại', 'page not found']),
      urlPatterns: z
        .array(z.string().refine(isRegExp, 'not a valid regular expression'))
        .default(['pagenotfound', 'notfound\\.aspx', 'error404', '(^|/)404(\\.[a-z]+)?(/|$|\\?)']),
    })
    .prefault({}),
  /** Sections whose pages' own content links are fetched one hop further (leaders' contacts, công khai items). */
  followSections: z.array(z.enum(['congKhai', 'gioiThieu', 'lienHe'])).default(['congKhai', 'gioiThieu']),
  /** Pages that list component sites ("Website trường học"…): any home-page link with this text is fetched. */
  linkDirectoryKeywords: z
    .array(z.string())
    .default([
      'website trường học',
      'website các trường',
      'website đơn vị',
      'liên kết website',
      'đơn vị trực thuộc',
      'trang thành phần',
      'cổng thành phần',
      'các trường trực thuộc',
      'danh bạ website',
    ]),
  /** Suffixes that are accepted as the official move target of a redirect (after a merger). */
  officialSuffixes: z.array(z.string()).default(['edu.vn', 'gov.vn']),
  /** content-freshness and cong-khai-current: ages in days, and the class/id names of "today's date" widgets. */
  freshness: z
    .object({
      passDays: z.number().int().nonnegative().default(90),
      warnDays: z.number().int().nonnegative().default(365),
      /** Dates later than the audit day by more than this are event dates or typos, not publication dates. */
      futureGraceDays: z.number().int().nonnegative().default(2),
      /** cong-khai-current: an item dated within this many days before the audit is current (12 months). */
      congKhaiDays: z.number().int().positive().default(365),
      /** A class token or id equal to one of these, or having it as a `-`/`_` part (`date-today`), is a clock widget. */
      todayWidgets: z
        .array(z.string())
        .default([
          'today',
          'date-today',
          'current-date',
          'currentdate',
          'current-time',
          'clock',
          'homnay',
          'hom-nay',
          'ngay-hien-tai',
          'datetime-now',
        ]),
    })
    .prefault({}),
};

export const sharedRulesConfigSchema = z.object(sharedRulesConfigShape);
export type SharedRulesConfig = z.infer<typeof sharedRulesConfigSchema>;

/** The rules config of a run: the shared data, and every rule's own options under their names. */
export type RulesConfig = SharedRulesConfig & { readonly [option: string]: unknown };
export type SectionId = keyof SharedRulesConfig['sections'];

/** A rule's own options: zod fields with their defaults, keyed by their name in the rules config. */
export type RuleOptionsShape = z.ZodRawShape;
/** The values of a rule's own options, as the rules config holds them. */
export type RuleOptions<S extends RuleOptionsShape> = z.output<z.ZodObject<S>>;

/**
 * The rules config's schema: the shared fields, then each rule's own options in the order of `rules`. Two rules
 * (or a rule and the shared part) declaring one name would silently share it: that is a programming error.
 */
export function composeRulesConfigSchema(
  rules: readonly { meta: { id: string; options?: RuleOptionsShape } }[],
): z.ZodObject<z.ZodRawShape> {
  const shape: { [name: string]: z.core.$ZodType } = { ...sharedRulesConfigShape };
  const owner = new Map<string, string>();
  for (const rule of rules) {
    for (const [name, field] of Object.entries(rule.meta.options ?? {})) {
      if (name in shape)
        throw new Error(`rule ${rule.meta.id}: option ${name} is already declared by ${owner.get(name) ?? 'the shared rules config'}`);
      shape[name] = field;
      owner.set(name, rule.meta.id);
    }
  }
  return z.object(shape);
}

/** A rule's own options at their defaults (what a rule test or a helper of the rule reads). */
export function optionDefaults<S extends RuleOptionsShape>(rule: { meta: { options?: S } }): RuleOptions<S> {
  return z.object(rule.meta.options ?? ({} as S)).parse({});
}

/** What the crawler needs from the rules' data to pick pages: menu keywords first, sections to follow one hop. */
export function crawlTargeting(config: RulesConfig): { priorityKeywords: string[]; followKeywords: string[]; directoryKeywords: string[] } {
  return {
    priorityKeywords: Object.values(config.sections).flat(),
    followKeywords: config.followSections.flatMap((s) => config.sections[s]),
    directoryKeywords: config.linkDirectoryKeywords,
  };
}
