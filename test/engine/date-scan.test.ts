import { describe, expect, it } from 'vitest';
import { findDates, foldForMatching, matchesWhere } from '../../src/engine/dates.js';
import { contentText } from '../../src/engine/dated-items.js';
import { parseHtml } from '../../src/collect/parse.js';
import { stripDiacritics } from '../../src/util/text.js';

// The date patterns as findDates matched them before it tried them only where their digits are (src/engine/dates.ts):
// the scan must give exactly what text.matchAll gave.
const DMY = /(?:(?<![\p{L}\p{N}/.-])|(?<=\p{L})(?=\d{1,2}\/))(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?![\p{N}]|[/.-]\p{N}|\/\p{L}|-\p{Lu})/gu;
const ISO = /(?<![\p{L}\p{N}/.-])(\d{4})-(\d{2})-(\d{2})(?![\p{N}]|-\p{N})/gu;
const CORES: [RegExp, RegExp][] = [
  [DMY, /\d{1,2}([/.-])\d{1,2}\1\d{4}/g],
  [ISO, /\d{4}-\d{2}-\d{2}/g],
];
const shape = (ms: Iterable<RegExpMatchArray>): [number | undefined, string[]][] => [...ms].map((m) => [m.index, [...m]]);

function seeded(seed: number): () => number {
  let x = seed;
  return () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32;
}

describe('date patterns tried where their digits are', () => {
  it('give what matchAll gives, on random texts of digits, separators, letters and marks', () => {
    const r = seeded(7);
    const alphabet = [
      '1',
      '2',
      '0',
      '9',
      '3',
      '/',
      '.',
      '-',
      ' ',
      'a',
      'Đ',
      'ă',
      'Q',
      '\u0301',
      '😀',
      '2026',
      '11',
      '/2026',
      '-11-',
      '15/11/2026',
    ];
    for (let n = 0; n < 4000; n++) {
      const text = Array.from({ length: 1 + Math.floor(r() * 14) }, () => alphabet[Math.floor(r() * alphabet.length)]).join('');
      for (const [full, core] of CORES) {
        expect(shape(matchesWhere(text, core, new RegExp(full.source, 'uy'))), text).toEqual(shape(text.matchAll(full)));
      }
    }
  });

  it('keeps document numbers and dates written against words apart, as before', () => {
    const found = findDates('Ngày15/11/2026, 1.2.2020.1, 15/11/2026/QĐ-UBND, 2026-11-14T08:15, v12-11-2026x, 3/4/2025 và 2025-13-01');
    expect(found.map((d) => [d.raw, d.iso, d.index])).toEqual([
      ['15/11/2026', '2026-11-15', 4],
      ['2026-11-14', '2026-11-14', 48],
      ['3/4/2025', '2025-04-03', 80],
    ]);
  });
});

describe('folds and content texts remembered', () => {
  it('folds each long text itself, whatever was folded before', () => {
    // the same length, so a fold remembered by anything but the whole text would be given to the other
    const a = 'Ngày 3 tháng 11 năm 2026, '.repeat(60);
    const b = 'NGÀY 4 THÁNG 12 NĂM 2025, '.repeat(60);
    expect(a.length).toBe(b.length);
    for (const t of [a, b, a, b]) expect(foldForMatching(t)).toBe(stripDiacritics(t).toLowerCase());
    expect(findDates(a)[0]?.iso).toBe('2026-11-03');
    expect(findDates(b)[0]?.iso).toBe('2025-12-04');
    expect(findDates(a)[0]?.iso).toBe('2026-11-03');
  });

  it('gives a page the content text of the widget list asked for', () => {
    const $ = parseHtml(
      '<html><body><div class="clock">Hôm nay 15/11/2026</div><div class="news"><p>Tin ngày 02/11/2026</p></div></body></html>',
    );
    const withClock = contentText($, []);
    const withoutClock = contentText($, ['clock']);
    expect(withClock.text).toContain('15/11/2026');
    expect(withoutClock.text).not.toContain('15/11/2026');
    expect(withoutClock.text).toContain('02/11/2026');
    expect(contentText($, ['clock'])).toBe(withoutClock); // built once per page and list
  });
});
