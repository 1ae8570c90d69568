import { describe, expect, it } from 'vitest';
import { unitAlerts } from '../../src/report/alerts.js';
import { rulesById } from '../../src/report/localize.js';
import { formatScorecard } from '../../src/report/unit-scorecard.js';
import { alertLines } from '../../src/report/alert-lines.js';
import { RULES } from '../../rules/index.js';
import type { Finding, UnitResult } from '../../src/model/result.js';

const byId = rulesById(RULES);
const unit = (findings: UnitResult['findings'], extra: Record<string, unknown> = {}): UnitResult => ({
  id: 'u1',
  name: 'Trường THCS Bình An',
  type: 'thcs',
  district: 'Thủ Đức',
  province: 'hcm',
  website: 'https://binhan.hcm.edu.vn/',
  finalUrl: 'https://bet.example.com/',
  score: 60,
  verified: 1,
  grade: 'Chưa đạt',
  crawl: { status: 'ok', pages: 1, durationMs: 1 },
  findings,
  facts: {},
  ruleSetVersion: 't',
  auditedAt: '',
  ...extra,
});
const offsite: Finding = {
  rule: 'redirect-offsite',
  status: 'fail',
  message: 'x',
  messageId: 'offsite',
  data: { website: 'https://binhan.hcm.edu.vn/', finalHost: 'bet.example.com', hops: 1 },
  evidence: [{ url: 'https://binhan.hcm.edu.vn/', excerpt: 'HTTP 302 → https://bet.example.com/' }],
};

describe('alerts', () => {
  it('lists a failing blocking rule with both URLs, the finding in words and its legal basis', () => {
    const [a, ...rest] = unitAlerts(
      unit([offsite, { rule: 'https', status: 'fail', message: 'x', messageId: 'x', evidence: [] }]),
      byId,
      'vi',
    );
    expect(rest).toEqual([]);
    expect(a).toMatchObject({
      unitId: 'u1',
      rule: 'redirect-offsite',
      website: 'https://binhan.hcm.edu.vn/',
      finalUrl: 'https://bet.example.com/',
      problem: 'Trang chủ chuyển hướng ra website khác',
    });
    expect(a!.found).toContain('chuyển hướng ra bet.example.com');
    expect(a!.found).toContain('“HTTP 302 (chuyển hướng) → https://bet.example.com/”');
    expect(a!.basis).toContain('Hải Phòng 2023');
  });

  it('ignores a blocking rule that is not failed, and honours the rules the results name as blocking', () => {
    expect(unitAlerts(unit([{ ...offsite, status: 'error' }]), byId, 'vi')).toEqual([]);
    const https: Finding = { rule: 'https', status: 'fail', message: 'x', messageId: 'x', evidence: [] };
    expect(unitAlerts(unit([https]), byId, 'vi')).toEqual([]);
    expect(unitAlerts(unit([https], { blocking: ['https'] }), byId, 'vi').map((a) => a.rule)).toEqual(['https']);
  });

  it('opens the check scorecard with the alert', () => {
    const card = formatScorecard(unit([offsite]), RULES, 'vi').split('\n');
    expect(card[0]).toMatch(/^CẢNH BÁO: 1 đơn vị/);
    expect(card[1]).toContain('https://binhan.hcm.edu.vn/ → https://bet.example.com/');
    expect(formatScorecard(unit([{ ...offsite, status: 'pass' }]), RULES, 'vi')).not.toContain('CẢNH BÁO');
  });

  it('counts the pages in the scorecard language', () => {
    expect(formatScorecard(unit([offsite]), RULES, 'vi')).toContain('· 1 trang ·');
    expect(formatScorecard(unit([offsite]), RULES, 'en')).toContain('· 1 page ·');
  });

  it('says in words that a unit has no website address, instead of a dash', () => {
    const alert = {
      unitId: 'u2',
      name: 'Trường TH A',
      district: 'Quận 1',
      website: null,
      finalUrl: null,
      basis: '',
      rule: 'site-reachable',
      problem: 'Website không truy cập được',
      found: 'Sổ đăng ký không có địa chỉ website của đơn vị.',
    };
    expect(alertLines([alert], 'vi')[1]).toBe('  ! u2 Trường TH A — Website không truy cập được: danh sách không ghi địa chỉ website');
    expect(alertLines([alert], 'en')[1]).toContain(': the registry gives no website address');
  });
});
