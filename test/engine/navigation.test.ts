import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../src/collect/parse.js';
import { prioritizedNavigationTargets } from '../../src/collect/page-targets.js';
import { navigationLinks, navigationRegions, namesMenu, cssPath, contentLinks } from '../../src/page/links.js';
import { fixturePage } from '../../src/engine/rule-tester.js';

const paths = (html: string, base: string): string[] =>
  navigationLinks(parseHtml(html), base).map((l) => (/^https?:/.test(l.href) ? new URL(l.href).pathname : l.href));
const page = (body: string, bodyAttrs = ''): string =>
  `<!DOCTYPE html><html lang="vi"><head><title>x</title></head><body ${bodyAttrs}>${body}</body></html>`;
const BASE = 'https://th-anlac.hcm.edu.vn/';

describe('menu names: a part (split at - and _) that starts or ends with menu or nav', () => {
  it.each([
    'menu',
    'mainmenu',
    'menu-header',
    'slimmenu',
    'sf-menu',
    'topmenu',
    'megamenu',
    'navbar',
    'navbar-collapse',
    'main-nav',
    'sidenav',
    'navigation',
    'top_menu_wrap',
    'MENU',
  ])('%s names a menu', (name) => expect(namesMenu(name)).toBe(true));
  it.each(['unavailable', 'canvas', 'venue', 'minute', 'main-content', 'caravan', 'sf-content'])('%s does not', (name) =>
    expect(namesMenu(name)).toBe(false),
  );
});

describe('marked navigation (version 2)', () => {
  it('takes NukeViet Edu Gate menus: ul.slimmenu on top and ul.sf-menu in the side column, with their dropdowns', () => {
    const got = paths(fixturePage('navigation', 'nukeviet-edugate.html'), 'https://thcs-leloi.hcm.edu.vn/');
    expect(got).toEqual(
      expect.arrayContaining(['/news/', '/news/thong-bao/', '/laws/', '/cong-khai/', '/cong-khai/tai-chinh.html', '/bieu-mau/']),
    );
    // The article list of the main column is no menu.
    expect(got).not.toContain('/news/thong-bao/thong-bao-tuyen-sinh-lop-6-16.html');
  });
  it('takes ARIA menubar and menu roles', () => {
    const html = page(
      '<div role="menubar"><a href="/gioi-thieu/">Giới thiệu</a></div><div class="box"><ul role="menu"><li><a href="/tin-tuc/">Tin tức</a></li></ul></div><p><a href="/bai-viet/1">Bài viết</a></p>',
    );
    expect(paths(html, BASE)).toEqual(['/gioi-thieu/', '/tin-tuc/']);
  });
  it('takes div#top_menu_wrap and nav.main-nav, not a body class, unavailable, canvas, an article header or a menu-named box in an article', () => {
    const got = paths(fixturePage('navigation', 'not-menus.html'), 'https://mn-hoami.hcm.edu.vn/');
    expect(got).toEqual(['/', '/gioi-thieu/', '/tin-tuc/']);
    expect(paths(page('<div id="top_menu_wrap"><a href="/a">A</a></div><p><a href="/b">B</a></p>'), BASE)).toEqual(['/a']);
  });
  it('reads menu names in any case, in ids and among several classes (div#MainMenu, ul.box.Top_NAV)', () => {
    const html = page(
      '<div id="MainMenu"><a href="/a">A</a></div><ul class="box Top_NAV"><li><a href="/b">B</a></li></ul><p><a href="/c">C</a></p>',
    );
    expect(paths(html, BASE)).toEqual(['/a', '/b']);
  });
  it('a page wrapper whose class names a menu state (menu-open) around main is not a menu', () => {
    const $ = parseHtml(fixturePage('navigation', 'not-menus.html'));
    expect(navigationRegions($, 'https://mn-hoami.hcm.edu.vn/').map((el) => cssPath($, el))).toEqual(['div#page > nav']);
  });
});

describe('fallback: the first block of ≥ 5 same-site links before the main content', () => {
  const handMade = fixturePage('navigation', 'hand-made-portal.html');

  it('is the navigation of a page that marks no menu with entries (only an empty nav and a logo link)', () => {
    const $ = parseHtml(handMade);
    expect(
      navigationLinks($, BASE)
        .filter((l) => l.source === 'fallback')
        .map((l) => l.text),
    ).toEqual(['Trang chủ', 'Giới thiệu', 'Tin tức', 'Công khai', 'Văn bản', 'Liên hệ']);
    expect(navigationRegions($, BASE).map((el) => cssPath($, el))).toContain('body > div:nth-of-type(2)');
  });
  it('leaves the links after the first content heading in the content, and the crawler fetches the fallback menu', () => {
    const $ = parseHtml(handMade);
    expect(paths(handMade, BASE)).not.toContain('/tin/tuyen-sinh-lop-1-nam-hoc-2026-2027.html');
    expect(contentLinks($, BASE).map((l) => l.text)).toContain('Tuyển sinh lớp 1 năm học 2026 - 2027');
    expect(contentLinks($, BASE).map((l) => l.text)).not.toContain('Công khai');
    const targets = prioritizedNavigationTargets($, BASE, [BASE], {
      priorityKeywords: ['công khai'],
      followKeywords: [],
      directoryKeywords: [],
    });
    expect(targets.map((t) => new URL(t.url).pathname)).toEqual([
      '/congkhai.html',
      '/gioithieu.html',
      '/tintuc.html',
      '/vanban.html',
      '/lienhe.html',
    ]);
  });
  it('is not used when a marked menu has real entries', () => {
    const html = page(
      '<nav><a href="/gioi-thieu/">Giới thiệu</a></nav><div><a href="/a">A</a><a href="/b">B</a><a href="/c">C</a><a href="/d">D</a><a href="/e">E</a></div><h2>Tin</h2>',
    );
    expect(paths(html, BASE)).toEqual(['/gioi-thieu/']);
  });
  it('is used when the marked menus hold only placeholders and home links', () => {
    const html = page(
      '<header><a href="/">Logo</a><a href="#" class="toggle">☰</a></header><div><a href="/a">A</a><a href="/b">B</a><a href="/c">C</a><a href="/d">D</a><a href="/e">E</a></div><h2>Tin</h2>',
    );
    expect(paths(html, BASE)).toEqual(['/', '#', '/a', '/b', '/c', '/d', '/e']);
  });
  it('needs five same-site links: four, or links to other sites, are no block', () => {
    expect(paths(page('<div><a href="/a">A</a><a href="/b">B</a><a href="/c">C</a><a href="/d">D</a></div><h2>Tin</h2>'), BASE)).toEqual(
      [],
    );
    const offsite = page(
      '<div><a href="/a">A</a><a href="https://hcm.edu.vn/">Sở</a><a href="https://moet.gov.vn/">Bộ</a><a href="/c">C</a><a href="/d">D</a></div><h2>Tin</h2>',
    );
    expect(paths(offsite, BASE)).toEqual([]);
  });
  it('needs a container that holds the links and little else', () => {
    const prose = 'Nhà trường thông báo lịch học và các hoạt động ngoại khóa của học sinh trong tuần này. ';
    const html = page(
      `<div><p>${prose}${prose}</p><a href="/a">A</a><a href="/b">B</a><a href="/c">C</a><a href="/d">D</a><a href="/e">E</a></div><h2>Tin</h2>`,
    );
    expect(paths(html, BASE)).toEqual([]);
  });
  it('takes nothing after the first heading or article of the main content', () => {
    const list =
      '<ul><li><a href="/a">A</a></li><li><a href="/b">B</a></li><li><a href="/c">C</a></li><li><a href="/d">D</a></li><li><a href="/e">E</a></li></ul>';
    expect(paths(page(`<h2>Tin mới</h2>${list}`), BASE)).toEqual([]);
    expect(paths(page(`<article><p>x</p></article>${list}`), BASE)).toEqual([]);
    expect(paths(page(`<main><h2>Tin mới</h2>${list}</main>`), BASE)).toEqual([]);
    // A site-name heading in the banner does not start the content.
    expect(paths(page(`<div class="banner"><h1>Trường Tiểu học An Lạc</h1></div>${list}<h2>Tin mới</h2>`), BASE)).toEqual([
      '/a',
      '/b',
      '/c',
      '/d',
      '/e',
    ]);
  });
  it('widens the block to a container holding two lists of a split menu', () => {
    const html = page(
      '<div class="bar"><ul><li><a href="/a">A</a></li><li><a href="/b">B</a></li><li><a href="/c">C</a></li></ul><ul><li><a href="/d">D</a></li><li><a href="/e">E</a></li><li><a href="/f">F</a></li></ul></div><h2>Tin</h2>',
    );
    expect(paths(html, BASE)).toEqual(['/a', '/b', '/c', '/d', '/e', '/f']);
  });
});
