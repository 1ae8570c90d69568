import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../src/collect/parse.js';
import { findEmail, findLeaderContact, findPhone } from '../../src/engine/contacts.js';

const TITLES = ['hiệu trưởng', 'trưởng phòng', 'giám đốc', 'phó hiệu trưởng', 'phó trưởng phòng', 'phó giám đốc'];

describe('findPhone', () => {
  it.each([
    ['ĐT: 0908 123 456', '0908 123 456'],
    ['Điện thoại: (028) 38 291 875', '(028) 38 291 875'],
    ['Di động 0888.636.568.', '0888.636.568'],
    ['+84 888 636 568', '+84 888 636 568'],
    ['(+84) 28 3829 1875', '(+84) 28 3829 1875'],
    ['028-3829-1875', '028-3829-1875'],
    ['Tel.0908123456', '0908123456'],
    ['0908123456 0909111222', '0908123456'],
  ])('finds %s', (text, expected) => {
    expect(findPhone(text)?.match).toBe(expected);
  });

  it.each(['năm học 2023-2024', 'Số 37/2020/TT-BGDĐT', '1.000.000.000 đồng', 'ngày 05/10/2020', 'Mã 0123'])('ignores %s', (text) => {
    expect(findPhone(text)).toBeUndefined();
  });

  it('finds e-mail addresses', () => {
    expect(findEmail('Email: abc.def@hcm.edu.vn.')?.match).toBe('abc.def@hcm.edu.vn');
  });
});

describe('findLeaderContact', () => {
  const find = (body: string) => findLeaderContact(parseHtml(`<html><body>${body}</body></html>`), TITLES);

  it('reads a table row whose phone precedes nothing else', () => {
    const hit = find(
      '<table><tr><th>Họ tên</th><th>Chức vụ</th><th>Điện thoại</th></tr><tr><td>Nguyễn Văn An</td><td>Hiệu trưởng</td><td>0908 123 456</td></tr></table>',
    );
    expect(hit?.title).toBe('Hiệu trưởng');
    expect(hit?.selector).toContain('tr');
  });

  it('accepts a mailto link in the same list item', () => {
    expect(find('<ul><li>Trưởng phòng: Trần Thị Bình — <a href="mailto:ttbinh@hcm.edu.vn">Gửi thư</a></li></ul>')?.contact).toBe(
      'ttbinh@hcm.edu.vn',
    );
  });

  it('accepts a contact within 200 characters after the title', () => {
    expect(find('<div class="card"><h4>Lê Văn Cường</h4><p>PHÓ HIỆU TRƯỞNG</p><p>ĐT: 0888.636.568</p></div>')?.contact).toBe(
      '0888.636.568',
    );
  });

  it('ignores a contact too far away, titles without diacritics and menu entries', () => {
    expect(
      find(`<p>Hiệu trưởng: Nguyễn Văn An.</p><p>${'Lịch sử hình thành trường. '.repeat(12)}</p><p>ĐT: 028 3829 1875</p>`),
    ).toBeUndefined();
    // Titles are matched with diacritics only: text typed without them is not a title.
    expect(find('<p>Pho hieu truong: Nguyen Van An, DT 0908 123 456</p>')).toBeUndefined();
    expect(find('<nav><a href="/ht">Thư của Hiệu trưởng</a> Hotline 0908 123 456</nav>')).toBeUndefined();
  });
});
