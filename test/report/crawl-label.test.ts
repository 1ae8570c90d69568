import { describe, expect, it } from 'vitest';
import { crawlLabel } from '../../src/report/labels.js';
import type { UnitResult } from '../../src/model/result.js';

const unit = (status: string, findings: UnitResult['findings'] = []): UnitResult =>
  ({ id: 'a', crawl: { status, pages: 0, durationMs: 0 }, findings }) as unknown as UnitResult;

describe('crawl status in words', () => {
  it('says what happened in Vietnamese and English, never the raw code', () => {
    expect(crawlLabel(unit('no_website'), 'vi')).toBe('Chưa có website');
    expect(crawlLabel(unit('no_website'), 'en')).toBe('No website');
    expect(crawlLabel(unit('blocked_by_waf'), 'vi')).toBe('Bị tường lửa chặn');
  });

  it('a reachable home page that lands off-site reads "Chuyển hướng ra ngoài"', () => {
    const offsite = unit('ok', [{ rule: 'redirect-offsite', status: 'fail', message: '', messageId: 'offsite', evidence: [] }]);
    expect(crawlLabel(offsite, 'vi')).toBe('Chuyển hướng ra ngoài');
    expect(crawlLabel(unit('ok'), 'vi')).toBe('Truy cập được');
  });
});
