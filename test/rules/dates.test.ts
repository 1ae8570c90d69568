import { describe, expect, it } from 'vitest';
import {
  auditDay,
  daysBefore,
  findDates,
  findNamedYears,
  findSchoolYears,
  formatViDate,
  isPlausiblePublished,
  makeDate,
  newestPlausible,
  parseDateValue,
  schoolYearStart,
} from '../../src/engine/dates.js';

const isos = (text: string): string[] => findDates(text).map((d) => d.iso);
const NOW = new Date('2026-11-15T02:00:00Z');

describe('dates', () => {
  it('reads dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy and dd.mm.yyyy', () => {
    expect(isos('Đăng ngày 15/11/2026')).toEqual(['2026-11-15']);
    expect(isos('cập nhật 3/9/2026 lúc 7 giờ')).toEqual(['2026-09-03']);
    expect(isos('(14-11-2026)')).toEqual(['2026-11-14']);
    expect(isos('Ngày 25.05.2023.')).toEqual(['2023-05-25']);
    expect(isos('Thứ hai, 03/11/2026 08:15')).toEqual(['2026-11-03']);
  });

  it('reads d/m/yyyy and d-m-yyyy without leading zeros, with a weekday and a time (catalogue v2)', () => {
    expect(isos('Thứ hai, 14/9/2026, 12:19')).toEqual(['2026-09-14']);
    expect(findDates('Thứ hai, 14/9/2026, 12:19')[0]?.raw).toBe('14/9/2026');
    expect(isos('Chủ nhật, 6-9-2026 07:05')).toEqual(['2026-09-06']);
    expect(isos('Thứ Năm,1/10/2026 - 08:00')).toEqual(['2026-10-01']);
    expect(isos('Cập nhật:2/1/2026|9:05')).toEqual(['2026-01-02']);
    expect(isos('(Thứ 7, 5/9/2026 lúc 7h30)')).toEqual(['2026-09-05']);
    expect(isos('14/9/2026 12:19:05 SA')).toEqual(['2026-09-14']);
    expect(isos('T2, 7-9-2026')).toEqual(['2026-09-07']);
  });

  it('reads a slash date glued to the word before it, but not dash or dot identifiers', () => {
    expect(isos('Đăng ngày15/11/2026')).toEqual(['2026-11-15']);
    expect(isos('Cập nhật lúc 08:15 ngày3/9/2026')).toEqual(['2026-09-03']);
    expect(isos('v12-11-2026x')).toEqual([]);
    expect(isos('bản1.2.2020')).toEqual([]);
    expect(isos('QĐ15/11/2026/QĐ-UBND')).toEqual([]);
  });

  it('reads ISO dates and date-times, and <time datetime> values', () => {
    expect(isos('2026-11-14')).toEqual(['2026-11-14']);
    expect(isos('published 2026-11-14T08:15:00+07:00')).toEqual(['2026-11-14']);
    expect(isos('2026-11-14 08:15')).toEqual(['2026-11-14']);
    expect(parseDateValue(' 2026-07-20T08:15:00+07:00 ')?.toISOString()).toBe('2026-07-20T00:00:00.000Z');
    expect(parseDateValue('tomorrow')).toBeUndefined();
  });

  it('reads "ngày d tháng m năm yyyy" with or without diacritics, in any case', () => {
    expect(isos('Thứ Hai, ngày 3 tháng 11 năm 2026')).toEqual(['2026-11-03']);
    expect(isos('Ngay 20 thang 10 nam 2026')).toEqual(['2026-10-20']);
    expect(isos('NGÀY 05 THÁNG 9 NĂM 2026')).toEqual(['2026-09-05']);
    const d = findDates('Hà Nội, ngày 3 tháng 11 năm 2026')[0];
    expect(d?.raw).toBe('ngày 3 tháng 11 năm 2026');
  });

  it('rejects impossible dates', () => {
    expect(isos('31/02/2026')).toEqual([]);
    expect(isos('29/02/2025 và 29/02/2024')).toEqual(['2024-02-29']);
    expect(isos('15/13/2026')).toEqual([]);
    expect(isos('2026-02-30')).toEqual([]);
    expect(isos('ngày 32 tháng 1 năm 2026')).toEqual([]);
    expect(makeDate(2026, 4, 31)).toBeUndefined();
    expect(makeDate(1900, 1, 1)).toBeUndefined();
  });

  it('does not take document numbers for dates', () => {
    expect(isos('Công văn 4210/GDĐT-TTTT')).toEqual([]);
    expect(isos('Thông tư 37/2020/TT-BGDĐT')).toEqual([]);
    expect(isos('Quyết định 15/11/2026/QĐ-UBND')).toEqual([]);
    expect(isos('số 12-11-2026-KH')).toEqual([]);
    expect(isos('phiên bản 1.2.2020.4')).toEqual([]);
    expect(isos('Quyết định 123/QĐ-SGDĐT ngày 15/11/2026')).toEqual(['2026-11-15']);
  });

  it('keeps dates up to two days after the audit day, not later ones', () => {
    expect(isPlausiblePublished(new Date('2026-11-17T00:00:00Z'), NOW)).toBe(true);
    expect(isPlausiblePublished(new Date('2026-11-18T00:00:00Z'), NOW)).toBe(false);
    const found = findDates('Hạn nộp 30/12/2026; đăng ngày 10/11/2026; lịch 16/11/2026');
    expect(newestPlausible(found, NOW)?.iso).toBe('2026-11-16');
    expect(newestPlausible(found, NOW, 0)?.iso).toBe('2026-11-10');
  });

  it('counts days on the Vietnamese calendar day of the audit', () => {
    expect(formatViDate(auditDay(new Date('2026-11-14T18:00:00Z')))).toBe('15/11/2026');
    expect(daysBefore(new Date('2026-11-10T00:00:00Z'), NOW)).toBe(5);
    expect(daysBefore(new Date('2026-08-17T00:00:00Z'), NOW)).toBe(90);
  });

  it('turns the school year on 1 September', () => {
    expect(schoolYearStart(new Date('2026-08-31T12:00:00Z'))).toBe(2025);
    expect(schoolYearStart(new Date('2026-09-01T03:00:00Z'))).toBe(2026);
    expect(schoolYearStart(NOW)).toBe(2026);
  });

  it('reads school years, with or without "năm học", and not periods or document numbers', () => {
    const starts = (t: string): number[] => findSchoolYears(t).map((s) => s.start);
    expect(starts('Công khai năm học 2025-2026')).toEqual([2025]);
    expect(starts('Kế hoạch 2025 - 2026')).toEqual([2025]);
    expect(starts('NĂM HỌC 2026–2027')).toEqual([2026]);
    expect(starts('nam hoc 2024-25')).toEqual([2024]);
    expect(starts('giai đoạn 2021-2025')).toEqual([]);
    expect(starts('số 2025-2026/KH')).toEqual([]);
  });

  it('reads named calendar years but not bare years or school years', () => {
    const years = (t: string): number[] => findNamedYears(t).map((y) => y.year);
    expect(years('Dự toán ngân sách năm 2026')).toEqual([2026]);
    expect(years('công khai tài chính nam 2025')).toEqual([2025]);
    expect(years('năm tài chính 2026')).toEqual([2026]);
    expect(years('năm học 2025-2026')).toEqual([]);
    expect(years('Thông tư 09/2026/TT-BGDĐT')).toEqual([]);
    expect(years('năm 2025 - 2026')).toEqual([]);
  });
});
