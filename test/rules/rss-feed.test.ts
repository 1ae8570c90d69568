import { describe, expect, it } from 'vitest';
import rule from '../../rules/rss-feed.js';
import type { Artifacts, FetchResult } from '../../src/model/artifacts.js';
import { parseFeed } from '../../src/engine/feeds.js';
import { fetchedPage, fixturePage, makeArtifacts, runRuleCases } from '../../src/engine/rule-tester.js';

const page = (name: string): string => fixturePage('rss-feed', name);
const SITE = 'https://thcs-nguyendu.hcm.edu.vn/';
const RSS = `${SITE}news/rss/`;

function withFeed(home: string, feed?: FetchResult): Artifacts {
  const a = makeArtifacts({ html: home });
  if (feed) a.feed = feed;
  return a;
}
const xml = (url: string, name: string, status = 200): FetchResult =>
  fetchedPage(url, page(name), { contentType: 'application/rss+xml; charset=utf-8', status });

describe('rss-feed', () => {
  runRuleCases(rule, [
    {
      name: 'an advertised RSS 2.0 feed with items passes',
      artifacts: withFeed(page('home-link-alternate.html'), xml(RSS, 'rss2.xml')),
      expected: {
        status: 'pass',
        messageId: 'feedOk',
        data: { kind: 'RSS', items: 2, url: RSS },
        evidence: ['link', '/news/rss/', 'Sat, 14 Nov 2026'],
      },
    },
    {
      name: 'an advertised Atom feed (WordPress /feed/atom/) with an entry passes',
      artifacts: withFeed(page('home-atom.html'), xml(`${SITE}feed/atom/`, 'atom.xml')),
      expected: { status: 'pass', messageId: 'feedOk', data: { kind: 'Atom', items: 1 } },
    },
    {
      name: 'a footer RSS image link (no <link rel=alternate>) is an advertisement too',
      artifacts: withFeed(page('home-anchor.html'), xml(`${SITE}rss.aspx`, 'rss2.xml')),
      expected: { status: 'pass', messageId: 'feedOk', evidence: ['div#footer', 'rss.aspx'] },
    },
    {
      name: 'an advertised feed with no items warns',
      artifacts: withFeed(page('home-link-alternate.html'), xml(RSS, 'empty.xml')),
      expected: { status: 'warn', messageId: 'feedEmpty' },
    },
    {
      name: 'an advertised feed URL answering an HTML 404 warns with the status',
      artifacts: withFeed(page('home-link-alternate.html'), fetchedPage(RSS, page('404.html'), { status: 404 })),
      expected: { status: 'warn', messageId: 'feedHttpError', data: { status: 404 }, evidence: ['HTTP 404'] },
    },
    {
      name: 'an advertised feed URL answering an HTML page with 200 warns as not a feed',
      artifacts: withFeed(page('home-link-alternate.html'), fetchedPage(RSS, page('404.html'))),
      expected: { status: 'warn', messageId: 'feedNotXml' },
    },
    {
      name: 'an advertised feed answering plain text warns as not a feed',
      artifacts: withFeed(
        page('home-link-alternate.html'),
        fetchedPage(RSS, 'Database error: mysql_connect()', { contentType: 'text/plain' }),
      ),
      expected: { status: 'warn', messageId: 'feedNotXml' },
    },
    {
      name: 'an advertised feed whose fetch is refused warns',
      artifacts: withFeed(page('home-link-alternate.html'), {
        ok: false,
        url: RSS,
        reason: 'refused',
        detail: 'ECONNREFUSED',
        redirects: [],
      }),
      expected: { status: 'warn', messageId: 'feedFetchFailed' },
    },
    {
      name: 'an advertised feed that timed out is not verified',
      artifacts: withFeed(page('home-link-alternate.html'), {
        ok: false,
        url: RSS,
        reason: 'timeout',
        detail: 'body timeout',
        redirects: [],
      }),
      expected: { status: 'error', messageId: 'feedUnverified' },
    },
    {
      name: 'an advertised feed the crawler did not fetch is not verified',
      artifacts: withFeed(page('home-link-alternate.html')),
      expected: { status: 'error', messageId: 'feedUnverified' },
    },
    {
      name: 'no feed advertised (an hreflang alternate is not a feed) fails, whatever a.feed holds',
      artifacts: withFeed(page('home-none.html')),
      expected: { status: 'fail', messageId: 'notAdvertised' },
    },
  ]);

  it('parses RSS, Atom and RSS 1.0, and rejects HTML', () => {
    expect(parseFeed(page('rss2.xml'))).toMatchObject({ ok: true, kind: 'rss', items: 2 });
    expect(parseFeed(page('atom.xml'))).toMatchObject({ ok: true, kind: 'atom', items: 1 });
    expect(
      parseFeed(
        '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel><title>T</title></channel><item><title>a</title></item></rdf:RDF>',
      ),
    ).toMatchObject({ ok: true, kind: 'rdf', items: 1 });
    expect(parseFeed(page('404.html'))).toEqual({ ok: false, problem: 'html' });
    expect(parseFeed('\uFEFF<?xml version="1.0"?><urlset></urlset>')).toEqual({ ok: false, problem: 'notFeed' });
  });
});
