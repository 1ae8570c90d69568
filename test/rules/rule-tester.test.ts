import { describe, expect, it } from 'vitest';
import rule from '../../rules/mobile-friendly.js';
import { checkCases, makeArtifacts } from '../../src/engine/rule-tester.js';

describe('rule tester', () => {
  const artifacts = makeArtifacts({ html: '<html><head></head><body></body></html>' });
  it('rejects duplicate case names', () => {
    expect(() => checkCases(rule, [
      { name: 'same', artifacts, expected: { status: 'fail', messageId: 'noViewport' } },
      { name: 'same', artifacts, expected: { status: 'fail', messageId: 'noViewport' } },
    ])).toThrow(/duplicate/);
  });
  it('rejects a fail or warn case without a messageId', () => {
    expect(() => checkCases(rule, [{ name: 'no id', artifacts, expected: { status: 'fail' } }])).toThrow(/without a messageId/);
    expect(() => checkCases(rule, [{ name: 'warn', artifacts, expected: { status: 'warn' } }])).toThrow(/without a messageId/);
  });
  it('rejects a messageId the rule does not declare', () => {
    expect(() => checkCases(rule, [{ name: 'typo', artifacts, expected: { status: 'fail', messageId: 'noViewPort' } }])).toThrow(/unknown messageId/);
  });
  it('builds failed fetches without a home page, and successful ones with a parsed home', () => {
    const failed = makeArtifacts({ failure: { reason: 'timeout', detail: 'timeout' } });
    expect(failed.homeFetch.ok).toBe(false);
    expect(failed.home).toBeUndefined();
    expect(artifacts.home?.doc('body').length).toBe(1);
    expect(artifacts.tls?.valid).toBe(true);
    expect(makeArtifacts({ unit: { website: null } }).homeFetch).toMatchObject({ ok: false, url: '', reason: 'invalid_url', detail: 'no website' });
  });
});
