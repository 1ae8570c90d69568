// Checks that the home page stays on the unit's own site after HTTP and soft redirects (HP 2023 items 2–3: fake and harmful sites).
import { defineRule, type Evidence } from '../src/model/rule.js';
import { HP_2023, cite } from '../src/engine/basis.js';
import { hostMatches, hostOf, registrableDomain } from '../src/util/hosts.js';
import { FETCH_REASON_WORDS } from '../src/model/fetch-reason-words.js';

function resolve(location: string, base: string): string {
  try {
    return new URL(location, base).href;
  } catch {
    return location;
  }
}

const rule = defineRule({
  meta: {
    id: 'redirect-offsite',
    title: { vi: 'Trang chủ không chuyển hướng ra ngoài', en: 'Home page stays on the unit’s site' },
    failureTitle: { vi: 'Trang chủ chuyển hướng ra website khác', en: 'Home page redirects off the unit’s site' },
    weight: 2,
    appliesTo: 'all',
    basis: [cite(HP_2023, 'mục 2 (gỡ bỏ nội dung xấu độc)'), cite(HP_2023, 'mục 3 (trang giả mạo, tên miền đơn vị đã quản lý)')],
    requires: ['homeFetch'],
    optional: ['softRedirect'],
    incident: 'offsite',
    // off-site: what the home page showed was someone else's, so the unit's page rules are not judged on it
    blocking: { condition: 'offsite' },
    // it returns `error` itself when its requests got no answer
    judgedUnder: ['unreachable', 'offsite', 'scriptShell'],
    words: { reason: FETCH_REASON_WORDS },
    messages: {
      sameSite: { vi: 'Trang chủ ở lại website của đơn vị ({finalHost}).', en: 'The home page stays on the unit’s site ({finalHost}).' },
      movedOfficial: {
        vi: 'Trang chủ chuyển sang website chính thức khác {finalHost} (ví dụ sau sáp nhập); nên cập nhật sổ đăng ký.',
        en: 'The home page moved to another official site {finalHost} (e.g. after a merger); update the registry.',
      },
      offsite: {
        vi: 'Trang chủ {website} chuyển hướng ra {finalHost}, ngoài tên miền của đơn vị ({hops} bước).',
        en: 'The home page {website} redirects to {finalHost}, off the unit’s domain ({hops|hop|hops}).',
      },
      noWebsite: { vi: 'Sổ đăng ký không có website: không có gì để kiểm tra.', en: 'The registry has no website: nothing to check.' },
      notVerified: {
        vi: 'Chưa xác minh được: trang chủ không tải được ({reason}) nên không biết trang đích.',
        en: 'Not verified: the home page could not be fetched ({reason}), so its destination is unknown.',
      },
    },
  },
  check(a, ctx) {
    const { homeFetch, unit } = a;
    const website = unit.website;
    if (!website) return { status: 'na', messageId: 'noWebsite', evidence: [] };

    const evidence: Evidence[] = homeFetch.redirects.map((h) => ({ url: h.url, excerpt: `HTTP ${h.status} → ${h.location}` }));
    const lastHop = homeFetch.redirects.at(-1);
    let finalUrl = homeFetch.ok ? homeFetch.finalUrl : lastHop ? resolve(lastHop.location, lastHop.url) : undefined;
    const soft = a.softRedirect;
    if (soft) {
      const to = resolve(soft.to, soft.from);
      const target = soft.target;
      // Follow the soft hop, and the HTTP redirects its target took, to where the visitor really lands.
      const targetHop = target && !target.ok ? target.redirects.at(-1) : undefined;
      const landed = target?.ok ? target.finalUrl : targetHop ? resolve(targetHop.location, targetHop.url) : to;
      evidence.push({
        url: soft.from,
        selector: soft.kind === 'meta-refresh' ? 'meta[http-equiv=refresh]' : 'script (location)',
        excerpt: `→ ${to}`,
      });
      for (const h of target?.redirects ?? []) evidence.push({ url: h.url, excerpt: `HTTP ${h.status} → ${h.location}` });
      finalUrl = landed;
    }
    if (finalUrl === undefined) {
      return {
        status: 'error',
        messageId: 'notVerified',
        data: { reason: homeFetch.ok ? '-' : homeFetch.reason },
        evidence: [{ url: homeFetch.url || website }],
      };
    }
    const finalHost = hostOf(finalUrl) ?? finalUrl;
    evidence.push({
      url: finalUrl,
      excerpt: homeFetch.ok ? 'final URL' : soft ? 'soft redirect target' : `last redirect target (${homeFetch.reason})`,
    });
    const hops = homeFetch.redirects.length + (soft ? 1 + (soft.target?.redirects.length ?? 0) : 0);
    const data = { website, finalHost, hops };
    const same = registrableDomain(finalHost) !== undefined && registrableDomain(finalHost) === registrableDomain(website);
    const official = ctx.config.officialSuffixes.some((s) => hostMatches(finalHost, s));
    if (!same && !official) return { status: 'fail', messageId: 'offsite', data, evidence };
    // A failed fetch whose redirects stayed on official ground: where it finally lands (soft redirects) is unknown.
    if (!homeFetch.ok && !soft) {
      return { status: 'error', messageId: 'notVerified', data: { reason: homeFetch.reason }, evidence };
    }
    if (same) return { status: 'pass', messageId: 'sameSite', data, evidence };
    return { status: 'pass', messageId: 'movedOfficial', data, evidence };
  },
});

export default rule;
