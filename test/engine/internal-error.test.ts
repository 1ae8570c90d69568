// Our own failures are ours (issue 12): an internal_error unit's rules are all `error` with the same reason, which
// never names the network or the site; a page past the analysis budget makes only its own findings errors.
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { makeArtifacts, makeContext, makeUnit } from '../../src/engine/rule-tester.js';
import { unjudgedResult } from '../../src/run/audit-unit.js';
import { createLogger } from '../../src/log/logger.js';
import { MAX_PAGE_ELEMENTS, elementCount, mayExceedBudget, parseHtml } from '../../src/collect/parse.js';
import { judgeUnit } from '../../src/engine/runner.js';

describe('an internal error', () => {
  it('makes every applicable rule an error with the same reason, naming no network failure', () => {
    const unit = makeUnit({ type: 'thcs' });
    const r = unjudgedResult({
      unit,
      detail: 'Maximum call stack size exceeded',
      rules: RULES,
      ruleCtx: makeContext(),
      lang: 'vi',
      ruleSetVersion: 't',
      logger: createLogger('silent'),
    });
    expect(r.crawl.status).toBe('internal_error');
    expect(r.score).toBeNull();
    const applicable = r.findings.filter((f) => f.status !== 'na');
    expect(applicable.length).toBeGreaterThan(20);
    for (const f of applicable) {
      expect(f.status, f.rule).toBe('error');
      expect(f.messageId, f.rule).toBe('internalError');
      expect(f.message, f.rule).toBe(
        'Chưa xác minh được: lỗi nội bộ của công cụ kiểm tra, không phải của website (Maximum call stack size exceeded).',
      );
    }
    expect(r.findings.filter((f) => f.status === 'na').map((f) => f.messageId)).toEqual(
      r.findings.filter((f) => f.status === 'na').map(() => 'notApplicable'),
    );
  });
});

describe('the per-page analysis budget', () => {
  const links = (n: number): string => `<!doctype html><body>${'<a href=/x>x</a>'.repeat(n)}</body>`;

  it('counts elements, and rules out ordinary pages without counting', () => {
    expect(elementCount(parseHtml(links(1000)))).toBe(1001); // the links and <body> (htmlparser2 implies no <html>)
    expect(mayExceedBudget(links(1000))).toBe(false);
    expect(mayExceedBudget(links(MAX_PAGE_ELEMENTS + 1))).toBe(true);
  });

  it('rules out a text too short to hold more start tags than the budget, and no text that can', () => {
    // the densest markup: a start tag every two characters
    expect(mayExceedBudget('<a'.repeat(10), 10)).toBe(false);
    expect(mayExceedBudget('<a'.repeat(11), 10)).toBe(true);
    expect(mayExceedBudget(`${'<a'.repeat(10)}x`, 10)).toBe(false);
    expect(mayExceedBudget('<a'.repeat(MAX_PAGE_ELEMENTS + 1))).toBe(true);
  });

  it('leaves a too-complex home page unjudged with a message that says so, in both languages', () => {
    const detail = 'trang quá phức tạp để phân tích: 200003 phần tử, quá 40000 / page too complex to analyse: 200003 elements, over 40000';
    const a = makeArtifacts({ failure: { reason: 'too_complex', detail, status: 200 } });
    const judged = judgeUnit(
      a,
      RULES.filter((r) => r.meta.requires.includes('home')),
      makeContext(),
      'vi',
    );
    expect(judged.findings.length).toBeGreaterThan(10);
    for (const f of judged.findings.filter((x) => x.status !== 'na')) {
      expect(f.status, f.rule).toBe('error');
      expect(f.message, f.rule).toContain('trang quá phức tạp để phân tích');
      expect(f.message, f.rule).not.toContain('too_complex:');
    }
  });
});
