// The rule contract: declared artifacts type a rule's check (checked by `tsc` over this file in `npm run lint`) and
// are all a rule receives at run time (with `rendered` beside a declared `home`); `pages`/`scripts` that were not
// collected make a requiring rule `error`.
import { describe, expect, it } from 'vitest';
import { defineRule, type RuleArtifacts } from '../../src/model/rule.js';
import { judgeUnit } from '../../src/engine/runner.js';
import { makeArtifacts, makeContext } from '../../src/engine/rule-tester.js';

const META = {
  title: { vi: 'Thử', en: 'Test' },
  failureTitle: { vi: 'Thử', en: 'Test' },
  weight: 1,
  appliesTo: 'all',
  basis: [],
  messages: { seen: { vi: '{keys}', en: '{keys}' } },
} as const;

describe('defineRule types the check argument from requires/optional', () => {
  it('makes required keys present, optional ones possibly absent, and undeclared ones unreadable', () => {
    const rule = defineRule({
      meta: { ...META, id: 'typed', requires: ['home'], optional: ['feed'] },
      check(a) {
        const home: NonNullable<RuleArtifacts<'home'>['home']> = a.home;
        // @ts-expect-error an optional artifact may be absent
        const feedUrl: string = a.feed.url;
        // @ts-expect-error an undeclared artifact is not on the type
        void a.scripts;
        // @ts-expect-error destructuring an undeclared artifact fails too
        const { pages } = a;
        void [feedUrl, pages];
        return { status: 'pass', messageId: 'seen', data: { keys: home.finalUrl }, evidence: [] };
      },
    });
    expect(rule.meta.requires).toEqual(['home']);
  });
});

describe('the runner hands a rule only what it declared', () => {
  it('hides undeclared artifacts at run time (a cast cannot reach them)', () => {
    let seen: string[] = [];
    const rule = defineRule({
      meta: { ...META, id: 'peek', requires: ['home'], optional: ['tls', 'feed'] },
      check(a) {
        seen = Object.keys(a).sort();
        const all = a as unknown as Record<string, unknown>;
        return {
          status: 'pass',
          messageId: 'seen',
          data: { keys: ['homeFetch', 'pages', 'scripts'].filter((k) => all[k] !== undefined).join(',') },
          evidence: [],
        };
      },
    });
    const artifacts = makeArtifacts({ html: '<title>x</title>' });
    expect(artifacts.pages.size).toBe(1);
    const judged = judgeUnit(artifacts, [rule], makeContext(), 'en');
    // tls is declared and present (an https site); feed is declared but absent, so it is not there either
    expect(seen).toEqual(['home', 'tls', 'unit']);
    expect(judged.findings[0]?.data).toEqual({ keys: '' });
  });

  it("tells a rule that declares home whether home is a browser's DOM (`rendered`), and no other rule", () => {
    const seen: Record<string, string[]> = {};
    const peek = (id: string, requires: readonly ('home' | 'homeFetch')[]) =>
      defineRule({
        meta: { ...META, id, requires },
        check(a) {
          seen[id] = Object.keys(a).sort();
          return { status: 'pass', messageId: 'seen', data: { keys: '' }, evidence: [] };
        },
      });
    const artifacts = Object.assign(makeArtifacts({ html: '<title>x</title>' }), { rendered: { why: 'always' } });
    judgeUnit(artifacts, [peek('reads-home', ['home']), peek('reads-fetch', ['homeFetch'])], makeContext(), 'en', undefined, {
      unitConditions: false,
    });
    expect(seen).toEqual({ 'reads-home': ['home', 'rendered', 'unit'], 'reads-fetch': ['homeFetch', 'unit'] });
  });

  it('gives the failed render as the reason home and what is collected from it are missing', () => {
    const rule = defineRule({
      meta: { ...META, id: 'needs-home-pages', requires: ['pages', 'home'] },
      check: () => ({ status: 'pass', messageId: 'seen', data: { keys: '' }, evidence: [] }),
    });
    const { pages: _p, home: _h, ...failed } = makeArtifacts({ html: '<title>x</title>' });
    const render = { why: 'always' as const, url: failed.homeFetch.url, judged: false, error: 'page loops', refused: [] };
    const finding = judgeUnit({ ...failed, render }, [rule], makeContext(), 'en').findings[0];
    expect(finding).toMatchObject({
      status: 'error',
      messageId: 'missingArtifact',
      data: { reason: 'không hiển thị được bằng trình duyệt / the render failed: page loops' },
    });
  });

  it('gives missingArtifact when a required pages or scripts map was not collected, and runs the rule when it was', () => {
    for (const key of ['pages', 'scripts'] as const) {
      const rule = defineRule({
        meta: { ...META, id: `needs-${key}`, requires: ['home', key] },
        check: () => ({ status: 'pass', messageId: 'seen', data: { keys: key }, evidence: [] }),
      });
      const collected = makeArtifacts({ html: '<title>x</title>' });
      expect(judgeUnit(collected, [rule], makeContext(), 'en').findings[0]).toMatchObject({ status: 'pass' });
      const { [key]: _dropped, ...notCollected } = collected;
      const finding = judgeUnit(notCollected, [rule], makeContext(), 'en').findings[0];
      expect(finding).toMatchObject({
        status: 'error',
        messageId: 'missingArtifact',
        data: { reason: 'không có dữ liệu / not collected' },
      });
    }
  });

  it('names the home failure as the reason pages are missing when the home page failed', () => {
    const rule = defineRule({
      meta: { ...META, id: 'needs-pages-only', requires: ['pages'] },
      check: () => ({ status: 'pass', messageId: 'seen', data: { keys: '' }, evidence: [] }),
    });
    const { pages: _p, ...failed } = makeArtifacts({ failure: { reason: 'timeout', detail: 'no answer' } });
    const finding = judgeUnit(failed, [rule], makeContext(), 'en').findings[0];
    expect(finding).toMatchObject({ status: 'error', messageId: 'missingArtifact', data: { reason: 'timeout: no answer' } });
  });
});
