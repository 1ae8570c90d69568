import { describe, expect, it } from 'vitest';
import { feedTarget, prioritizedNavigationTargets, scriptTargets } from '../../src/collect/page-targets.js';

/** Navigation targets without section priorities, in page order, at most `max` (the crawler's budget). */
const navigationTargets = (
  ...[$, base, exclude, max]: [Parameters<typeof prioritizedNavigationTargets>[0], string, string[], number]
): string[] =>
  prioritizedNavigationTargets($, base, exclude, undefined)
    .slice(0, max)
    .map((t) => t.url);
import { parseHtml } from '../../src/collect/parse.js';
import { findSoftRedirect } from '../../src/collect/soft-redirect.js';

const BASE = 'https://thpt-a.hcm.edu.vn/';

describe('findSoftRedirect', () => {
  it.each([
    ['<meta http-equiv="refresh" content="0; url=https://x.example.com/">', 'meta-refresh', 'https://x.example.com/'],
    ['<meta http-equiv="Refresh" content="0;URL=\'/moi/\'">', 'meta-refresh', 'https://thpt-a.hcm.edu.vn/moi/'],
    ['<script>window.location = "https://bet.example.com/";</script>', 'script-location', 'https://bet.example.com/'],
    ["<script>location.href='/home.html'</script>", 'script-location', 'https://thpt-a.hcm.edu.vn/home.html'],
    ['<script>\n<!--\nlocation.replace("https://y.example.com/")\n//-->\n</script>', 'script-location', 'https://y.example.com/'],
    ["<script>window.location.assign('/a');</script>", 'script-location', 'https://thpt-a.hcm.edu.vn/a'],
  ])('finds %s', (markup, kind, to) => {
    expect(findSoftRedirect(parseHtml(`<html><head>${markup}</head><body></body></html>`), BASE)).toEqual({ kind, from: BASE, to });
  });

  it.each([
    '<meta http-equiv="refresh" content="300">',
    '<meta http-equiv="refresh" content="600; url=/">',
    '<script>if (location.protocol !== "https:") location.href = "https://a/";</script>',
    '<script>var x = 1; window.location = "/a";</script>',
    '<script src="/redirect.js"></script>',
  ])('ignores %s', (markup) => {
    expect(findSoftRedirect(parseHtml(`<html><head>${markup}</head><body></body></html>`), BASE)).toBeUndefined();
  });
});

describe('page targets', () => {
  const $ = parseHtml(`<html><head>
    <script src="/js/jquery-3.6.0.min.js"></script><script src="/themes/x/js/main.js"></script>
    <script src="/assets/vendor/swiper/swiper-bundle.min.js"></script><script src="/libs/emc.min.js"></script>
    <script src="/js/bootstrap.bundle.js"></script><script src="https://f-emc.ngsp.gov.vn/embed/gov-tracking.min.js"></script>
  </head><body><nav><a href="/a">A</a><a href="/a#x">A</a><a href="http://www.thpt-a.hcm.edu.vn/b">B</a>
    <a href="https://other.hcm.edu.vn/">Other</a><a href="/doc.pdf">PDF</a><a href="mailto:a@b">M</a></nav>
    <footer><a href="/feeds/tin-tuc.rss">Tin mới</a></footer></body></html>`);

  it('keeps same-site, non-file, unique navigation targets', () => {
    expect(navigationTargets($, BASE, [BASE], 10)).toEqual(['https://thpt-a.hcm.edu.vn/a', 'http://www.thpt-a.hcm.edu.vn/b']);
    expect(navigationTargets($, BASE, [BASE], 1)).toEqual(['https://thpt-a.hcm.edu.vn/a']);
  });

  it('skips well-known libraries and vendor bundles', () => {
    expect(scriptTargets($, BASE)).toEqual(['https://thpt-a.hcm.edu.vn/themes/x/js/main.js']);
  });

  it('finds a feed from <link rel=alternate>, else from a link', () => {
    expect(feedTarget($, BASE)).toBe('https://thpt-a.hcm.edu.vn/feeds/tin-tuc.rss');
    const withLink = parseHtml(
      '<html><head><link rel="alternate" type="application/atom+xml" href="/atom.xml"></head><body></body></html>',
    );
    expect(feedTarget(withLink, BASE)).toBe('https://thpt-a.hcm.edu.vn/atom.xml');
    expect(feedTarget(parseHtml('<html><body><a href="/x">RSS</a></body></html>'), BASE)).toBe('https://thpt-a.hcm.edu.vn/x');
    expect(feedTarget(parseHtml('<html><body><a href="/tin-tuc">Tin</a></body></html>'), BASE)).toBeUndefined();
  });
});
