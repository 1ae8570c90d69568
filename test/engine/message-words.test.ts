import { describe, expect, it } from 'vitest';
import { judgeUnit } from '../../src/engine/runner.js';
import { makeArtifacts, makeContext } from '../../src/engine/rule-tester.js';
import { RULES } from '../../rules/index.js';

describe('the message a finding is judged with', () => {
  it('puts the rule’s codes in words (results.json keeps the code in data)', () => {
    const a = makeArtifacts({ failure: { reason: 'timeout', detail: 'body timeout' } });
    const reachable = judgeUnit(a, RULES, makeContext(), 'vi', undefined, { unitConditions: false }).findings.find(
      (f) => f.rule === 'site-reachable',
    )!;
    expect(reachable.data?.reason).toBe('timeout');
    expect(reachable.message).toContain('quá thời gian chờ');
    expect(reachable.message).not.toContain('timeout:');
  });

  it('names the unit type in words in the engine\'s "does not apply" message', () => {
    const a = makeArtifacts({ unit: { type: 'tieu-hoc' } });
    const na = judgeUnit(a, RULES, makeContext(), 'vi').findings.find((f) => f.messageId === 'notApplicable')!;
    expect(na.data?.type).toBe('tieu-hoc');
    expect(na.message).toBe('Không áp dụng cho loại hình Tiểu học.');
  });
});
