import { describe, expect, it } from 'vitest';
import { RULES_BY_ID } from '../../rules/index.js';
import { ND_42_2022, basisStatus, cite, describeBasis } from '../../src/engine/basis.js';
import { rulesCommand } from '../../src/cli/rules-command.js';

describe('legal basis dates (catalogue v2)', () => {
  it('NĐ 42/2022 applies until 2026-06-30 inclusive, then no longer', () => {
    const b = cite(ND_42_2022, 'Điều 7');
    expect(b.until).toBe('2026-06-30');
    expect([basisStatus(b, '2026-06-30'), basisStatus(b, '2026-07-01'), basisStatus(b, '2022-07-31')]).toEqual([
      'in-force',
      'ended',
      'not-yet',
    ]);
    expect(describeBasis(b, '2026-11-15T00:00:00.000Z', 'vi')).toBe(
      'Nghị định 42/2022/NĐ-CP, Điều 7 (từ 01/08/2022 đến 30/06/2026; hết hiệu lực ngày 15/11/2026)',
    );
    // English keeps the ISO day
    expect(describeBasis(b, '2026-11-15T00:00:00.000Z', 'en')).toBe(
      'Nghị định 42/2022/NĐ-CP, Điều 7 (from 2022-08-01 until 2026-06-30; no longer in force on 2026-11-15)',
    );
  });

  it('TT 22/2023 and TT 37/2020 have no end; accessibility-basic cites Luật 148/2025 Điều 8 k7 from 2026-07-01', () => {
    const all = Object.values(RULES_BY_ID).flatMap((r) => r.meta.basis);
    for (const b of all.filter((x) => /22\/2023|37\/2020/.test(x.document))) expect(b.until).toBeUndefined();
    const luat = RULES_BY_ID['accessibility-basic']?.meta.basis.find((b) => b.document.includes('148/2025'));
    expect(luat).toMatchObject({ from: '2026-07-01', provision: expect.stringContaining('Điều 8 khoản 7') });
    expect(luat && basisStatus(luat, '2026-06-30')).toBe('not-yet');
  });

  it('edu-audit rules says which provisions are in force on the audit date', () => {
    const lines: string[] = [];
    rulesCommand('vi', false, (l) => lines.push(l), '2026-11-15');
    const text = lines.join('\n');
    expect(text).toContain('hiệu lực tính tại ngày 15/11/2026');
    expect(text).toMatch(
      /full-text-search[\s\S]*?Nghị định 42\/2022\/NĐ-CP, Điều 7 [^\n]*\(từ 01\/08\/2022 đến 30\/06\/2026; hết hiệu lực ngày 15\/11\/2026\)/,
    );
    expect(text).toMatch(/emc-tag[\s\S]*?Thông tư 22\/2023\/TT-BTTTT[^\n]*\(từ 05\/04\/2024; đang có hiệu lực ngày 15\/11\/2026\)/);
    // no ISO date is left in the Vietnamese list
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    const json: string[] = [];
    rulesCommand('en', true, (l) => json.push(l), '2026-05-01');
    const parsed = JSON.parse(json.join('')) as { rules: { id: string; basis: { document: string; status: string }[] }[] };
    const search = parsed.rules.find((r) => r.id === 'full-text-search');
    expect(search?.basis.find((b) => b.document.includes('42/2022'))?.status).toBe('in-force');
  });
});
