import { describe, expect, it } from 'vitest';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadExemptions, parseExemptions } from '../../src/exemptions/read-exemptions.js';
import { UsageError } from '../../src/options.js';

describe('parseExemptions', () => {
  it('reads CSV with English headers', () => {
    const { entries, errors } = parseExemptions(
      'ex.csv',
      'unit,rule,reason,approved_by,until\n79760101,emc-tag,Chờ Sở cấp mã EMC,Nguyễn Văn A,2027-06-30\n',
    );
    expect(errors).toEqual([]);
    expect(entries).toEqual([
      {
        unit: '79760101',
        rule: 'emc-tag',
        reason: 'Chờ Sở cấp mã EMC',
        approvedBy: 'Nguyễn Văn A',
        until: '2027-06-30',
        source: 'ex.csv:2',
      },
    ]);
  });

  it('reads Vietnamese headers (with or without diacritics), a semicolon CSV with BOM, and dd/mm/yyyy dates', () => {
    const csv = '\uFEFFMã đơn vị;Quy tắc;Lý do;Người duyệt;Hạn đến\n79760101;https;Máy chủ cũ, đang chuyển;Trưởng phòng;31/12/2026\n\n';
    const { entries, errors } = parseExemptions('mien-tru.csv', csv);
    expect(errors).toEqual([]);
    expect(entries[0]).toMatchObject({ unit: '79760101', rule: 'https', approvedBy: 'Trưởng phòng', until: '2026-12-31' });
    const plain = parseExemptions('m.csv', 'ma_don_vi,quy_tac,ly_do,nguoi_duyet,han_den\nA,emc-tag,x,y,2027-01-01\n');
    expect(plain.entries).toHaveLength(1);
  });

  it('reads a JSON array, unit ids written as numbers included', () => {
    const { entries, errors } = parseExemptions(
      'ex.json',
      JSON.stringify([{ unit: 79760101, rule: 'emc-tag', reason: 'r', approvedBy: 'a', until: '2027-01-01' }]),
    );
    expect(errors).toEqual([]);
    expect(entries[0]).toMatchObject({ unit: '79760101', source: 'ex.json:1' });
  });

  it('names every bad row and field as FILE:ROW: field: problem', () => {
    const csv = [
      'unit,rule,reason,approved_by,until',
      'A,emc-tag,,Trưởng phòng,2027-01-01', // row 2: empty reason
      'B,emc-tag,r,a,2027-02-30', // row 3: impossible date
      'C,emc-tag,r,a,2027-01-01',
      'C,emc-tag,r again,a,2027-03-01', // row 5: duplicate of row 4
    ].join('\n');
    const { errors, entries } = parseExemptions('ex.csv', csv);
    expect(errors).toEqual([
      'ex.csv:2: reason: bắt buộc / required',
      expect.stringMatching(/^ex\.csv:3: until: ngày không hợp lệ.*2027-02-30$/),
      'ex.csv:5: unit: trùng đơn vị và quy tắc với dòng 4 / same unit and rule as row 4',
    ]);
    expect(entries.map((e) => e.unit)).toEqual(['C']);
    const json = parseExemptions('ex.json', JSON.stringify([{ unit: 'A', rule: 'x', reason: 'r', until: '2027-01-01' }]));
    expect(json.errors).toEqual(['ex.json:1: approvedBy: bắt buộc / required']);
  });

  it('names missing columns on row 1', () => {
    expect(parseExemptions('ex.csv', 'unit,rule,reason\nA,b,c\n').errors).toEqual([
      expect.stringMatching(/^ex\.csv:1: approvedBy, until: thiếu cột \/ missing column/),
    ]);
  });

  it('makes one usage error of all problems when loading a file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'edu-ex-'));
    const file = join(dir, 'ex.csv');
    await writeFile(file, 'unit,rule,reason,approved_by,until\nA,emc-tag,r,a,sometime\n');
    await expect(loadExemptions(file)).rejects.toThrow(UsageError);
    await expect(loadExemptions(file)).rejects.toThrow(`${file}:2: until:`);
  });
});
