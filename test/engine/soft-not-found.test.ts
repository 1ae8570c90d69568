import { describe, expect, it } from 'vitest';
import { defaultRulesConfig } from '../../rules/index.js';
import { fetchedPage } from '../../src/engine/rule-tester.js';
import { softNotFound } from '../../src/engine/soft-not-found.js';

const cfg = defaultRulesConfig().softNotFound;
const page = (title: string, body: string, finalUrl = 'https://pgdquan3.hcm.edu.vn/cong-khai'): ReturnType<typeof fetchedPage> =>
  fetchedPage('https://pgdquan3.hcm.edu.vn/cong-khai', `<html><head><title>${title}</title></head><body>${body}</body></html>`, {
    finalUrl,
  });

describe('soft 404: a 2xx error page (docs/navigation.md)', () => {
  it('is named by its title or main heading', () => {
    expect(softNotFound(page('Lỗi 404 - Phòng GDĐT Quận 3', '<h1>Công khai</h1>'), cfg)).toContain('Lỗi 404');
    expect(softNotFound(page('Phòng GDĐT Quận 3', '<h1>Không tìm thấy trang bạn yêu cầu</h1>'), cfg)).toContain('Không tìm thấy trang');
    expect(softNotFound(page('Phòng GDĐT Quận 3', '<div><h2>TRANG KHÔNG TỒN TẠI</h2></div>'), cfg)).toContain('TRANG KHÔNG TỒN TẠI');
    expect(softNotFound(page('Page Not Found', ''), cfg)).toBeDefined();
    expect(softNotFound(page('Error 404', ''), cfg)).toBeDefined();
    expect(softNotFound(page('Khong tim thay trang', ''), cfg)).toBeDefined();
  });
  it('or by an error-page URL', () => {
    expect(
      softNotFound(page('Phòng GDĐT', '', 'https://pgdquan3.hcm.edu.vn/PageNotFoundError.aspx?aspxerrorpath=/cong-khai'), cfg),
    ).toContain('PageNotFoundError.aspx');
    expect(softNotFound(page('Phòng GDĐT', '', 'https://pgdquan3.hcm.edu.vn/404.html'), cfg)).toContain('/404.html');
  });
  it('a document number or a page about 404 things is no error page', () => {
    expect(softNotFound(page('Công văn 404/PGDĐT-VP về công khai', '<h1>Công văn 404/PGDĐT-VP</h1>'), cfg)).toBeUndefined();
    expect(softNotFound(page('Công khai', '<h1>Công khai</h1><p>Không tìm thấy trang? Liên hệ quản trị.</p>'), cfg)).toBeUndefined();
    expect(softNotFound(page('Phòng GDĐT', '', 'https://pgdquan3.hcm.edu.vn/van-ban/4040-quyet-dinh.html'), cfg)).toBeUndefined();
  });
  it('reads its phrases and URL patterns from the rules config', () => {
    const custom = { phrases: ['trang đã bị xóa'], urlPatterns: ['/loi\\.html$'] };
    expect(softNotFound(page('Trang đã bị xóa', ''), custom)).toBeDefined();
    expect(softNotFound(page('Lỗi 404', ''), custom)).toBeUndefined();
    expect(softNotFound(page('x', '', 'https://pgdquan3.hcm.edu.vn/loi.html'), custom)).toBeDefined();
  });
});
