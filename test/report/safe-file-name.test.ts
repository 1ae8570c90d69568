import { describe, expect, it } from 'vitest';
import { FileNamer, MAX_STEM_BYTES, safeFileStem } from '../../src/report/pdf/safe-file-name.js';

describe('safeFileStem', () => {
  it('keeps an ordinary id or Vietnamese district name as it is, in NFC', () => {
    expect(safeFileStem('79760101')).toBe('79760101');
    expect(safeFileStem('Thành phố Thủ Đức')).toBe('Thành phố Thủ Đức');
    // decomposed input (windows-1258 decodes to combining marks) comes out composed
    expect(safeFileStem('Thu\u0309 \u0110u\u031b\u0301c')).toBe('Thủ Đức');
  });

  it('never lets a path separator, .., a control character or a Windows-forbidden character through', () => {
    expect(safeFileStem('Q.1/Thủ Đức')).toBe('Q.1_Thủ Đức');
    expect(safeFileStem('..\\..\\windows\\system32')).toBe('_.._windows_system32');
    expect(safeFileStem('../../etc/passwd')).toBe('_.._etc_passwd');
    expect(safeFileStem('..')).toBe('khong-ten');
    expect(safeFileStem('.')).toBe('khong-ten');
    expect(safeFileStem('.hidden')).toBe('hidden');
    expect(safeFileStem('a\u0000b\nc\u007fd\u0085e')).toBe('a_b_c_d_e');
    expect(safeFileStem('a<b>c:d"e|f?g*h')).toBe('a_b_c_d_e_f_g_h');
    expect(safeFileStem('abc\u202etxt.exe')).toBe('abc_txt.exe');
    expect(safeFileStem('  tên   có  khoảng trắng . ')).toBe('tên có khoảng trắng');
    expect(safeFileStem('')).toBe('khong-ten');
    for (const s of ['../x', 'a/b', 'C:\\x', '\u0000', '..', '/']) {
      const stem = safeFileStem(s);
      for (const bad of ['/', '\\', '\u0000']) expect(stem).not.toContain(bad);
      expect(stem).not.toBe('..');
      expect(stem.startsWith('.')).toBe(false);
    }
  });

  it('prefixes Windows device names, in any case and with any extension', () => {
    for (const name of ['CON', 'con', 'Nul', 'PRN', 'aux', 'COM1', 'com9', 'LPT1', 'lpt3', 'COM¹', 'CON.txt', 'nul.tar.gz', 'CON ']) {
      expect(safeFileStem(name), name).toBe(`_${name.trim()}`);
    }
    for (const name of ['CONSOLE', 'COM10', 'nullable', 'LPT', 'Côn']) expect(safeFileStem(name), name).toBe(name);
  });

  it('limits the length in UTF-8 bytes without cutting a character', () => {
    const long = 'Trường Trung học phổ thông chuyên '.repeat(10);
    const stem = safeFileStem(long);
    expect(Buffer.byteLength(stem)).toBeLessThanOrEqual(MAX_STEM_BYTES);
    expect(long.startsWith(stem)).toBe(true);
    expect(stem.endsWith(' ')).toBe(false);
    expect(Buffer.byteLength(safeFileStem('ữ'.repeat(200), 10))).toBe(9);
  });
});

describe('FileNamer', () => {
  it('never hands out the same file twice, even for ids that differ only by an unsafe character or by case', () => {
    const namer = new FileNamer('.pdf');
    const names = ['a/b', 'a_b', 'a\\b', 'A_B', 'CON', '_CON', 'x', 'x'].map((id) => namer.name(id));
    expect(names).toEqual(['a_b.pdf', 'a_b-2.pdf', 'a_b-3.pdf', 'A_B-4.pdf', '_CON.pdf', '_CON-2.pdf', 'x.pdf', 'x-2.pdf']);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  });

  it('keeps a suffixed name within the length limit', () => {
    const namer = new FileNamer('.pdf', 20);
    const long = 'đơn vị rất dài tên dài';
    const [first, second] = [namer.name(long), namer.name(long)];
    expect(first).not.toBe(second);
    for (const n of [first!, second!]) expect(Buffer.byteLength(n.replace(/\.pdf$/, ''))).toBeLessThanOrEqual(20);
    expect(second).toMatch(/-2\.pdf$/);
  });
});
