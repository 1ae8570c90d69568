// Checks that the home page embeds the EMC monitoring code with a numeric site id (TT 22/2023 Điều 4 khoản 6; HP 2024 tiêu chí 2.1).
import { defineRule, type RuleOutcome } from '../src/model/rule.js';
import type { FetchResult } from '../src/model/artifacts.js';
import { HP_2024, TT_22_2023, cite } from '../src/engine/basis.js';
import { analyseEmcTag } from '../src/engine/emc.js';

const rule = defineRule({
  meta: {
    id: 'emc-tag',
    title: { vi: 'Đã gắn mã giám sát EMC', en: 'EMC monitoring code embedded' },
    failureTitle: { vi: 'Chưa gắn mã giám sát EMC hợp lệ', en: 'No valid EMC monitoring code' },
    weight: 3,
    appliesTo: 'all',
    basis: [
      cite(TT_22_2023, 'Điều 4 khoản 6 (gắn mã giám sát Hệ thống EMC)'),
      cite(HP_2024, 'tiêu chí 2.1 (gắn mã, kết nối Hệ thống EMC)'),
    ],
    requires: ['home', 'scripts'],
    emcCriterion: '2.1',
    messages: {
      emcFound: { vi: 'Trang chủ có mã EMC, mã website (site id) {siteId}.', en: 'The home page has the EMC code, site id {siteId}.' },
      noEmcTag: {
        vi: 'Không tìm thấy mã EMC (_govaq, địa chỉ f-emc.ngsp.gov.vn, setSiteId) trên trang chủ và các tệp script của website.',
        en: 'No EMC code (_govaq, f-emc.ngsp.gov.vn tracker, setSiteId) on the home page or the site’s script files.',
      },
      commentedOut: {
        vi: 'Mã EMC có nhưng đang bị chú thích (comment) nên không chạy.',
        en: 'The EMC code is present but commented out, so it does not run.',
      },
      invalidSiteId: {
        vi: 'Mã EMC có setSiteId rỗng hoặc không phải số ("{siteId}").',
        en: 'The EMC code has an empty or non-numeric setSiteId ("{siteId}").',
      },
      lookalikeHost: {
        vi: 'Mã theo dõi trỏ tới máy chủ giả danh EMC {host}, không phải máy chủ EMC.',
        en: 'The tracker points to {host}, a look-alike of the EMC host.',
      },
      incomplete: { vi: 'Mã EMC không đầy đủ: thiếu {missing}.', en: 'The EMC code is incomplete: {missing} missing.' },
      scriptUnverified: {
        vi: 'Chưa xác minh được: không tải được tệp script {url} của website ({reason}), mã EMC có thể nằm trong đó.',
        en: 'Not verified: the site’s script file {url} could not be fetched ({reason}); the EMC code may be in it.',
      },
    },
  },
  check(a, ctx): RuleOutcome {
    const { home, scripts } = a;
    const v = analyseEmcTag(home, scripts, ctx.config.emcHosts);
    // Nothing (or only a fragment) found while a same-site script could not be read: never a silent fail.
    const unread = v.kind === 'none' || v.kind === 'incomplete' ? unreadScript(scripts) : undefined;
    if (unread) return { status: 'error', messageId: 'scriptUnverified', data: unread, evidence: [{ url: unread.url }] };
    switch (v.kind) {
      case 'found':
        return { status: 'pass', messageId: 'emcFound', data: { siteId: v.siteId }, evidence: v.evidence, facts: { emcSiteId: v.siteId } };
      case 'lookalikeHost':
        return { status: 'fail', messageId: 'lookalikeHost', data: { host: v.host }, evidence: v.evidence };
      case 'commentedOut':
        return { status: 'fail', messageId: 'commentedOut', evidence: v.evidence };
      case 'invalidSiteId':
        return { status: 'fail', messageId: 'invalidSiteId', data: { siteId: v.siteId }, evidence: v.evidence };
      case 'incomplete':
        return { status: 'fail', messageId: 'incomplete', data: { missing: v.missing.join(', ') }, evidence: v.evidence };
      case 'none':
        return { status: 'fail', messageId: 'noEmcTag', evidence: v.evidence };
    }
  },
});

/** A same-site script that timed out, was blocked or answered a server error (a 404 is a real absence). */
function unreadScript(scripts: Map<string, FetchResult>): { url: string; reason: string } | undefined {
  for (const [url, r] of scripts) {
    if (!r.ok) return { url, reason: `${r.reason}: ${r.detail}` };
    if (r.status === 403 || r.status === 429 || r.status >= 500) return { url, reason: `HTTP ${r.status}` };
  }
  return undefined;
}

export default rule;
