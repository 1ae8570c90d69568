import { describe } from 'vitest';
import rule from '../../rules/https.js';
import { fetchedPage, fixturePage, makeArtifacts, runRuleCases } from '../../src/engine/rule-tester.js';

const html = fixturePage('https', 'home.html');
const site = 'https://thcs-nguyendu.hcm.edu.vn/';
const httpSite = 'http://thcs-nguyendu.hcm.edu.vn/';
const expired = {
  host: 'thcs-nguyendu.hcm.edu.vn',
  valid: false,
  error: 'CERT_HAS_EXPIRED',
  validTo: '2026-06-30T23:59:59Z',
  issuer: "CN=R10, O=Let's Encrypt",
};

describe('https', () => {
  runRuleCases(rule, [
    {
      name: 'valid certificate and http:// redirecting to https passes',
      artifacts: makeArtifacts({ html, httpProbe: { url: httpSite, outcome: 'redirects-to-https', status: 301, location: site } }),
      expected: { status: 'pass', messageId: 'httpsOk', data: { http: 'redirects-to-https' } },
    },
    {
      name: 'valid certificate and port 80 closed passes',
      artifacts: makeArtifacts({ html, httpProbe: { url: httpSite, outcome: 'unreachable', detail: 'ECONNREFUSED' } }),
      expected: { status: 'pass', messageId: 'httpsOk', data: { http: 'unreachable' } },
    },
    {
      name: 'an http:// registry URL that redirected to https passes without a probe',
      artifacts: makeArtifacts({
        html,
        unit: { website: httpSite },
        finalUrl: site,
        redirects: [{ url: httpSite, status: 301, location: site }],
      }),
      expected: { status: 'pass', messageId: 'httpsOk', data: { http: 'redirects-to-https' } },
    },
    {
      name: 'https works but http:// still serves the site: warn',
      artifacts: makeArtifacts({ html, httpProbe: { url: httpSite, outcome: 'serves-http', status: 200 } }),
      expected: { status: 'warn', messageId: 'httpNotRedirected', data: { httpUrl: httpSite } },
    },
    {
      name: 'http-only site (no TLS by design, https twin refused) fails',
      artifacts: makeArtifacts({
        html,
        unit: { website: httpSite },
        httpsProbe: { ok: false, url: site, reason: 'refused', detail: 'ECONNREFUSED 203.0.113.7:443', redirects: [] },
      }),
      expected: { status: 'fail', messageId: 'noHttps', evidence: ['ECONNREFUSED'] },
    },
    {
      name: 'http site without any https probe fails',
      artifacts: makeArtifacts({ html, unit: { website: httpSite } }),
      expected: { status: 'fail', messageId: 'noHttps' },
    },
    {
      name: 'http registry URL whose https twin works but is not redirected to: warn',
      artifacts: makeArtifacts({
        html,
        unit: { website: httpSite },
        httpsProbe: { ...fetchedPage(site, html), tls: { host: 'thcs-nguyendu.hcm.edu.vn', valid: true, validTo: '2027-01-01T00:00:00Z' } },
      }),
      expected: { status: 'warn', messageId: 'httpNotRedirected' },
    },
    {
      name: 'expired certificate fails with the error code and expiry as evidence',
      artifacts: makeArtifacts({ html, tls: expired }),
      expected: {
        status: 'fail',
        messageId: 'invalidCertificate',
        data: { error: 'CERT_HAS_EXPIRED', validTo: '2026-06-30T23:59:59Z' },
        evidence: ['CERT_HAS_EXPIRED', '2026-06-30'],
      },
    },
    {
      name: 'a TLS failure that stopped the fetch fails as invalid certificate',
      artifacts: makeArtifacts({
        failure: {
          reason: 'tls_error',
          detail: 'ERR_TLS_CERT_ALTNAME_INVALID',
          tls: { host: 'thcs-nguyendu.hcm.edu.vn', valid: false, error: 'ERR_TLS_CERT_ALTNAME_INVALID' },
        },
      }),
      expected: { status: 'fail', messageId: 'invalidCertificate', data: { error: 'ERR_TLS_CERT_ALTNAME_INVALID' } },
    },
    {
      name: 'a mismatched certificate on the https twin of an http site fails',
      artifacts: makeArtifacts({
        html,
        unit: { website: httpSite },
        httpsProbe: {
          ok: false,
          url: site,
          reason: 'tls_error',
          detail: 'ERR_TLS_CERT_ALTNAME_INVALID',
          redirects: [],
          tls: { host: 'thcs-nguyendu.hcm.edu.vn', valid: false, error: 'ERR_TLS_CERT_ALTNAME_INVALID', subject: 'CN=*.hostinger.vn' },
        },
      }),
      expected: { status: 'fail', messageId: 'invalidCertificate', evidence: ['hostinger'] },
    },
    {
      name: 'a DNS failure cannot be judged for transport',
      artifacts: makeArtifacts({ failure: { reason: 'dns_error', detail: 'ENOTFOUND' } }),
      expected: { status: 'error', messageId: 'notVerified' },
    },
  ]);
});
