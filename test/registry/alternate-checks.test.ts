// The registry checks report a website cell's further addresses (registry units' `alternates`).
import { describe, expect, it } from 'vitest';
import { registryChecks } from '../../src/aggregate/registry-checks.js';

describe('alternate-website registry check', () => {
  it('lists each alternate, names the unit whose own site it is, and says when the website redirects there', () => {
    const issues = registryChecks([
      {
        id: 'a',
        website: 'https://thcs-vanlang.hcm.edu.vn/',
        finalUrl: 'https://thcs-vanlang.hcm.edu.vn/',
        crawlStatus: 'ok',
        alternates: ['https://thcs-vanlang.violet.vn/'],
      },
      {
        id: 'b',
        website: 'https://thcs-minhduc.hcm.edu.vn/',
        finalUrl: 'https://thcs-minhduc.edu.vn/',
        crawlStatus: 'ok',
        alternates: ['https://thcs-minhduc.edu.vn/', 'https://c.hcm.edu.vn/'],
      },
      { id: 'c', website: 'https://c.hcm.edu.vn/', finalUrl: 'https://c.hcm.edu.vn/', crawlStatus: 'ok' },
    ]).filter((i) => i.kind === 'alternate-website');
    expect(issues).toEqual([
      { kind: 'alternate-website', units: ['a'], detail: 'https://thcs-vanlang.hcm.edu.vn/ + https://thcs-vanlang.violet.vn/' },
      {
        kind: 'alternate-website',
        units: ['b'],
        detail:
          'https://thcs-minhduc.hcm.edu.vn/ + https://thcs-minhduc.edu.vn/ (website chuyển hướng tới địa chỉ này / the website redirects here)',
      },
      { kind: 'alternate-website', units: ['b', 'c'], detail: 'https://thcs-minhduc.hcm.edu.vn/ + https://c.hcm.edu.vn/' },
    ]);
  });
});
