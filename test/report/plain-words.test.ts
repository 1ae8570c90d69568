import { describe, expect, it } from 'vitest';
import { plainWords } from '../../src/report/plain-words.js';

describe('plainWords', () => {
  it('writes certificate dates as dd/mm/yyyy in Vietnamese and yyyy-mm-dd in English', () => {
    expect(plainWords('valid; validTo Jan  1 00:00:00 2124 GMT; issuer X', 'vi')).toBe('hợp lệ; hết hạn 01/01/2124; cấp bởi X');
    expect(plainWords('CERT_HAS_EXPIRED: certificate has expired; validTo Dec 31 23:59:59 2021 GMT', 'en')).toBe(
      'the certificate has expired; validTo 2021-12-31',
    );
  });

  it('names network errors in words instead of codes and English detail', () => {
    expect(plainWords('network: ECONNRESET: Client network socket disconnected before secure TLS connection was established', 'vi')).toBe(
      'kết nối bị ngắt giữa chừng',
    );
    expect(plainWords('ENOTFOUND: getaddrinfo ENOTFOUND x.edu.vn', 'vi')).toBe('không tìm thấy tên miền');
  });

  it('explains HTTP facts', () => {
    expect(plainWords('HTTP 200 over http://', 'vi')).toBe('HTTP 200 (trả lời bình thường) qua http:// (không mã hóa)');
    expect(plainWords('HTTP 500', 'vi')).toBe('HTTP 500 (lỗi máy chủ)');
    expect(plainWords('HTTP 302 → https://a.example/', 'vi')).toBe('HTTP 302 (chuyển hướng) → https://a.example/');
    expect(plainWords('no lang attribute', 'vi')).toBe('thiếu thuộc tính lang');
  });

  it('shows the labels of tool-made evidence in one language', () => {
    expect(plainWords('Từ khóa / keywords: tra cứu | văn bằng', 'vi')).toBe('Từ khóa: tra cứu | văn bằng');
    expect(plainWords('Từ khóa / keywords: tra cứu | văn bằng', 'en')).toBe('Keywords: tra cứu | văn bằng');
    expect(plainWords('Mục menu / entries: trang chủ | tin tức', 'vi')).toBe('Mục menu: trang chủ | tin tức');
    expect(plainWords('Mục menu / entries: trang chủ | tin tức', 'en')).toBe('Menu entries: trang chủ | tin tức');
  });

  it('leaves ordinary text alone', () => {
    expect(plainWords('Trường THCS Văn Lang — Chào mừng', 'vi')).toBe('Trường THCS Văn Lang — Chào mừng');
  });
});
