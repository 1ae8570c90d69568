// The platform fact on the fixture fleet's home pages (one site per platform, fixtures/sites/README.md) and on the
// markers each platform leaves when its generator meta is gone.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../src/collect/parse.js';
import { detectPlatform } from '../../src/engine/platform.js';
import { defaultSitesDir } from '../../src/fixture-server/repo-root.js';

const SITES = defaultSitesDir();

function onFixture(host: string, path = '/'): { name?: string; marker?: string } {
  const file = join(SITES, host, ...path.split('/').filter(Boolean), 'index.html');
  const html = readFileSync(file, 'utf8');
  const guess = detectPlatform(parseHtml(html), `https://${host}${path}`, html);
  return { name: guess?.name, marker: guess?.marker };
}

const detect = (html: string, url = 'https://thcs-a.hcm.edu.vn/'): string | undefined => detectPlatform(parseHtml(html), url, html)?.name;

describe('platform fact on the fixture sites', () => {
  it.each([
    ['pgdquan1.hcm.edu.vn', '/', 'NukeViet 4.x', 'NukeViet v4.5'],
    ['thcs-nguyentrai.hcm.edu.vn', '/', 'NukeViet 4.x (Edu Gate)', '/themes/edugate/'],
    ['thcs-hoasua.edu.vn', '/', 'VHV', '/publish/js/lib2-'],
    ['thcs-vanlang.hcm.edu.vn', '/', 'WordPress', 'WordPress 6.6.2'],
    ['thpt-songsaigon.hcm.edu.vn', '/', 'Joomla', '/media/templates/site/'],
    ['thcs-tanphu.violet.vn', '/', 'Violet', 'host thcs-tanphu.violet.vn'],
    ['haiphong.edu.vn', '/', 'ASP.NET Web Forms', '__VIEWSTATE'],
    ['haiphong.edu.vn', '/thcs-hongbang/', 'Cổng đa đơn vị (haiphong.edu.vn)', 'path /thcs-hongbang/'],
    ['th-kimdong.hcm.edu.vn', '/', 'EduPortal 3.2', 'EduPortal 3.2'],
  ])('%s%s is %s', (host, path, name, marker) => {
    const got = onFixture(host, path);
    expect(got.name).toBe(name);
    expect(got.marker).toContain(marker);
  });
});

describe('platform markers without a generator meta', () => {
  it('NukeViet 3.x/4.x from the generator, Edu Gate from the theme folder', () => {
    expect(detect('<meta name="generator" content="NukeViet v3.4">')).toBe('NukeViet 3.x');
    expect(detect('<meta name="generator" content="NukeViet v4.5"><link href="/themes/edu_gate_thcs/css/style.css">')).toBe(
      'NukeViet 4.x (Edu Gate)',
    );
    expect(detect('<link href="/themes/edugate/css/style.css">')).toBe('NukeViet (Edu Gate)');
    expect(detect('<script>var nv_base_siteurl="/";</script>')).toBe('NukeViet');
  });
  it('VHV from its bundle or its inline start-up code', () => {
    expect(detect('<script src="/publish/js/lib2-1.530.min.js?701"></script>')).toBe('VHV');
    expect(detect("<script>$.extend(VHV,{site:'2001'}); VHV.init();</script>")).toBe('VHV');
    expect(detect('<div class="ModuleWrapper">VHV là tên viết tắt</div>')).toBeUndefined();
  });
  it('Joomla 4 from /media/, ASP.NET from the postback form, DotNetNuke from /Portals/', () => {
    expect(detect('<script src="/media/system/js/core.min.js?4.4"></script>')).toBe('Joomla');
    expect(detect("<a href=\"javascript:__doPostBack('ctl00$menu','')\">Văn bản</a>")).toBe('ASP.NET Web Forms');
    expect(detect('<input type="hidden" name="__VIEWSTATE" value="x">')).toBe('ASP.NET Web Forms');
    expect(detect('<link href="/Portals/_default/default.css">')).toBe('DotNetNuke (ASP.NET)');
  });
  it('a product generator beats the framework it is built on, a known CMS beats a page builder', () => {
    expect(detect('<meta name="generator" content="EduPortal 3.2 - Cổng đa đơn vị"><link href="/Portals/_default/x.css">')).toBe(
      'EduPortal 3.2',
    );
    expect(detect('<meta name="generator" content="Elementor 3.23"><meta name="generator" content="WordPress 6.6">')).toBe('WordPress');
    expect(detect('<meta name="generator" content="Elementor 3.23"><link href="/wp-content/x.css">')).toBe('WordPress');
  });
  it('a province portal tenant is a folder of the bare province host, not its home page file', () => {
    expect(detect('<p>Trường</p>', 'https://haiphong.edu.vn/thcs-hongbang/')).toBe('Cổng đa đơn vị (haiphong.edu.vn)');
    expect(detect('<input type="hidden" name="__VIEWSTATE" value="x">', 'https://haiphong.edu.vn/Default.aspx')).toBe('ASP.NET Web Forms');
    expect(detect('<p>Trường</p>', 'https://thcs-a.haiphong.edu.vn/gioi-thieu/')).toBeUndefined();
  });
});
