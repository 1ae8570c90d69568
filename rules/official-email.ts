// Checks that the site publishes an e-mail address on an official domain (edu.vn / gov.vn, a province mail system such as hanoiedu.vn), not only free mail (CV 4210 mục IV.2–3).
import { z } from 'zod';
import type { CheerioAPI } from 'cheerio';
import type { AnyNode } from 'domhandler';
import type { FetchedPage } from '../src/model/artifacts.js';
import { defineRule, type Evidence, type RuleOutcome } from '../src/model/rule.js';
import { CV_4210, cite } from '../src/engine/basis.js';
import { hostMatches, sameHost } from '../src/util/hosts.js';
import { domIndex, textContent, walkTree } from '../src/page/dom-index.js';
import { contentLinks, cssPath } from '../src/page/links.js';
import { findSectionLinks, lookupPage, sectionPage, targetState } from '../src/engine/sections.js';
import { EMAIL_PATTERN } from '../src/engine/contacts.js';

type HtmlPage = FetchedPage & { doc: CheerioAPI };
type Kind = 'official' | 'free' | 'other';

interface Found {
  address: string;
  kind: Kind;
  evidence: Evidence;
}

const EMAIL = new RegExp(EMAIL_PATTERN, 'gi');
// `logo@2x.png` is an image name, not an address.
const FILE_TLD = /\.(png|jpe?g|gif|webp|svg|css|js|pdf|docx?|xlsx?)$/i;

const BRACKET = /[[({]/;

/** Undoes the usual hand obfuscations: `abc[at]hcm.edu.vn`, `abc (at) hcm(dot)edu(dot)vn`, `abc [a còng] …`. */
export function deobfuscate(text: string): string {
  // both marks are bracketed: a text without a bracket has nothing to undo (most blocks), and scanning it with
  // patterns that start with \s* tries every position
  if (!BRACKET.test(text)) return text;
  return text.replace(/\s*[[({]\s*(?:at|@|a còng|a cong)\s*[\])}]\s*/gi, '@').replace(/\s*[[({]\s*(?:dot|chấm|cham|\.)\s*[\])}]\s*/gi, '.');
}

/** Cloudflare's "email protection": a hex string whose first byte XORs the rest. */
export function decodeCfEmail(hex: string): string | undefined {
  if (!/^[0-9a-f]{4,}$/i.test(hex) || hex.length % 2) return undefined;
  const key = Number.parseInt(hex.slice(0, 2), 16);
  let out = '';
  for (let i = 2; i < hex.length; i += 2) out += String.fromCharCode(Number.parseInt(hex.slice(i, i + 2), 16) ^ key);
  return out;
}

export function emailsIn(text: string): string[] {
  const plain = deobfuscate(text);
  if (!plain.includes('@')) return [];
  return [...new Set([...plain.matchAll(EMAIL)].map((m) => m[0].toLowerCase().replace(/\.+$/, '')).filter((e) => !FILE_TLD.test(e)))];
}

const BLOCKS = new Set(['p', 'li', 'td', 'span', 'div', 'address', 'footer', 'strong', 'b']);
const NESTED_BLOCKS = new Set(['div', 'p', 'table', 'ul']);
/** A text node that can hold (part of) an address: an @ or an obfuscated one (`[at]`, `(a còng)`). */
const ADDRESS_MARK = /@|[[({]\s*(?:at|a c[oò]ng)/i;

/** Elements with a text node below them that can hold an address: the only blocks worth reading. */
function blocksWithMarks(body: AnyNode): Set<AnyNode> {
  const marked = new Set<AnyNode>();
  walkTree(body, (n) => {
    if (n.type !== 'text') return true;
    if (ADDRESS_MARK.test((n as unknown as { data: string }).data)) {
      for (let p = n.parent; p && !marked.has(p); p = p.parent) marked.add(p);
    }
    return false;
  });
  return marked;
}

function addressesOn(page: HtmlPage): { address: string; selector: string; how: string }[] {
  const $ = page.doc;
  const index = domIndex($);
  const out: { address: string; selector: string; how: string }[] = [];
  for (const link of index.byTag.get('a') ?? []) {
    const href = link.attribs.href;
    if (href === undefined || !/^mailto:/i.test(href)) continue;
    let raw = href.replace(/^mailto:/i, '').split('?')[0] ?? '';
    try {
      raw = decodeURIComponent(raw);
    } catch {
      // A stray % in a hand-typed mailto: read it as written.
    }
    for (const address of emailsIn(raw)) out.push({ address, selector: cssPath($, link), how: 'mailto' });
  }
  for (const el of index.elements) {
    const cf = el.attribs['data-cfemail'];
    const address = cf === undefined ? undefined : decodeCfEmail(cf);
    if (address) for (const e of emailsIn(address)) out.push({ address: e, selector: cssPath($, el), how: 'cloudflare' });
  }
  if (!index.body) return out;
  // Text per block element, so the selector points near the address.
  const marked = blocksWithMarks(index.body);
  for (const el of index.bodyElements) {
    if (el.type !== 'tag' || !BLOCKS.has(el.name) || !marked.has(el)) continue;
    // Inline siblings (`Email: <b>abc</b>[at]<b>hcm.edu.vn</b>`) only make sense on the whole text of a leaf-ish block.
    const text = el.children.some((c) => c.type === 'tag' && NESTED_BLOCKS.has(c.name))
      ? el.children
          .filter((n) => n.type === 'text')
          .map((n) => (n as unknown as { data: string }).data)
          .join(' ')
      : textContent(el);
    for (const address of emailsIn(text)) out.push({ address, selector: cssPath($, el), how: 'text' });
  }
  return out;
}

const rule = defineRule({
  meta: {
    id: 'official-email',
    title: { vi: 'Công bố thư điện tử trên tên miền chính thức', en: 'Publishes an official e-mail address' },
    failureTitle: { vi: 'Không công bố thư điện tử trên tên miền chính thức', en: 'No official e-mail address published' },
    weight: 2,
    appliesTo: 'all',
    basis: [cite(CV_4210, 'mục IV.2–3 (sử dụng thư điện tử công vụ, không dùng thư điện tử miễn phí)')],
    requires: ['home'],
    optional: ['pages'],
    options: {
      /** official-email: an address on one of these domains (or a subdomain) is official (CV 4210 IV.2–3). */
      officialEmailSuffixes: z.array(z.string()).default(['edu.vn', 'gov.vn']),
      /**
       * Provinces' official mail systems outside edu.vn / gov.vn (Hà Nội's schools: `@hanoiedu.vn`), official for every
       * unit whatever its own province. A `--config` list replaces this one: keep `hanoiedu.vn` in it.
       */
      provinceMailDomains: z.array(z.string()).default(['hanoiedu.vn']),
      /** Free mail providers: an address on one of these domains (or a subdomain) is not official. */
      freeMailDomains: z
        .array(z.string())
        .default([
          'gmail.com',
          'googlemail.com',
          'yahoo.com',
          'yahoo.com.vn',
          'ymail.com',
          'rocketmail.com',
          'hotmail.com',
          'hotmail.com.vn',
          'outlook.com',
          'outlook.com.vn',
          'live.com',
          'msn.com',
          'icloud.com',
          'me.com',
          'mac.com',
          'aol.com',
          'zoho.com',
          'proton.me',
          'protonmail.com',
          'gmx.com',
          'mail.com',
          'yandex.com',
          'mail.ru',
          'qq.com',
          '163.com',
        ]),
    },
    messages: {
      officialEmail: {
        vi: 'Trang công bố địa chỉ thư điện tử chính thức {address}.',
        en: 'The site publishes the official address {address}.',
      },
      onlyFreeMail: {
        vi: 'Trang chỉ công bố thư điện tử miễn phí ({addresses}), không có địa chỉ trên tên miền chính thức (edu.vn / gov.vn / hệ thống thư của tỉnh).',
        en: 'The site only publishes free mail ({addresses}), no address on an official domain (edu.vn / gov.vn / a province mail system).',
      },
      noOfficialEmail: {
        vi: 'Các địa chỉ thư điện tử công bố ({addresses}) không thuộc tên miền chính thức (edu.vn / gov.vn / hệ thống thư của tỉnh).',
        en: 'The published addresses ({addresses}) are not on an official domain (edu.vn / gov.vn / a province mail system).',
      },
      noEmail: {
        vi: 'Không thấy địa chỉ thư điện tử nào trên trang chủ, trang liên hệ hay giới thiệu ({pages} trang).',
        en: 'No e-mail address on the home, contact or introduction pages ({pages|page|pages}).',
      },
      contactUnverified: {
        vi: 'Chưa xác minh được: không tải được trang {url} và các trang đã xem không có địa chỉ chính thức.',
        en: 'Not verified: {url} could not be fetched and the pages seen carry no official address.',
      },
    },
  },
  check(a, ctx): RuleOutcome {
    const { home } = a;
    const cfg = ctx.config;
    const homeUrl = home.finalUrl;
    const pages: HtmlPage[] = [home];
    let unverified: string | undefined;
    const add = (p: HtmlPage | undefined): void => void (p && !pages.some((q) => q.finalUrl === p.finalUrl) && pages.push(p));
    if (a.pages) {
      for (const s of [...findSectionLinks(a, cfg.sections.lienHe, cfg), ...findSectionLinks(a, cfg.sections.gioiThieu, cfg)]) {
        if (targetState(s, homeUrl) === 'unverified' && s.target) unverified ??= s.link.href;
        const page = sectionPage(s);
        add(page);
        // The introduction's own sub-pages ("Ban giám hiệu") often carry the addresses; the crawler fetched them one hop.
        for (const l of page ? contentLinks(page.doc, page.finalUrl) : []) {
          const hop = sameHost(l.href, homeUrl) ? lookupPage(a, l.href) : undefined;
          if (hop?.ok && hop.doc && hop.status < 300) add(hop as HtmlPage);
        }
      }
    }
    const kindOf = (address: string): Kind => {
      const domain = address.slice(address.lastIndexOf('@') + 1);
      if ([...cfg.officialEmailSuffixes, ...cfg.provinceMailDomains].some((s) => hostMatches(domain, s))) return 'official';
      if (cfg.freeMailDomains.some((d) => hostMatches(domain, d))) return 'free';
      return 'other';
    };
    const found: Found[] = [];
    for (const p of pages) {
      for (const f of addressesOn(p)) {
        if (found.some((x) => x.address === f.address)) continue;
        found.push({
          address: f.address,
          kind: kindOf(f.address),
          evidence: { url: p.finalUrl, selector: f.selector, excerpt: `${f.address} (${f.how})` },
        });
      }
    }
    const official = found.find((f) => f.kind === 'official');
    if (official) return { status: 'pass', messageId: 'officialEmail', data: { address: official.address }, evidence: [official.evidence] };
    if (unverified)
      return {
        status: 'error',
        messageId: 'contactUnverified',
        data: { url: unverified },
        evidence: [{ url: unverified }, ...found.map((f) => f.evidence)],
      };
    const addresses = found.map((f) => f.address).join(', ');
    if (found.length && found.every((f) => f.kind === 'free'))
      return { status: 'fail', messageId: 'onlyFreeMail', data: { addresses }, evidence: found.map((f) => f.evidence) };
    if (found.length) return { status: 'fail', messageId: 'noOfficialEmail', data: { addresses }, evidence: found.map((f) => f.evidence) };
    return {
      status: 'fail',
      messageId: 'noEmail',
      data: { pages: pages.length },
      evidence: pages.map((p) => ({ url: p.finalUrl, selector: 'a[href^="mailto:"], body', excerpt: 'no address (mailto, text, [at])' })),
    };
  },
});

export default rule;
