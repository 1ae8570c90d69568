import { describe, expect, it } from 'vitest';
import { messageIn } from '../../src/report/localize.js';
import { RULES } from '../../rules/index.js';
import type { Finding } from '../../src/model/result.js';

const na: Finding = {
  rule: 'child-site-links',
  status: 'na',
  message: 'x',
  messageId: 'notApplicable',
  data: { type: 'tieu-hoc' },
  evidence: [],
};

describe('messages re-rendered for a report', () => {
  it('name the unit type as an inspector knows it, in the report language', () => {
    expect(messageIn(na, RULES, 'vi')).toBe('Không áp dụng cho loại hình Tiểu học.');
    expect(messageIn(na, RULES, 'en')).toBe('Does not apply to unit type Primary school.');
  });

  it('leave a type the labels do not know as it was written', () => {
    expect(messageIn({ ...na, data: { type: 'truong-nghe' } }, RULES, 'vi')).toBe('Không áp dụng cho loại hình truong-nghe.');
  });
});

describe('codes in message data, in words', () => {
  const https: Finding = {
    rule: 'https',
    status: 'pass',
    message: 'x',
    messageId: 'httpsOk',
    data: { validTo: '01/01/2124', http: 'redirects-to-https' },
    evidence: [],
  };
  const spam: Finding = {
    rule: 'no-malicious-content',
    status: 'fail',
    message: 'x',
    messageId: 'maliciousContent',
    data: { pages: 2, where: 'hidden, link', count: 3 },
    evidence: [],
  };

  it('reads the rule’s words for its codes, in the report language, a list item by item', () => {
    expect(messageIn(https, RULES, 'vi')).toBe(
      'Trang chủ dùng HTTPS với chứng thư hợp lệ đến 01/01/2124; http://: tự chuyển sang https://.',
    );
    expect(messageIn(https, RULES, 'en')).toContain('http://: redirects to https://.');
    expect(messageIn(spam, RULES, 'vi')).toBe('Phát hiện nội dung độc hại trên 2 trang (nội dung ẩn, liên kết).');
  });

  it('keeps a value the words do not know as it was', () => {
    expect(messageIn({ ...spam, data: { pages: 1, where: 'somewhere' } }, RULES, 'vi')).toContain('(somewhere)');
  });
});
