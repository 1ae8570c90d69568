import { describe, expect, it } from 'vitest';
import rule from '../../rules/emc-tag.js';
import { isLookalikeEmcHost, isEmcHost, splitJsComments } from '../../src/engine/emc.js';
import { fetchedPage, fixturePage, makeArtifacts, runRuleCases } from '../../src/engine/rule-tester.js';

const page = (name: string): string => fixturePage('emc-tag', name);
const wpUnit = { website: 'https://thlelo.haiphong.edu.vn/', province: ['haiphong'], type: 'tieu-hoc' as const };

describe('emc-tag', () => {
  runRuleCases(rule, [
    {
      name: 'the standard inline snippet (inline loader injecting gov-tracking.min.js) passes and records the site id',
      artifacts: makeArtifacts({ html: page('inline-snippet.html') }),
      expected: {
        status: 'pass',
        messageId: 'emcFound',
        data: { siteId: '10523' },
        facts: { emcSiteId: '10523' },
        evidence: ['setSiteId'],
      },
    },
    {
      name: 'a Matomo-style loader building the URLs from a base and a numeric id passes',
      artifacts: makeArtifacts({ html: page('loader-base-url.html'), unit: wpUnit }),
      expected: { status: 'pass', messageId: 'emcFound', facts: { emcSiteId: '20871' } },
    },
    {
      name: 'the loader as a <script src> tag plus the inline queue passes',
      artifacts: makeArtifacts({ html: page('loader-script-tag.html') }),
      expected: { status: 'pass', messageId: 'emcFound', data: { siteId: '10523' }, evidence: ['gov-tracking.min.js'] },
    },
    {
      name: 'the tag in a same-site script file passes',
      artifacts: makeArtifacts({
        html: page('script-file.html'),
        scripts: { 'https://thcs-nguyendu.hcm.edu.vn/themes/default/js/emc.js?t=1730512345': page('emc.js') },
      }),
      expected: { status: 'pass', messageId: 'emcFound', evidence: ['themes/default/js/emc.js'] },
    },
    {
      name: 'the script file referenced but not collected: no tag found',
      artifacts: makeArtifacts({ html: page('script-file.html') }),
      expected: { status: 'fail', messageId: 'noEmcTag' },
    },
    {
      name: 'the script file timed out: not verified, never a silent fail',
      artifacts: makeArtifacts({
        html: page('script-file.html'),
        scripts: {
          'https://thcs-nguyendu.hcm.edu.vn/themes/default/js/emc.js?t=1730512345': {
            ok: false,
            url: 'https://thcs-nguyendu.hcm.edu.vn/themes/default/js/emc.js?t=1730512345',
            reason: 'timeout',
            detail: 'request timed out',
            redirects: [],
          },
        },
      }),
      expected: { status: 'error', messageId: 'scriptUnverified' },
    },
    {
      name: 'the script file answers 404: no tag found',
      artifacts: makeArtifacts({
        html: page('script-file.html'),
        scripts: {
          'https://thcs-nguyendu.hcm.edu.vn/themes/default/js/emc.js?t=1730512345': fetchedPage(
            'https://thcs-nguyendu.hcm.edu.vn/themes/default/js/emc.js?t=1730512345',
            'Not Found',
            { status: 404, contentType: 'text/html' },
          ),
        },
      }),
      expected: { status: 'fail', messageId: 'noEmcTag' },
    },
    {
      name: 'a snippet inside an HTML comment fails as commented out',
      artifacts: makeArtifacts({ html: page('commented-html.html') }),
      expected: { status: 'fail', messageId: 'commentedOut', evidence: ['<!-- … -->'] },
    },
    {
      name: 'a snippet inside JS comments fails as commented out',
      artifacts: makeArtifacts({ html: page('commented-js.html') }),
      expected: { status: 'fail', messageId: 'commentedOut' },
    },
    {
      name: 'a look-alike tracker host fails',
      artifacts: makeArtifacts({ html: page('lookalike-host.html') }),
      expected: { status: 'fail', messageId: 'lookalikeHost', data: { host: 'f-emc.ngsp.gov.vn.example.com' } },
    },
    {
      name: 'an empty site id fails',
      artifacts: makeArtifacts({ html: page('empty-site-id.html') }),
      expected: { status: 'fail', messageId: 'invalidSiteId', data: { siteId: '' } },
    },
    {
      name: 'the guide’s placeholder as site id fails as non-numeric',
      artifacts: makeArtifacts({ html: page('placeholder-site-id.html'), unit: wpUnit }),
      expected: { status: 'fail', messageId: 'invalidSiteId', data: { siteId: 'MA_WEBSITE_CUA_DON_VI' } },
    },
    {
      name: 'only the loader, without queue and site id, is incomplete',
      artifacts: makeArtifacts({ html: page('loader-only.html') }),
      expected: { status: 'fail', messageId: 'incomplete', data: { missing: '_govaq, setSiteId' } },
    },
    {
      name: 'a page with only Google Analytics has no EMC tag',
      artifacts: makeArtifacts({ html: page('no-emc.html') }),
      expected: { status: 'fail', messageId: 'noEmcTag' },
    },
    {
      name: 'configured EMC hosts are honoured (a new EMC host)',
      artifacts: makeArtifacts({ html: page('lookalike-host.html') }),
      config: { emcHosts: ['f-emc.ngsp.gov.vn.example.com'] },
      expected: { status: 'pass', messageId: 'emcFound' },
    },
    {
      name: 'an unreachable home page is an error',
      artifacts: makeArtifacts({ failure: { reason: 'refused', detail: 'ECONNREFUSED' } }),
      expected: { status: 'error', messageId: 'missingArtifact' },
    },
  ]);

  it('matches EMC hosts exactly or as subdomains, never as look-alikes', () => {
    const hosts = ['f-emc.ngsp.gov.vn', 'ngsp.gov.vn'];
    expect(isEmcHost('f-emc.ngsp.gov.vn', hosts)).toBe(true);
    expect(isEmcHost('emc2.ngsp.gov.vn', hosts)).toBe(true);
    expect(isEmcHost('f-emc.ngsp.gov.vn.example.com', hosts)).toBe(false);
    expect(isEmcHost('xngsp.gov.vn', hosts)).toBe(false);
    expect(isLookalikeEmcHost('f-emc.ngsp.gov.vn.example.com', hosts)).toBe(true);
    expect(isLookalikeEmcHost('f-emc-ngsp-gov.vn', hosts)).toBe(true);
    expect(isLookalikeEmcHost('www.google-analytics.com', hosts)).toBe(false);
  });

  it('strips JS comments but keeps // inside strings', () => {
    const { code, comments } = splitJsComments("var u = 'https://f-emc.ngsp.gov.vn/'; // tracker\n/* old: setSiteId */ x();");
    expect(code).toContain("'https://f-emc.ngsp.gov.vn/'");
    expect(code).not.toContain('tracker');
    expect(code).not.toContain('setSiteId');
    expect(comments.join('|')).toContain('old: setSiteId');
  });
});
