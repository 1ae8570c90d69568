import { describe, expect, it } from 'vitest';
import { parseColumns } from '../../src/registry/columns.js';

describe('parseColumns (--columns field=Header,…)', () => {
  it('reads pairs, drops quotes, keeps a comma inside a header', () => {
    expect(parseColumns('website=Link trang,id="Mã CSGD"')).toEqual({ website: 'Link trang', id: 'Mã CSGD' });
    expect(parseColumns("name=Tên trường, cơ sở , type='Cấp'")).toEqual({ name: 'Tên trường, cơ sở', type: 'Cấp' });
  });

  it('refuses an unknown field or an empty header, naming the accepted fields', () => {
    expect(() => parseColumns('web=Link')).toThrow(
      /cần trường=Tên cột, trường là một trong id, name, type, district, province, website, parent, email/,
    );
    expect(() => parseColumns('website=')).toThrow('--columns: website=: thiếu tên cột / missing header');
  });
});
