// The legal documents the rules cite, once, so every rule quotes the same name and effective dates.
import type { Basis } from '../model/rule.js';

export interface LegalDocument {
  /** Short citation printed next to every result. */
  document: string;
  /** ISO date the document took effect. */
  from: string;
  /** ISO date it stopped applying, when known. */
  until?: string;
}

/** TT 22/2023/TT-BTTTT (31/12/2023): structure and technical requirements of state portals; EMC tag and label. */
export const TT_22_2023: LegalDocument = { document: 'Thông tư 22/2023/TT-BTTTT', from: '2024-04-05' };

/** HCM Sở GDĐT letter 4210/GDĐT-TTTT (16/12/2020): websites and e-mail of education units. */
export const CV_4210: LegalDocument = { document: 'Công văn 4210/GDĐT-TTTT (Sở GDĐT TP.HCM)', from: '2020-12-16' };

/**
 * NĐ 42/2022/NĐ-CP: information and online public services of state agencies. In force until 30/6/2026: repealed by
 * Decree 224/2026/NĐ-CP Điều 90 khoản 2 (docs/legal-basis.md). `until` is the last day it applied.
 */
export const ND_42_2022: LegalDocument = { document: 'Nghị định 42/2022/NĐ-CP', from: '2022-08-01', until: '2026-06-30' };

/** NĐ 224/2026/NĐ-CP (24/6/2026, effective 1/7/2026), detailing the Digital Transformation Law. */
export const ND_224_2026: LegalDocument = { document: 'Nghị định 224/2026/NĐ-CP', from: '2026-07-01' };

/** Luật Chuyển đổi số 148/2025/QH15 (effective 1/7/2026). */
export const LUAT_148_2025: LegalDocument = { document: 'Luật Chuyển đổi số 148/2025/QH15', from: '2026-07-01' };

/** QĐ 1682/QĐ-SGDĐT (21/12/2018) of the Quảng Trị Sở GDĐT: portal regulation, effective 1/1/2019. */
export const QD_1682_2018: LegalDocument = { document: 'Quyết định 1682/QĐ-SGDĐT (Sở GDĐT Quảng Trị)', from: '2019-01-01' };

/** TT 37/2020/TT-BGDĐT (05/10/2020): e-mail and portals of Sở, Phòng and schools. */
export const TT_37_2020: LegalDocument = { document: 'Thông tư 37/2020/TT-BGDĐT', from: '2020-11-20' };

/** TT 09/2024/TT-BGDĐT (03/6/2024, effective 19/7/2024): "công khai" in education institutions; replaces TT 36/2017. */
export const TT_09_2024: LegalDocument = { document: 'Thông tư 09/2024/TT-BGDĐT', from: '2024-07-19' };

/** Hải Phòng Sở GDĐT letter (2023) on reviewing websites, after CV 861/STTTT-TTra of 08/5/2023. */
export const HP_2023: LegalDocument = { document: 'Công văn Sở GDĐT Hải Phòng 2023 (rà soát trang thông tin điện tử)', from: '2023-05-08' };

/** Hải Phòng Sở GDĐT letter (2024) on the 2024 evaluation of portals, after CV 1612/STTTT-CNTT of 23/7/2024. */
export const HP_2024: LegalDocument = {
  document: 'Công văn Sở GDĐT Hải Phòng 2024 (đánh giá cổng/trang TTĐT năm 2024)',
  from: '2024-07-23',
};

/** TT 26/2020/TT-BTTTT (16/9/2020): accessibility standards for websites of state bodies; effective date to be confirmed. */
export const TT_26_2020: LegalDocument = { document: 'Thông tư 26/2020/TT-BTTTT', from: '2020-11-01' };

/** Where a provision stands on a date (ISO `YYYY-MM-DD`): `from` and `until` are both days it applies. */
export function basisStatus(b: Basis, date: string): 'in-force' | 'not-yet' | 'ended' {
  const day = date.slice(0, 10);
  if (day < b.from) return 'not-yet';
  if (b.until !== undefined && day > b.until) return 'ended';
  return 'in-force';
}

const STATUS_WORDS = {
  vi: { 'in-force': 'đang có hiệu lực', 'not-yet': 'chưa có hiệu lực', ended: 'hết hiệu lực' },
  en: { 'in-force': 'in force', 'not-yet': 'not yet in force', ended: 'no longer in force' },
} as const;

/** An ISO date (`YYYY-MM-DD…`) as a reader writes it: dd/mm/yyyy in Vietnamese, the ISO day in English. */
export function displayDay(iso: string, lang: 'vi' | 'en'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return lang === 'vi' ? `${m[3]}/${m[2]}/${m[1]}` : `${m[1]}-${m[2]}-${m[3]}`;
}

/** `Document, provision (từ 01/08/2022 đến 30/06/2026; hết hiệu lực ngày 15/11/2026)`: one basis line for reports. */
export function describeBasis(b: Basis, date: string, lang: 'vi' | 'en'): string {
  const w = lang === 'vi' ? { from: 'từ', until: 'đến', on: 'ngày' } : { from: 'from', until: 'until', on: 'on' };
  const day = (d: string): string => displayDay(d, lang);
  const span = `${w.from} ${day(b.from)}${b.until ? ` ${w.until} ${day(b.until)}` : ''}`;
  return `${b.document}, ${b.provision} (${span}; ${STATUS_WORDS[lang][basisStatus(b, date)]} ${w.on} ${day(date)})`;
}

/** One provision of a document, with the document's dates. */
export function cite(doc: LegalDocument, provision: string): Basis {
  return { document: doc.document, provision, from: doc.from, ...(doc.until ? { until: doc.until } : {}) };
}
