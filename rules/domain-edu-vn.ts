// Checks that the site's domain is under .edu.vn and, for schools, carries the province code (CV 4210 mục III.4).
import { defineRule, type Evidence, type RuleOutcome } from '../src/model/rule.js';
import { isPortal } from '../src/model/unit.js';
import { CV_4210, cite } from '../src/engine/basis.js';
import { hostMatches, hostOf, staysOnSite, stripWww } from '../src/util/hosts.js';

/** `<school>.<province>.edu.vn` or `<school><province>.edu.vn` (a non-empty school part in both). */
function carriesProvince(host: string, province: string): boolean {
  const p = province.toLowerCase();
  if (host.endsWith(`.${p}.edu.vn`)) return true;
  const label = host.slice(0, -'.edu.vn'.length).split('.').at(-1) ?? '';
  return label.length > p.length && label.endsWith(p);
}

const rule = defineRule({
  meta: {
    id: 'domain-edu-vn',
    title: { vi: 'Tên miền .edu.vn đúng quy định', en: 'Domain under .edu.vn as required' },
    failureTitle: { vi: 'Tên miền không theo .edu.vn', en: 'Domain not under .edu.vn' },
    weight: 2,
    appliesTo: 'all',
    basis: [cite(CV_4210, 'mục III.4 (tên miền <tên trường><tên thành phố><.edu.vn>)')],
    requires: ['homeFetch'],
    // it judges the registry host when the home page did not answer or left the unit's site
    judgedUnder: ['unreachable', 'offsite', 'scriptShell'],
    messages: {
      eduVn: { vi: 'Tên miền {host} thuộc .edu.vn.', en: 'The domain {host} is under .edu.vn.' },
      eduVnProvince: {
        vi: 'Tên miền {host} thuộc .edu.vn và có mã tỉnh {province}.',
        en: 'The domain {host} is under .edu.vn and carries the province code {province}.',
      },
      noProvince: {
        vi: 'Tên miền {host} thuộc .edu.vn nhưng không có mã tỉnh ({provinces}); quy định: <tên trường>.<tỉnh>.edu.vn.',
        en: 'The domain {host} is under .edu.vn but lacks the province code ({provinces}); expected <school>.<province>.edu.vn.',
      },
      sharedPortalHost: {
        vi: 'Website nằm trên tên miền chung {host} của tỉnh, không có tên miền riêng mang tên trường.',
        en: 'The site lives on the province’s shared host {host}, without a domain naming the school.',
      },
      notEduVn: { vi: 'Tên miền {host} không thuộc .edu.vn.', en: 'The domain {host} is not under .edu.vn.' },
      noWebsite: {
        vi: 'Sổ đăng ký không có website: không có tên miền để kiểm tra.',
        en: 'The registry has no website: no domain to check.',
      },
    },
  },
  check(a, ctx): RuleOutcome {
    const { homeFetch, unit } = a;
    // The host visitors end on when the home page answered on the unit's own site; the registry host when it did
    // not answer, answered an error, or redirected off the unit's site (a stranger's domain is not the unit's).
    const answered = homeFetch.ok && homeFetch.status >= 200 && homeFetch.status < 300;
    const url =
      answered && unit.website && staysOnSite(homeFetch.finalUrl, unit.website, ctx.config.officialSuffixes)
        ? homeFetch.finalUrl
        : unit.website;
    const rawHost = url ? hostOf(url) : undefined;
    if (!url || !rawHost) return { status: 'na', messageId: 'noWebsite', evidence: [] };
    const host = stripWww(rawHost).replace(/\.$/, '');
    const evidence: Evidence[] = [{ url, selector: 'host', excerpt: host }];
    if (!hostMatches(host, 'edu.vn') || host === 'edu.vn') return { status: 'fail', messageId: 'notEduVn', data: { host }, evidence };
    if (isPortal(unit.type) || unit.province.length === 0) return { status: 'pass', messageId: 'eduVn', data: { host }, evidence };
    const match = unit.province.find((p) => carriesProvince(host, p));
    if (match) return { status: 'pass', messageId: 'eduVnProvince', data: { host, province: match }, evidence };
    if (unit.province.some((p) => host === `${p.toLowerCase()}.edu.vn`)) {
      return { status: 'warn', messageId: 'sharedPortalHost', data: { host }, evidence };
    }
    return { status: 'warn', messageId: 'noProvince', data: { host, provinces: unit.province.join(', ') }, evidence };
  },
});

export default rule;
