// The unit-level verdicts of docs/catalogue.md "Statuses and score" run through the real runner and the real rule set:
// an unreachable site, a hijacked home page, a script shell, a bot wall.
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { fetchedPage, fixturePage, makeArtifacts, makeContext } from '../../src/engine/rule-tester.js';
import { judgeUnit } from '../../src/engine/runner.js';
import { formatScorecard } from '../../src/report/unit-scorecard.js';
import type { UnitResult } from '../../src/model/result.js';
import type { Artifacts } from '../../src/model/artifacts.js';

const site = 'https://thcs-nguyendu.hcm.edu.vn/';
const judge = (a: Artifacts) => judgeUnit(a, RULES, makeContext(), 'vi');
const statusOf = (j: ReturnType<typeof judge>, rule: string) => j.findings.find((f) => f.rule === rule)?.status;
const home = fixturePage('site-reachable', 'nukeviet-home.html');

describe('an unreachable unit (site-reachable fails)', () => {
  const j = judge(makeArtifacts({ html: '<html><body><h1>500 Internal Server Error</h1></body></html>', status: 500 }));

  it('scores 0 and is Chưa đạt, naming site-reachable as the blocking rule', () => {
    expect(statusOf(j, 'site-reachable')).toBe('fail');
    expect(j.score).toBe(0);
    expect(j.grade).toBe('Chưa đạt');
    expect(j.blocking).toBe('site-reachable');
    expect(j.condition).toBe('unreachable');
  });

  it('judges only domain-edu-vn (registry host), https and redirect-offsite; everything else is error; na stays na', () => {
    expect(statusOf(j, 'domain-edu-vn')).toBe('pass');
    expect(statusOf(j, 'https')).toBe('pass'); // a 500 over a valid certificate still shows HTTPS works
    expect(statusOf(j, 'redirect-offsite')).toBe('pass');
    expect(statusOf(j, 'section-thong-ke')).toBe('na'); // a thcs: statistics do not apply
    const others = j.findings.filter(
      (f) =>
        ![
          'site-reachable',
          'domain-edu-vn',
          'https',
          'redirect-offsite',
          'section-thong-ke',
          'child-site-links',
          'parent-portal-link',
        ].includes(f.rule),
    );
    expect(others.length).toBeGreaterThan(15);
    for (const f of others) expect([f.rule, f.status, f.messageId]).toEqual([f.rule, 'error', 'unit:unreachable']);
  });

  it('a refused connection: https and redirect-offsite got no answer and are error too', () => {
    const r = judge(makeArtifacts({ failure: { reason: 'refused', detail: 'ECONNREFUSED' } }));
    expect(r.score).toBe(0);
    expect(statusOf(r, 'https')).toBe('error');
    expect(statusOf(r, 'redirect-offsite')).toBe('error');
    expect(statusOf(r, 'domain-edu-vn')).toBe('pass');
  });
});

describe('a hijacked home page (redirect-offsite fails)', () => {
  const betting = fetchedPage('https://w88vn.example.com/', fixturePage('no-malicious-content', 'title-spam.html'));
  const a = makeArtifacts({
    html: home,
    softRedirect: { kind: 'meta-refresh', from: site, to: 'https://w88vn.example.com/', target: betting },
  });
  const j = judge(a);

  it('is Chưa đạt with score 0, blocking redirect-offsite', () => {
    expect(statusOf(j, 'redirect-offsite')).toBe('fail');
    expect(j.score).toBe(0);
    expect(j.grade).toBe('Chưa đạt');
    expect(j.blocking).toBe('redirect-offsite');
  });

  it('judges site-reachable, no-malicious-content (on the page it lands on) and domain-edu-vn; the rest is error', () => {
    expect(statusOf(j, 'site-reachable')).toBe('pass');
    expect(statusOf(j, 'no-malicious-content')).toBe('fail');
    expect(statusOf(j, 'domain-edu-vn')).toBe('pass');
    const emc = j.findings.find((f) => f.rule === 'emc-tag');
    expect(emc?.status).toBe('error');
    expect(emc?.message).toContain('trang chủ chuyển ra ngoài website của đơn vị');
    expect(statusOf(j, 'menu-cong-khai')).toBe('error');
    expect(statusOf(j, 'cong-khai-current')).toBe('error'); // its na ("no section") was read off the stranger's page
    expect(statusOf(j, 'section-thong-ke')).toBe('na'); // a thcs: the type decides
    expect(statusOf(j, 'https')).toBe('error');
  });

  it('its fix list (check) starts with the blocking rule, not "gắn mã EMC"', () => {
    const unit = {
      id: 'x',
      name: 'Trường THCS Nguyễn Du',
      type: 'thcs',
      district: 'Quận 1',
      province: 'hcm',
      website: site,
      finalUrl: site,
      crawl: { status: 'ok', pages: 1, durationMs: 1 },
      ruleSetVersion: 'v',
      auditedAt: '',
      ...j,
    } as unknown as UnitResult;
    const text = formatScorecard(unit, RULES, 'vi');
    const fixes = text.slice(text.indexOf('Cần khắc phục'));
    const first = fixes.split('\n')[1] ?? '';
    expect(first).toMatch(/^1\. Trang chủ không chuyển hướng ra ngoài/);
    expect(fixes).not.toMatch(/EMC/);
    expect(text).toContain('Chưa đạt do tiêu chí bắt buộc redirect-offsite');
  });

  it('an HTTP redirect to a stranger: domain-edu-vn judges the registry host, not the stranger’s', () => {
    const r = judge(
      makeArtifacts({
        html: fixturePage('no-malicious-content', 'title-spam.html'),
        finalUrl: 'https://w88vn.example.com/',
        redirects: [{ url: site, status: 302, location: 'https://w88vn.example.com/' }],
      }),
    );
    expect(statusOf(r, 'redirect-offsite')).toBe('fail');
    expect(statusOf(r, 'domain-edu-vn')).toBe('pass');
    expect(r.findings.find((f) => f.rule === 'domain-edu-vn')?.data).toMatchObject({ host: 'thcs-nguyendu.hcm.edu.vn' });
    expect(r.score).toBe(0);
  });
});

describe('a script shell (static body under 200 characters, ≤ 2 links, loads scripts)', () => {
  const shell =
    '<!doctype html><html lang="vi"><head><meta name="viewport" content="width=device-width"><title>Trường THCS</title></head><body><div id="root"></div><noscript>Bật JavaScript để xem trang.</noscript><script src="/static/js/main.3f2a.js"></script></body></html>';

  it('without rendering: every rule but site-reachable, redirect-offsite, https and domain-edu-vn is error, never fail', () => {
    const j = judge(makeArtifacts({ html: shell }));
    expect(j.condition).toBe('scriptShell');
    for (const id of ['site-reachable', 'redirect-offsite', 'https', 'domain-edu-vn']) expect(statusOf(j, id)).toBe('pass');
    const judgedOnContent = j.findings.filter(
      (f) => !['site-reachable', 'redirect-offsite', 'https', 'domain-edu-vn'].includes(f.rule) && f.status !== 'na',
    );
    expect(judgedOnContent.length).toBeGreaterThan(15);
    for (const f of judgedOnContent) expect([f.rule, f.status]).toEqual([f.rule, 'error']);
    expect(j.findings.find((f) => f.rule === 'mobile-friendly')?.message).toContain(
      'trang được vẽ bằng JavaScript; hãy kiểm tra với chế độ hiển thị (render)',
    );
    expect(j.grade).toBe('Chưa xác minh');
  });

  it('a rendered page is judged as it is', () => {
    const a = makeArtifacts({ html: shell });
    a.rendered = { why: 'script shell' };
    const j = judge(a);
    expect(j.condition).toBeNull();
    expect(statusOf(j, 'mobile-friendly')).toBe('pass');
    expect(statusOf(j, 'menu-cong-khai')).toBe('fail');
  });

  it('a server-rendered page with scripts is not a shell', () => {
    expect(judge(makeArtifacts({ html: home })).condition).toBeNull();
  });
});

describe('a bot wall', () => {
  it('is unverified: Chưa xác minh, not Chưa đạt, and no blocking rule', () => {
    const j = judge(makeArtifacts({ failure: { reason: 'blocked_by_waf', detail: 'HTTP 403 (challenge)', status: 403 } }));
    expect(statusOf(j, 'site-reachable')).toBe('error');
    expect(j.grade).toBe('Chưa xác minh');
    expect(j.blocking).toBeUndefined();
  });
});
