import { describe, expect, it } from 'vitest';
import { matchesKeyword, normalizeText, stripDiacritics } from '../../src/util/text.js';
import { footerLinks, navigationLinks, allLinks } from '../../src/page/links.js';
import { parseHtml } from '../../src/collect/parse.js';
import { registrableDomain, sameHost } from '../../src/util/hosts.js';

describe('keyword matching', () => {
  it('is case-insensitive, NFC, handles nbsp and matches without diacritics', () => {
    expect(matchesKeyword('BA\u00a0CÔNG   KHAI', 'công khai')).toBe(true);
    expect(matchesKeyword('Cong khai', 'công khai')).toBe(true);
    expect(matchesKeyword('Co\u0302ng khai'.normalize('NFD'), 'công khai')).toBe(true);
    expect(matchesKeyword('Công khaii', 'công khai')).toBe(false);
  });
  it('can require diacritics (phó must not match phố)', () => {
    expect(matchesKeyword('Số 5 phố Huế', 'phó', { strict: true })).toBe(false);
    expect(matchesKeyword('Số 5 phố Huế', 'phó')).toBe(true);
    expect(matchesKeyword('Phó Hiệu trưởng', 'phó', { strict: true })).toBe(true);
  });
  it('normalises and strips', () => {
    expect(normalizeText('  Đào\u00a0Tạo ')).toBe('đào tạo');
    expect(stripDiacritics('Đào tạo')).toBe('Dao tao');
  });
  it('lower-cases every character as the Vietnamese locale does', () => {
    // normalizeText uses the root lower case (fast); the 'vi' locale has no special casing, so both agree everywhere
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      if (/[\s\u200b\u2010-\u2015\u2212]/.test(ch)) continue;
      const text = `x${ch}x`;
      if (normalizeText(text) !== text.normalize('NFC').toLocaleLowerCase('vi'))
        throw new Error(`U+${c.toString(16)} lower-cased differently`);
    }
    expect(normalizeText('TRƯỜNG THCS ĐỨC TRÍ')).toBe('trường thcs đức trí');
  });
});

const PAGE = `<!doctype html><html lang="vi"><body class="nav-open">
<header id="header"><div class="logo"><a href="/">Trường THPT Nguyễn Huệ</a></div></header>
<div id="mainmenu"><ul><li><a href="/gioi-thieu">Giới thiệu</a><ul class="sub"><li><a href="/co-cau">Cơ cấu tổ chức</a></li></ul></li>
<li><a href="/cong-khai">Công khai</a></li></ul></div>
<table><tr><td><a href="/tin-tuc">Tin tức</a></td><td><a href="/van-ban">Văn bản</a></td><td><a href="/lien-he">Liên hệ</a></td></tr></table>
<article class="post"><header><h2><a href="/bai-viet-1">Công khai tài chính năm 2026</a></h2></header><p>Nội dung <a href="/bai-viet-2">xem thêm</a></p></article>
<div class="footer"><a href="https://hcm.edu.vn"><img src="/banner-so.png" alt="Sở GDĐT TP.HCM"></a></div>
</body></html>`;

describe('navigation links (docs/catalogue.md "How pages are found", docs/navigation.md)', () => {
  const $ = parseHtml(PAGE);
  const nav = navigationLinks($, 'https://thpt-nguyenhue.hcm.edu.vn/');
  const hrefs = nav.map((l) => new URL(l.href).pathname);

  it('takes the page header, menu-classed lists with their dropdowns, and table menu rows', () => {
    expect(hrefs).toEqual(expect.arrayContaining(['/', '/gioi-thieu', '/co-cau', '/cong-khai', '/tin-tuc', '/van-ban', '/lien-he']));
  });
  it('does not take an article header or body, nor a body class like nav-open', () => {
    expect(hrefs).not.toContain('/bai-viet-1');
    expect(hrefs).not.toContain('/bai-viet-2');
  });
  it('gives a selector an inspector can use', () => {
    const link = nav.find((l) => l.href.endsWith('/cong-khai'));
    expect(link?.selector).toMatch(/^div#mainmenu > ul > li:nth-of-type\(2\) > a$/);
    expect(parseHtml(PAGE)(link!.selector).text()).toBe('Công khai');
  });
  it('finds footer image links with their alt text, and allLinks marks navigation', () => {
    const footer = footerLinks($, 'https://thpt-nguyenhue.hcm.edu.vn/');
    expect(footer).toEqual([expect.objectContaining({ href: 'https://hcm.edu.vn/', text: 'Sở GDĐT TP.HCM', isImage: true })]);
    const all = allLinks($, 'https://thpt-nguyenhue.hcm.edu.vn/');
    expect(all.find((l) => l.href.endsWith('/bai-viet-1'))?.source).toBe('body');
    expect(all.find((l) => l.href.endsWith('/cong-khai'))?.source).toBe('nav');
  });
});

describe('hosts', () => {
  it('compares hosts ignoring scheme and www, and uses the public suffix list', () => {
    expect(sameHost('http://www.hcm.edu.vn/x', 'https://hcm.edu.vn')).toBe(true);
    expect(sameHost('https://a.hcm.edu.vn', 'https://hcm.edu.vn')).toBe(false);
    expect(registrableDomain('https://thpt-a.haiphong.edu.vn/')).toBe('haiphong.edu.vn');
    expect(registrableDomain('thcs-b.violet.vn')).toBe('violet.vn');
  });
});
