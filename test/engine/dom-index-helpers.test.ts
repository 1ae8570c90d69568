import { describe, expect, it } from 'vitest';
import type { Element } from 'domhandler';
import { parseHtml } from '../../src/collect/parse.js';
import { firstDescendant, titleText } from '../../src/page/dom-index.js';
import { advertisedFeeds } from '../../src/engine/feeds.js';

// The index helpers stand in for cheerio selectors: each is checked against the selector it replaces.
describe('index helpers, as the selectors they replace', () => {
  const pages = [
    '<html><head><title>Trang chủ &amp; tin <b>mới</b></title></head><body><svg><title>icon</title></svg></body></html>',
    '<html><body><svg><title>Biểu tượng</title></svg><title>Sau</title></body></html>',
    '<html><head></head><body><p>Không tiêu đề</p></body></html>',
    '<html><head><title><![CDATA[x]]> y <!-- z --></title></head></html>',
  ];
  it.each(pages)('titleText is $("title").first().text(): %s', (html) => {
    const $ = parseHtml(html);
    expect(titleText($)).toBe($('title').first().text());
  });

  it('firstDescendant is .find(selector).first(), in document order and below the root only', () => {
    const $ = parseHtml('<a id="r"><span><b><img alt="sâu"></b></span><img alt="nông"></a><img alt="ngoài">');
    const a = $('#r').get(0) as Element;
    expect(firstDescendant(a, (e) => e.name === 'img')).toBe($(a).find('img').get(0));
    expect(firstDescendant(a, (e) => e.name === 'img')?.attribs.alt).toBe('sâu');
    expect(firstDescendant(a, (e) => e.name === 'a')).toBeUndefined(); // not the root itself
    expect(firstDescendant(a, (e) => e.name === 'i')).toBeUndefined();
  });

  it('advertisedFeeds finds feed links and RSS anchors as before, best first and once each', () => {
    const $ = parseHtml(`<html><head>
      <link rel="stylesheet" href="/s.css"><link rel="Alternate" type="application/RSS+xml" href="/rss.xml" title="Tin tức">
      <link rel="alternate" type="application/atom+xml" href="https://a.test/atom"><link rel="alternate" type="text/html" href="/m">
      <link rel="alternate" type="application/rss+xml"></head><body>
      <a href="/feeds/tin">Tin</a><a href="/x"><img alt="RSS"></a><a href="/rss.xml">RSS</a><a href="mailto:a@b.vn">rss</a>
      <a href="/y"><span> Kênh  RSS </span></a><a>rss</a><a href="/z?format=rss">z</a><a href="/bai-viet">Bài</a></body></html>`);
    expect(advertisedFeeds($, 'https://a.test/trang/').map((f) => [f.url, f.how, f.text, f.selector])).toEqual([
      ['https://a.test/rss.xml', 'link-alternate', 'Tin tức', 'html > head > link:nth-of-type(2)'],
      ['https://a.test/atom', 'link-alternate', 'application/atom+xml', 'html > head > link:nth-of-type(3)'],
      ['https://a.test/feeds/tin', 'anchor', 'Tin', 'body > a:nth-of-type(1)'],
      ['https://a.test/x', 'anchor', 'RSS', 'body > a:nth-of-type(2)'],
      ['https://a.test/y', 'anchor', 'Kênh RSS', 'body > a:nth-of-type(5)'],
      ['https://a.test/z?format=rss', 'anchor', 'z', 'body > a:nth-of-type(7)'],
    ]);
  });
});
