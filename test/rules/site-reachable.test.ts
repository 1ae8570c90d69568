import { describe, expect, it } from 'vitest';
import rule from '../../rules/site-reachable.js';
import { parseHtml } from '../../src/collect/parse.js';
import { detectPlatform } from '../../src/engine/platform.js';
import { fixturePage, makeArtifacts, runRuleCases } from '../../src/engine/rule-tester.js';

const page = (name: string): string => fixturePage('site-reachable', name);
const site = 'https://thcs-nguyendu.hcm.edu.vn/';

describe('site-reachable', () => {
  runRuleCases(rule, [
    {
      name: 'NukeViet home answering 200 passes and records platform, final URL and certificate expiry',
      artifacts: makeArtifacts({
        html: page('nukeviet-home.html'),
        unit: { website: 'http://thcs-nguyendu.hcm.edu.vn/' },
        finalUrl: site,
        redirects: [{ url: 'http://thcs-nguyendu.hcm.edu.vn/', status: 301, location: site }],
      }),
      expected: {
        status: 'pass',
        messageId: 'reachable',
        facts: { platform: 'NukeViet 4.x', finalUrl: site, certExpiry: '2026-11-30T23:59:59.000Z' },
      },
    },
    {
      name: 'WordPress home is recognised by wp-content',
      artifacts: makeArtifacts({
        html: page('wordpress-home.html'),
        unit: { website: 'https://thlelo.haiphong.edu.vn/', province: ['haiphong'], type: 'tieu-hoc' },
      }),
      expected: { status: 'pass', messageId: 'reachable', facts: { platform: 'WordPress' } },
    },
    {
      name: 'a real portal quoting "under construction" in a long article is not parked',
      artifacts: makeArtifacts({ html: page('portal-article-mentions-markers.html') }),
      expected: { status: 'pass', messageId: 'reachable' },
    },
    {
      name: 'no website in the registry fails',
      artifacts: makeArtifacts({ unit: { website: null } }),
      expected: { status: 'fail', messageId: 'noWebsite' },
    },
    {
      name: 'DNS failure fails with the detail as evidence',
      artifacts: makeArtifacts({ failure: { reason: 'dns_error', detail: 'ENOTFOUND thcs-nguyendu.hcm.edu.vn' } }),
      expected: { status: 'fail', messageId: 'unreachable', data: { reason: 'dns_error' }, evidence: ['ENOTFOUND'] },
    },
    {
      name: 'timeout fails',
      artifacts: makeArtifacts({ failure: { reason: 'timeout', detail: 'no response headers within 15000 ms' } }),
      expected: { status: 'fail', messageId: 'unreachable', data: { reason: 'timeout' } },
    },
    {
      name: 'TLS failure that prevents the fetch fails and records the certificate expiry',
      artifacts: makeArtifacts({
        failure: {
          reason: 'tls_error',
          detail: 'CERT_HAS_EXPIRED',
          tls: { host: 'thcs-nguyendu.hcm.edu.vn', valid: false, error: 'CERT_HAS_EXPIRED', validTo: 'Mar  1 00:00:00 2025 GMT' },
        },
      }),
      expected: { status: 'fail', messageId: 'tlsFailed', facts: { certExpiry: '2025-03-01T00:00:00.000Z' } },
    },
    {
      name: 'a WAF wall (403) is unverified, not a failure: a browser may see the site',
      artifacts: makeArtifacts({ failure: { reason: 'blocked_by_waf', detail: 'HTTP 403 (Cloudflare challenge)', status: 403 } }),
      expected: { status: 'error', messageId: 'blockedByWaf', data: { status: 403 }, evidence: ['Cloudflare challenge'] },
    },
    {
      name: 'a persistent 429 wall is unverified too',
      artifacts: makeArtifacts({ failure: { reason: 'blocked_by_waf', detail: 'HTTP 429 after 2 retries', status: 429 } }),
      expected: { status: 'error', messageId: 'blockedByWaf', data: { status: 429 } },
    },
    {
      name: 'robots.txt forbidding the home page still fails as blocked',
      artifacts: makeArtifacts({ failure: { reason: 'blocked_by_robots', detail: 'Disallow: /' } }),
      expected: { status: 'fail', messageId: 'blocked' },
    },
    {
      name: 'a blank 2xx page (no visible text, no links) fails as trang trắng',
      artifacts: makeArtifacts({
        html: '<!doctype html><html lang="vi"><head><title></title><style>body{margin:0}</style></head><body>\n  <div class="wrap"> &nbsp; </div><img src="/bg.png"></body></html>',
      }),
      expected: { status: 'fail', messageId: 'blankPage', evidence: ['0 visible characters'] },
    },
    {
      name: 'a page that loads scripts is never blank',
      artifacts: makeArtifacts({
        html: '<!doctype html><html><head><title>Trường</title></head><body><div id="app"></div><script src="/app.js"></script></body></html>',
      }),
      expected: { status: 'pass', messageId: 'reachable' },
    },
    {
      name: 'a frameset page shows its frames: not blank',
      artifacts: makeArtifacts({
        html: '<html><head><title>Cổng</title></head><frameset cols="20%,80%"><frame src="/menu.htm"><frame src="/main.htm"></frameset></html>',
      }),
      expected: { status: 'pass', messageId: 'reachable' },
    },
    {
      name: 'one link and no text is not blank',
      artifacts: makeArtifacts({ html: '<html><body><a href="/portal/"><img src="/vao.png"></a></body></html>' }),
      expected: { status: 'pass', messageId: 'reachable' },
    },
    {
      name: 'a page cut at --max-bytes passes, judged on its beginning, and the evidence says it was cut',
      artifacts: (() => {
        const a = makeArtifacts({ html: page('nukeviet-home.html') });
        if (a.home) a.home.truncated = true;
        if (a.homeFetch.ok) a.homeFetch.truncated = true;
        return a;
      })(),
      expected: { status: 'pass', messageId: 'reachableTruncated', evidence: ['truncated', '--max-bytes'] },
    },
    {
      name: 'too many redirects fails with the hops as evidence',
      artifacts: makeArtifacts({
        failure: {
          reason: 'too_many_redirects',
          detail: 'more than 5 redirects',
          redirects: [
            { url: site, status: 302, location: `${site}index.php` },
            { url: `${site}index.php`, status: 302, location: site },
          ],
        },
      }),
      expected: { status: 'fail', messageId: 'tooManyRedirects', evidence: ['index.php'] },
    },
    {
      name: 'a 503 answer fails with its status',
      artifacts: makeArtifacts({ html: page('nukeviet-home.html'), status: 503 }),
      expected: { status: 'fail', messageId: 'httpError', data: { status: 503 } },
    },
    {
      name: 'a PDF as home page fails as non-HTML',
      artifacts: makeArtifacts({ html: '%PDF-1.7', contentType: 'application/pdf' }),
      expected: { status: 'fail', messageId: 'notHtml', data: { contentType: 'application/pdf' } },
    },
    {
      name: 'the Apache default page fails as parked (title)',
      artifacts: makeArtifacts({ html: page('apache-default.html') }),
      expected: { status: 'fail', messageId: 'parkedPage', data: { where: 'title' } },
    },
    {
      name: 'a registrar parking page fails as parked (short page)',
      artifacts: makeArtifacts({ html: page('parked-domain.html') }),
      expected: { status: 'fail', messageId: 'parkedPage', data: { marker: 'tên miền này đang được bán' } },
    },
    {
      name: 'an "under construction" school page fails',
      artifacts: makeArtifacts({ html: page('under-construction.html'), unit: { type: 'mam-non', province: ['quangtri'] } }),
      expected: { status: 'fail', messageId: 'parkedPage', data: { marker: 'website đang được xây dựng' } },
    },
    {
      name: 'the crawl deadline is our limit, not the site: error',
      artifacts: makeArtifacts({ failure: { reason: 'deadline', detail: 'unit deadline reached' } }),
      expected: { status: 'error', messageId: 'notVerified' },
    },
  ]);
});

describe('platform detection (triage fact)', () => {
  const detect = (html: string, url = site): string | undefined => detectPlatform(parseHtml(html), url, html)?.name;
  it('reads the generator meta', () => {
    expect(detect('<html><head><meta name="generator" content="NukeViet v3.4"></head><body></body></html>')).toBe('NukeViet 3.x');
    expect(detect('<html><head><meta name="generator" content="Joomla! - Open Source Content Management"></head></html>')).toBe('Joomla');
    expect(detect('<html><head><meta name="Generator" content="Drupal 10 (https://www.drupal.org)"></head></html>')).toBe('Drupal 10');
  });
  it('falls back on asset paths and hosts', () => {
    expect(detect('<link rel="stylesheet" href="/wp-content/themes/x/style.css">')).toBe('WordPress');
    expect(detect('<p>Trang riêng của giáo viên</p>', 'http://thcs-nguyendu.violet.vn/')).toBe('Violet');
    expect(detect('<p>Trường THCS Nguyễn Du</p>', 'https://haiphong.edu.vn/thcs-nguyendu/')).toBe('Cổng đa đơn vị (haiphong.edu.vn)');
    expect(detect('<p>Trường THCS Nguyễn Du</p>')).toBeUndefined();
  });
});
