import { describe, expect, it } from 'vitest';
import { normalizeUrl } from '../../src/registry/url.js';

const ok = (raw: string): string => {
  const r = normalizeUrl(raw);
  if (!r.ok) throw new Error(`expected ok for ${raw}: ${r.problem}`);
  return r.url;
};
const problem = (raw: string): string => {
  const r = normalizeUrl(raw);
  if (r.ok) throw new Error(`expected a problem for ${raw}, got ${r.url}`);
  return r.problem;
};

describe('normalizeUrl', () => {
  it('adds http:// when the scheme is missing', () => {
    expect(ok('www.thpt-nguyenhue.hcm.edu.vn')).toBe('http://www.thpt-nguyenhue.hcm.edu.vn/');
    expect(ok('thpt-nguyenhue.hcm.edu.vn/tin-tuc?page=2')).toBe('http://thpt-nguyenhue.hcm.edu.vn/tin-tuc?page=2');
    expect(ok('thpt-nguyenhue.hcm.edu.vn:8080/a')).toBe('http://thpt-nguyenhue.hcm.edu.vn:8080/a');
    expect(ok('//hcm.edu.vn')).toBe('http://hcm.edu.vn/');
  });

  it('trims, lower-cases the host and keeps path and query case', () => {
    expect(ok('  HTTPS://THPT-NguyenHue.HCM.EDU.VN/Gioi-Thieu?ID=5  ')).toBe('https://thpt-nguyenhue.hcm.edu.vn/Gioi-Thieu?ID=5');
  });

  it('turns an IDN host into punycode', () => {
    expect(ok('http://trường.edu.vn')).toBe('http://xn--trng-rib8295b.edu.vn/');
    // NFD input gives the same host as NFC.
    expect(ok('http://trường.edu.vn'.normalize('NFD'))).toBe('http://xn--trng-rib8295b.edu.vn/');
  });

  it('drops the fragment', () => {
    expect(ok('https://hcm.edu.vn/gioi-thieu#lich-su')).toBe('https://hcm.edu.vn/gioi-thieu');
  });

  it('rejects other schemes', () => {
    expect(problem('ftp://hcm.edu.vn')).toContain("'ftp:'");
    expect(problem('javascript:alert(1)')).toContain("'javascript:'");
    expect(problem('mailto:sgddt@hcm.edu.vn')).toContain("'mailto:'");
  });

  it('rejects empty, spaced, dotless and malformed hosts', () => {
    expect(problem('')).toContain('empty URL');
    expect(problem('http://')).toMatch(/host|unparseable/);
    expect(problem('https://thcs dinh tien hoang.hcm.edu.vn')).toContain('space in the host name');
    expect(problem('localhost')).toContain('without a dot');
    expect(problem('http://intranet/')).toContain('without a dot');
    expect(problem('http://hcm..edu.vn')).toContain('empty label');
    expect(problem('http://hcm.edu.vn@evil.example.com')).toContain('credentials');
    expect(problem('hcm,edu,vn')).toMatch(/invalid characters|without a dot/);
  });

  it('says it in Vietnamese first, then English', () => {
    expect(problem('localhost')).toBe('tên miền không có dấu chấm / host name without a dot');
  });
});
