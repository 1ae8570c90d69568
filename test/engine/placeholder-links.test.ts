import { describe, expect, it } from 'vitest';
import { isPlaceholderHref, isPostbackLink, samePage } from '../../src/page/placeholder-links.js';

const HOME = 'https://thcs-leloi.hcm.edu.vn/';

describe('placeholder links (docs/navigation.md)', () => {
  it('the same page ignores scheme, www., a trailing slash and an index file, not the query', () => {
    expect(samePage('http://www.thcs-leloi.hcm.edu.vn/index.php', HOME)).toBe(true);
    expect(samePage('https://thcs-leloi.hcm.edu.vn/tin-tuc/', 'https://thcs-leloi.hcm.edu.vn/tin-tuc')).toBe(true);
    expect(samePage('https://thcs-leloi.hcm.edu.vn/Default.aspx', HOME)).toBe(true);
    expect(samePage('https://thcs-leloi.hcm.edu.vn/?nv=news', HOME)).toBe(false);
    expect(samePage('https://thpt-leloi.hcm.edu.vn/', HOME)).toBe(false);
    expect(samePage('#', HOME)).toBe(false);
  });
  it('an href that is not a URL, or leads to this page, the home page or the site root, is a placeholder', () => {
    for (const href of ['', '#', '#top', 'javascript:void(0)', HOME, 'https://thcs-leloi.hcm.edu.vn/index.html'])
      expect(isPlaceholderHref(href, HOME)).toBe(true);
    expect(isPlaceholderHref('https://thcs-leloi.hcm.edu.vn/', 'https://thcs-leloi.hcm.edu.vn/news/')).toBe(true);
    expect(isPlaceholderHref('https://thcs-leloi.hcm.edu.vn/portal/home', 'https://thcs-leloi.hcm.edu.vn/portal/home', [])).toBe(true);
    expect(isPlaceholderHref('https://thcs-leloi.hcm.edu.vn/portal/', HOME, ['https://thcs-leloi.hcm.edu.vn/portal'])).toBe(true);
    expect(isPlaceholderHref('https://thcs-leloi.hcm.edu.vn/cong-khai/', HOME)).toBe(false);
    expect(isPlaceholderHref('https://hcm.edu.vn/', HOME)).toBe(false);
  });
  it('ASP.NET postbacks are entries: in a javascript: href or in the onclick of an href="#"', () => {
    expect(isPostbackLink("javascript:__doPostBack('ctl00$Menu','CongKhai')", undefined)).toBe(true);
    expect(
      isPostbackLink(
        'javascript:WebForm_DoPostBackWithOptions(new WebForm_PostBackOptions("x", "", true, "", "", false, true))',
        undefined,
      ),
    ).toBe(true);
    expect(isPostbackLink('#', "javascript:__doPostBack('ctl00$Menu','VanBan')")).toBe(true);
    expect(isPostbackLink('', 'WebForm_DoPostBackWithOptions(o)')).toBe(true);
    expect(isPostbackLink('javascript:void(0)', undefined)).toBe(false);
    expect(isPostbackLink('#', 'toggleMenu()')).toBe(false);
    expect(isPostbackLink('/van-ban.aspx', "__doPostBack('x','')")).toBe(false);
  });
});
