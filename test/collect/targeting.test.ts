// Which pages the page budget is spent on: section menu entries first, link directories, one hop from sections.
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../src/collect/parse.js';
import { directoryTargets, followsSection, oneHopTargets, prioritizedNavigationTargets } from '../../src/collect/page-targets.js';
import { crawlTargeting } from '../../src/engine/rules-config.js';
import { defaultRulesConfig } from '../../rules/index.js';
import { contentLinks } from '../../src/page/links.js';

const targeting = crawlTargeting(defaultRulesConfig());
const BASE = 'https://thcs-vanlang.hcm.edu.vn/';

const classMenu = Array.from({ length: 40 }, (_, i) => `<li><a href="/lop/${i + 1}">Lớp ${6 + (i % 4)}A${i}</a></li>`).join('');
const HOME = parseHtml(`<html><body>
<nav class="menu"><ul><li><a href="/">Trang chủ</a></li><li><a href="/cac-lop">Các lớp</a><ul>${classMenu}</ul></li>
<li><a href="/gioi-thieu">GIỚI THIỆU</a></li><li><a href="/cong-khai">Ba công khai</a></li><li><a href="/tai-lieu.pdf">Tài liệu</a></li>
<li><a href="https://hcm.edu.vn/">Sở GDĐT</a></li></ul></nav>
<div class="sidebar"><h3>Liên kết</h3><a href="/lien-ket/website-truong-hoc">Website trường học</a></div>
</body></html>`);

describe('crawl targeting', () => {
  it('puts menu entries naming a section before a long menu of class pages, skipping files and other hosts', () => {
    const targets = prioritizedNavigationTargets(HOME, BASE, [BASE], targeting);
    expect(targets.slice(0, 2).map((t) => t.url)).toEqual([`${BASE}gioi-thieu`, `${BASE}cong-khai`]);
    expect(targets.every((t) => !t.url.endsWith('.pdf') && t.url.startsWith(BASE))).toBe(true);
    expect(targets.filter((t) => t.priority)).toHaveLength(2);
    expect(targets).toHaveLength(2 + 1 + 40);
  });

  it('finds link-directory pages anywhere on the home page', () => {
    expect(directoryTargets(HOME, BASE, targeting)).toEqual([`${BASE}lien-ket/website-truong-hoc`]);
  });

  it('follows only the sections that need a second hop, and only their content links', () => {
    expect(followsSection('Ba công khai', targeting)).toBe(true);
    expect(followsSection('Giới thiệu', targeting)).toBe(true);
    expect(followsSection('Tin tức', targeting)).toBe(false);
    const section = parseHtml(`<html><body><div id="menu"><a href="/tin-tuc">Tin tức</a></div>
      <main><h1>Công khai</h1><ul class="list"><li><a href="/cong-khai/nam-hoc-2026-2027">Công khai năm học 2026-2027</a></li>
      <li><a href="/cong-khai/tai-chinh-2026">Công khai tài chính</a></li><li><a href="https://other.edu.vn/x">Khác</a></li></ul></main>
      <footer><a href="/lien-he">Liên hệ</a></footer></body></html>`);
    expect(oneHopTargets(section, `${BASE}cong-khai`)).toEqual([`${BASE}cong-khai/nam-hoc-2026-2027`, `${BASE}cong-khai/tai-chinh-2026`]);
    expect(contentLinks(section, `${BASE}cong-khai`).map((l) => l.text)).toEqual([
      'Công khai năm học 2026-2027',
      'Công khai tài chính',
      'Khác',
    ]);
  });
});
