import { describe, expect, it } from 'vitest';
import { sameHost } from '../../src/util/hosts.js';
import type { Unit, UnitType } from '../../src/model/unit.js';
import { buildRegistryIndex, readRegistry } from '../../src/registry/index.js';
import { fixture } from './helpers.js';

let row = 1;
const unit = (id: string, type: UnitType, website?: string, parent?: string): Unit => ({
  id,
  name: id,
  type,
  district: 'Quận 1',
  province: ['hcm'],
  ...(website ? { website } : {}),
  ...(parent ? { parent } : {}),
  source: { file: 'mem', row: ++row },
});

describe('buildRegistryIndex', () => {
  it('finds children by parent host, ignoring scheme, www. and path', () => {
    const so = unit('so', 'so', 'https://hcm.edu.vn/');
    const phong = unit('phong', 'phong', 'https://www.pgdquan1.hcm.edu.vn/', 'http://www.hcm.edu.vn/gioi-thieu');
    const a = unit('a', 'thpt', 'https://a.hcm.edu.vn/', 'https://hcm.edu.vn/');
    const b = unit('b', 'thcs', undefined, 'http://pgdquan1.hcm.edu.vn/');
    const c = unit('c', 'tieu-hoc', 'https://c.hcm.edu.vn/', 'https://pgdquan1.hcm.edu.vn/');
    const orphan = unit('orphan', 'khac', 'https://x.hcm.edu.vn/');
    const index = buildRegistryIndex([so, phong, a, b, c, orphan]);
    expect(index.childrenOf(so).map((u) => u.id)).toEqual(['phong', 'a']);
    expect(index.childrenOf(phong).map((u) => u.id)).toEqual(['b', 'c']);
    expect(index.childrenOf(a)).toEqual([]);
    expect(index.childrenOf(b)).toEqual([]); // no website: no children
    expect(index.units).toHaveLength(6);
  });

  it('is not fooled by look-alike hosts and does not make a unit its own child', () => {
    const so = unit('so', 'so', 'https://hcm.edu.vn/', 'https://hcm.edu.vn/');
    const fake = unit('fake', 'thpt', 'https://f.edu.vn/', 'https://hcm.edu.vn.example.com/');
    const sub = unit('sub', 'thpt', 'https://s.edu.vn/', 'https://sub.hcm.edu.vn/');
    expect(buildRegistryIndex([so, fake, sub]).childrenOf(so)).toEqual([]);
  });

  it('agrees with sameHost on a fixture registry', async () => {
    const { units } = await readRegistry(fixture('valid-en.csv'));
    const index = buildRegistryIndex(units);
    for (const u of units) {
      const expected = units.filter((c) => c !== u && u.website && c.parent && sameHost(c.parent, u.website));
      expect(index.childrenOf(u)).toEqual(expected);
    }
    const so = units.find((u) => u.type === 'so');
    expect(so && index.childrenOf(so).map((u) => u.id)).toEqual(['79000760', '79000101']);
  });

  it('answers thousands of units', () => {
    const so = unit('so', 'so', 'https://hcm.edu.vn/');
    const schools = Array.from({ length: 5000 }, (_, i) => unit(`s${i}`, 'thpt', `https://s${i}.hcm.edu.vn/`, 'https://hcm.edu.vn/'));
    const index = buildRegistryIndex([so, ...schools]);
    expect(index.childrenOf(so)).toHaveLength(5000);
    for (const s of schools) expect(index.childrenOf(s)).toHaveLength(0);
  });
});
