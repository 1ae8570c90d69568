import { describe, expect, it } from 'vitest';
import { messageIn } from '../../src/report/localize.js';
import { RULES } from '../../rules/index.js';
import type { Finding } from '../../src/model/result.js';

const na: Finding = { rule: 'child-site-links', status: 'na', message: 'x', messageId: 'notApplicable', data: { type: 'tieu-hoc' }, evidence: [] };

describe('messages re-rendered for a report', () => {
  it('name the unit type as an inspector knows it, in the report language', () => {
    expect(messageIn(na, RULES, 'vi')).toBe('Không áp dụng cho loại hình Tiểu học.');
    expect(messageIn(na, RULES, 'en')).toBe('Does not apply to unit type Primary school.');
  });

  it('leave a type the labels do not know as it was written', () => {
    expect(messageIn({ ...na, data: { type: 'truong-nghe' } }, RULES, 'vi')).toBe('Không áp dụng cho loại hình truong-nghe.');
  });
});
