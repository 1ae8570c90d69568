import { describe } from 'vitest';
import rule from '../../rules/redirect-offsite.js';
import { fetchedPage, fixturePage, makeArtifacts, runRuleCases } from '../../src/engine/rule-tester.js';

const page = (name: string): string => fixturePage('redirect-offsite', name);
const site = 'https://thcs-nguyendu.hcm.edu.vn/';
const bet = 'https://hi88-vn.bet/?ref=thcs-nguyendu';

describe('redirect-offsite', () => {
  runRuleCases(rule, [
    {
      name: 'http → https on the same host passes',
      artifacts: makeArtifacts({
        html: page('merged-school-home.html'),
        unit: { website: 'http://thcs-nguyendu.hcm.edu.vn/' },
        finalUrl: site,
        redirects: [{ url: 'http://thcs-nguyendu.hcm.edu.vn/', status: 301, location: site }],
      }),
      expected: { status: 'pass', messageId: 'sameSite' },
    },
    {
      name: 'another host under the same registrable domain (hcm.edu.vn) passes as the same site',
      artifacts: makeArtifacts({
        html: page('merged-school-home.html'),
        unit: { website: 'https://c2nguyendu.hcm.edu.vn/' },
        finalUrl: site,
        redirects: [{ url: 'https://c2nguyendu.hcm.edu.vn/', status: 301, location: site }],
      }),
      expected: { status: 'pass', messageId: 'sameSite' },
    },
    {
      name: 'a move to another .edu.vn after a merger passes with a note',
      artifacts: makeArtifacts({
        html: page('merged-school-home.html'),
        unit: { website: 'https://thcsleloi.haiduong.edu.vn/', province: ['haiphong', 'haiduong'] },
        finalUrl: 'https://thcs-nguyendu.haiphong.edu.vn/',
        redirects: [{ url: 'https://thcsleloi.haiduong.edu.vn/', status: 301, location: 'https://thcs-nguyendu.haiphong.edu.vn/' }],
      }),
      expected: { status: 'pass', messageId: 'movedOfficial', data: { finalHost: 'thcs-nguyendu.haiphong.edu.vn' } },
    },
    {
      name: 'an HTTP redirect to a betting domain fails with the chain as evidence',
      artifacts: makeArtifacts({
        html: page('betting-landing.html'),
        unit: { website: 'http://thcs-nguyendu.edu.vn/' },
        finalUrl: bet,
        redirects: [
          { url: 'http://thcs-nguyendu.edu.vn/', status: 302, location: 'https://go.trk-redirect.xyz/r?id=77' },
          { url: 'https://go.trk-redirect.xyz/r?id=77', status: 302, location: bet },
        ],
      }),
      expected: {
        status: 'fail',
        messageId: 'offsite',
        data: { finalHost: 'hi88-vn.bet', hops: 2 },
        evidence: ['go.trk-redirect.xyz', 'hi88-vn.bet'],
      },
    },
    {
      name: 'a meta refresh from a hijacked home page to a betting domain fails',
      artifacts: makeArtifacts({
        html: page('meta-refresh-betting.html'),
        softRedirect: { kind: 'meta-refresh', from: site, to: bet, target: fetchedPage(bet, page('betting-landing.html')) },
      }),
      expected: {
        status: 'fail',
        messageId: 'offsite',
        data: { finalHost: 'hi88-vn.bet', hops: 1 },
        evidence: ['meta[http-equiv=refresh]'],
      },
    },
    {
      name: 'a script redirect not followed yet is judged on its target',
      artifacts: makeArtifacts({
        html: page('meta-refresh-betting.html'),
        softRedirect: { kind: 'script-location', from: site, to: '//hi88-vn.bet/' },
      }),
      expected: { status: 'fail', messageId: 'offsite' },
    },
    {
      name: 'a failed fetch whose redirect already left for a betting domain fails',
      artifacts: makeArtifacts({
        failure: { reason: 'timeout', detail: 'hi88-vn.bet did not answer', redirects: [{ url: site, status: 302, location: bet }] },
      }),
      expected: { status: 'fail', messageId: 'offsite' },
    },
    {
      name: 'a failed fetch without any redirect cannot be judged',
      artifacts: makeArtifacts({ failure: { reason: 'dns_error', detail: 'ENOTFOUND' } }),
      expected: { status: 'error', messageId: 'notVerified' },
    },
    {
      name: 'no website in the registry is not applicable',
      artifacts: makeArtifacts({ unit: { website: null } }),
      expected: { status: 'na', messageId: 'noWebsite' },
    },
  ]);
});
