import { describe, expect, it } from 'vitest';
import rule from '../../rules/mobile-friendly.js';
import { checkCases, fetchedPage, makeArtifacts } from '../../src/engine/rule-tester.js';
import { homeStatus } from '../../src/collect/crawl-unit.js';

describe('rule tester', () => {
  const artifacts = makeArtifacts({ html: '<html><head></head><body></body></html>' });
  it('rejects duplicate case names', () => {
    expect(() =>
      checkCases(rule, [
        { name: 'same', artifacts, expected: { status: 'fail', messageId: 'noViewport' } },
        { name: 'same', artifacts, expected: { status: 'fail', messageId: 'noViewport' } },
      ]),
    ).toThrow(/duplicate/);
  });
  it('rejects a fail or warn case without a messageId', () => {
    expect(() => checkCases(rule, [{ name: 'no id', artifacts, expected: { status: 'fail' } }])).toThrow(/without a messageId/);
    expect(() => checkCases(rule, [{ name: 'warn', artifacts, expected: { status: 'warn' } }])).toThrow(/without a messageId/);
  });
  it('rejects a messageId the rule does not declare', () => {
    expect(() => checkCases(rule, [{ name: 'typo', artifacts, expected: { status: 'fail', messageId: 'noViewPort' } }])).toThrow(
      /unknown messageId/,
    );
  });
  it('builds failed fetches without a home page, and successful ones with a parsed home', () => {
    const failed = makeArtifacts({ failure: { reason: 'timeout', detail: 'timeout' } });
    expect(failed.homeFetch.ok).toBe(false);
    expect(failed.home).toBeUndefined();
    expect(artifacts.home?.doc('body').length).toBe(1);
    expect(artifacts.tls?.valid).toBe(true);
    expect(makeArtifacts({ unit: { website: null } }).homeFetch).toMatchObject({
      ok: false,
      url: '',
      reason: 'invalid_url',
      detail: 'no website',
    });
  });
});

describe('rule tester agrees with the crawler', () => {
  it('sets home only when the crawler would (a 2xx HTML answer), whatever the status', () => {
    for (const status of [200, 204, 299, 301, 304, 404, 500]) {
      const a = makeArtifacts({ html: '<title>x</title>', status });
      expect(a.home !== undefined, `HTTP ${status}`).toBe(homeStatus(a.homeFetch).status === 'ok');
      expect(a.home !== undefined, `HTTP ${status}`).toBe(status >= 200 && status < 300);
    }
    expect(makeArtifacts({ html: 'x', contentType: 'application/pdf' }).home).toBeUndefined();
  });

  it('takes the collected artifacts by name as ARTIFACT_SPECS declares them', () => {
    const feed = fetchedPage('https://thcs-nguyendu.hcm.edu.vn/rss', '<rss/>', { contentType: 'application/rss+xml' });
    const a = makeArtifacts({
      html: '<title>x</title>',
      feed,
      scripts: { 'https://thcs-nguyendu.hcm.edu.vn/a.js': 'var x;' },
      robots: { url: 'https://thcs-nguyendu.hcm.edu.vn/robots.txt', status: 200, blocked: [] },
    });
    expect(a.feed).toBe(feed);
    expect(a.scripts.get('https://thcs-nguyendu.hcm.edu.vn/a.js')).toMatchObject({ ok: true, status: 200, text: 'var x;' });
    expect(a.robots?.status).toBe(200);
    expect(a.pages.get('https://thcs-nguyendu.hcm.edu.vn/')).toBe(a.homeFetch);
  });
});
