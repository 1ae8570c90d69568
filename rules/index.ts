// The rule set: an explicit map id → module, sorted by id (no folder globbing), and its version.
import type { Rule } from '../src/model/rule.js';
import { composeRulesConfigSchema, type RulesConfig } from '../src/engine/rules-config.js';
import accessibilityBasic from './accessibility-basic.js';
import childSiteLinks from './child-site-links.js';
import congKhaiCurrent from './cong-khai-current.js';
import contentFreshness from './content-freshness.js';
import domainEduVn from './domain-edu-vn.js';
import emcLabel from './emc-label.js';
import emcTag from './emc-tag.js';
import fullTextSearch from './full-text-search.js';
import https from './https.js';
import menuCongKhai from './menu-cong-khai.js';
import menuThuTucBieuMau from './menu-thu-tuc-bieu-mau.js';
import mobileFriendly from './mobile-friendly.js';
import noMaliciousContent from './no-malicious-content.js';
import officialEmail from './official-email.js';
import parentPortalLink from './parent-portal-link.js';
import redirectOffsite from './redirect-offsite.js';
import rssFeed from './rss-feed.js';
import sectionGioiThieu from './section-gioi-thieu.js';
import sectionGopY from './section-gop-y.js';
import sectionTaiNguyen from './section-tai-nguyen.js';
import sectionThongKe from './section-thong-ke.js';
import sectionTinTuc from './section-tin-tuc.js';
import sectionTraCuu from './section-tra-cuu.js';
import sectionTuyenSinh from './section-tuyen-sinh.js';
import sectionVanBan from './section-van-ban.js';
import siteReachable from './site-reachable.js';
import unicodeTcvn6909 from './unicode-tcvn6909.js';

/** Bumped whenever a rule's judgement changes; every result records it. */
export const RULE_SET_VERSION = '2026.12.0';

export const RULES_BY_ID: Readonly<Record<string, Rule>> = {
  'accessibility-basic': accessibilityBasic,
  'child-site-links': childSiteLinks,
  'cong-khai-current': congKhaiCurrent,
  'content-freshness': contentFreshness,
  'domain-edu-vn': domainEduVn,
  'emc-label': emcLabel,
  'emc-tag': emcTag,
  'full-text-search': fullTextSearch,
  https,
  'menu-cong-khai': menuCongKhai,
  'menu-thu-tuc-bieu-mau': menuThuTucBieuMau,
  'mobile-friendly': mobileFriendly,
  'no-malicious-content': noMaliciousContent,
  'official-email': officialEmail,
  'parent-portal-link': parentPortalLink,
  'redirect-offsite': redirectOffsite,
  'rss-feed': rssFeed,
  'section-gioi-thieu': sectionGioiThieu,
  'section-gop-y': sectionGopY,
  'section-tai-nguyen': sectionTaiNguyen,
  'section-thong-ke': sectionThongKe,
  'section-tin-tuc': sectionTinTuc,
  'section-tra-cuu': sectionTraCuu,
  'section-tuyen-sinh': sectionTuyenSinh,
  'section-van-ban': sectionVanBan,
  'site-reachable': siteReachable,
  'unicode-tcvn6909': unicodeTcvn6909,
};

export const RULES: readonly Rule[] = Object.values(RULES_BY_ID);

/**
 * The rules config (`rules` of `--config`): the shared data and every rule's own options (`meta.options`), under
 * the same flat names as ever.
 */
export const rulesConfigSchema = composeRulesConfigSchema(RULES);
export const defaultRulesConfig = (): RulesConfig => rulesConfigSchema.parse({}) as RulesConfig;

export function getRule(id: string): Rule | undefined {
  return Object.hasOwn(RULES_BY_ID, id) ? RULES_BY_ID[id] : undefined;
}
