// Checks that a portal's home page, or a page it links to, links to its children's websites (TT 22/2023 Điều 4 khoản 7 điểm b; HP 2024 tiêu chí 2.2b).
import type { CheerioAPI } from 'cheerio';
import type { FetchedPage } from '../src/model/artifacts.js';
import { defineRule, type Evidence, type RuleOutcome } from '../src/model/rule.js';
import type { Unit } from '../src/model/unit.js';
import { HP_2024, TT_22_2023, cite } from '../src/engine/basis.js';
import { sameHost } from '../src/util/hosts.js';
import { allLinks, cssPath, isHttpUrl, resolveHref } from '../src/page/links.js';
import { lookupPage } from '../src/engine/sections.js';
import { findKeyword } from '../src/util/text.js';

const PASS_RATIO = 0.9;
const WARN_RATIO = 0.5;
/** Linked children shown in the evidence; every missing one is always listed. */
const MAX_LINKED_EVIDENCE = 30;

type HtmlPage = FetchedPage & { doc: CheerioAPI };

interface Target {
  href: string;
  text: string;
  url: string;
  selector: string;
}

/** Links and "Website trường học" jump-menu options (<select><option value="https://…">) of a page. */
function targetsOf(page: HtmlPage): Target[] {
  const $ = page.doc;
  const base = page.finalUrl;
  const out: Target[] = allLinks($, base)
    .filter((l) => isHttpUrl(l.href))
    .map((l) => ({ href: l.href, text: l.text, url: base, selector: l.selector }));
  $('select option[value]').each((_, o) => {
    const href = resolveHref($(o).attr('value'), base);
    if (href && isHttpUrl(href)) out.push({ href, text: $(o).text().replace(/\s+/g, ' ').trim(), url: base, selector: cssPath($, o) });
  });
  return out;
}

const pathOf = (url: string): string => {
  try {
    return new URL(url).pathname.replace(/\/+$/, '').toLowerCase();
  } catch {
    return '';
  }
};

/** Same host ignoring scheme and `www.`; a child hosted under a path (`portal/truong-a`) must match that path too. */
function linksTo(href: string, website: string): boolean {
  if (!sameHost(href, website)) return false;
  const path = pathOf(website);
  return !path || pathOf(href) === path || pathOf(href).startsWith(`${path}/`);
}

const childLabel = (u: Unit): string => `${u.id} ${u.name} — ${u.website ?? ''}`;

const rule = defineRule({
  meta: {
    id: 'child-site-links',
    title: { vi: 'Cổng có liên kết tới website các đơn vị trực thuộc', en: 'Portal links to its component sites' },
    failureTitle: { vi: 'Cổng thiếu liên kết tới website các đơn vị trực thuộc', en: 'Portal misses links to its component sites' },
    weight: 3,
    appliesTo: ['so', 'phong'],
    basis: [
      cite(TT_22_2023, 'Điều 4 khoản 7 điểm b (trang chủ cổng có đường dẫn tới các trang thành phần)'),
      cite(HP_2024, 'tiêu chí 2.2b'),
    ],
    requires: ['home'],
    optional: ['pages'],
    emcCriterion: '2.2b',
    messages: {
      allChildrenLinked: {
        vi: 'Có liên kết tới {linked}/{total} website đơn vị trực thuộc.',
        en: 'Links to {linked} of {total} component sites.',
      },
      someChildrenMissing: {
        vi: 'Chỉ liên kết tới {linked}/{total} website đơn vị trực thuộc ({percent}%); thiếu: {missing}.',
        en: 'Links to only {linked} of {total} component sites ({percent}%); missing: {missing}.',
      },
      mostChildrenMissing: {
        vi: 'Liên kết tới {linked}/{total} website đơn vị trực thuộc ({percent}%); thiếu: {missing}.',
        en: 'Links to {linked} of {total} component sites ({percent}%); missing: {missing}.',
      },
      noChildren: { vi: 'Sổ đăng ký không có đơn vị trực thuộc cổng này.', en: 'The registry lists no units under this portal.' },
      noChildWebsites: {
        vi: 'Không đơn vị trực thuộc nào ({children}) có website trong sổ đăng ký.',
        en: 'None of the {children} units under this portal has a website in the registry.',
      },
      directoryUnverified: {
        vi: 'Chưa xác minh được: không tải được trang danh bạ website {url}; trang chủ chỉ liên kết {linked}/{total}.',
        en: 'Not verified: the link directory {url} could not be fetched; the home page links {linked} of {total}.',
      },
    },
  },
  check(a, ctx): RuleOutcome {
    const { home, unit } = a;
    const children = ctx.registry.childrenOf(unit).filter((c) => c.id !== unit.id);
    if (!children.length) return { status: 'na', messageId: 'noChildren', evidence: [] };
    const withSite = children.filter((c): c is Unit & { website: string } => c.website !== undefined);
    if (!withSite.length) return { status: 'na', messageId: 'noChildWebsites', data: { children: children.length }, evidence: [] };

    // The home page and every fetched page it links to directly (one hop: "Website trường học", "Liên kết website").
    const targets = targetsOf(home);
    const seen = new Set<string>([home.finalUrl]);
    let unverifiedDirectory: string | undefined;
    for (const t of [...targets]) {
      if (t.url !== home.finalUrl) continue;
      const page = lookupPage(a, t.href);
      const isDirectory = findKeyword(t.text, ctx.config.linkDirectoryKeywords) !== undefined;
      if (!page?.ok || !page.doc || page.status >= 300) {
        if (isDirectory && (!page || !page.ok || page.status === 403 || page.status === 429)) unverifiedDirectory ??= t.href;
        continue;
      }
      if (seen.has(page.finalUrl)) continue;
      seen.add(page.finalUrl);
      targets.push(...targetsOf(page as HtmlPage));
    }

    const linked: { child: Unit; at: Target }[] = [];
    const missing: Unit[] = [];
    for (const child of withSite) {
      // The home page first, so the evidence points at the shortest path a visitor has.
      const at = targets.find((t) => linksTo(t.href, child.website));
      if (at) linked.push({ child, at });
      else missing.push(child);
    }
    const total = withSite.length;
    const ratio = linked.length / total;
    const data = { linked: linked.length, total, percent: Math.round(ratio * 100), missing: missing.map((m) => m.name).join(', ') };
    const evidence: Evidence[] = [
      ...missing.map((m) => ({ url: m.website ?? '', selector: 'a[href], select option[value]', excerpt: `missing: ${childLabel(m)}` })),
      ...linked
        .slice(0, MAX_LINKED_EVIDENCE)
        .map(({ child, at }) => ({ url: at.url, selector: at.selector, excerpt: `${child.id} ${child.name}: ${at.text} → ${at.href}` })),
    ];
    if (ratio >= PASS_RATIO) return { status: 'pass', messageId: 'allChildrenLinked', data, evidence };
    // A directory page that could not be read may hold the missing links: unverified, never a silent fail.
    if (unverifiedDirectory)
      return { status: 'error', messageId: 'directoryUnverified', data: { ...data, url: unverifiedDirectory }, evidence };
    if (ratio >= WARN_RATIO) return { status: 'warn', messageId: 'someChildrenMissing', data, evidence };
    return { status: 'fail', messageId: 'mostChildrenMissing', data, evidence };
  },
});

export default rule;
