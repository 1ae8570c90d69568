// The benchmark fleet's units: unit i is host truong-<i, 5 digits>.bench.edu.vn; every 50th is a Phòng GDĐT that
// the next 49 schools name as their parent portal. What a unit's site shows (EMC tag, label, parent link) is a
// pure function of i, so the registry and the server agree without sharing state.
import { writeFile } from 'node:fs/promises';

/** The audit date the bench passes as --now: the generated news is dated relative to it. */
export const AUDIT_NOW = '2026-11-15T00:00:00Z';
export const HOST_SUFFIX = '.bench.edu.vn';

export const hostOf = (raw: string): string => raw.toLowerCase().replace(/:\d+$/, '');
export const hostFor = (i: number): string => `truong-${String(i).padStart(5, '0')}${HOST_SUFFIX}`;

export function unitIndexOf(host: string): number {
  const m = /^truong-(\d+)\./.exec(host);
  return m ? Number(m[1]) : 0;
}

const TYPES = ['tieu-hoc', 'thcs', 'thpt', 'mam-non'] as const;
const TYPE_NAMES: Record<(typeof TYPES)[number], string> = {
  'tieu-hoc': 'Trường Tiểu học',
  thcs: 'Trường THCS',
  thpt: 'Trường THPT',
  'mam-non': 'Trường Mầm non',
};
const PEOPLE = [
  'Nguyễn Huệ',
  'Lê Quý Đôn',
  'Trần Phú',
  'Võ Thị Sáu',
  'Kim Đồng',
  'Lý Tự Trọng',
  'Hai Bà Trưng',
  'Chu Văn An',
  'Hoa Mai',
  'Bình An',
];

export interface UnitSpec {
  id: string;
  name: string;
  type: string;
  district: string;
  parent?: string;
  parentName?: string;
  emcTag: boolean;
  emcLabel: boolean;
  parentLink: boolean;
}

/** A cheap integer hash, so features are spread over the fleet rather than striped. */
const mix = (i: number, salt: number): number => {
  let x = Math.imul(i ^ salt, 0x9e3779b1);
  x ^= x >>> 15;
  return (Math.imul(x, 0x85ebca6b) >>> 0) % 100;
};

export function unitSpec(i: number): UnitSpec {
  const pgd = i - (i % 50);
  const district = `Quận ${1 + ((pgd / 50) % 24)}`;
  const isPgd = i % 50 === 0;
  const type = isPgd ? 'phong' : TYPES[i % TYPES.length]!;
  const name = isPgd
    ? `Phòng Giáo dục và Đào tạo ${district} (${i})`
    : `${TYPE_NAMES[type as (typeof TYPES)[number]]} ${PEOPLE[i % PEOPLE.length]} số ${i}`;
  return {
    id: `B${String(i).padStart(6, '0')}`,
    name,
    type,
    district,
    ...(isPgd ? {} : { parent: `http://${hostFor(pgd)}/`, parentName: `Phòng Giáo dục và Đào tạo ${district}` }),
    emcTag: mix(i, 1) < 80,
    emcLabel: mix(i, 2) < 75,
    parentLink: mix(i, 3) < 85,
  };
}

const csvCell = (s: string): string => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** Writes the registry of units 0..n-1 (HTTP websites, reached through --connect-to). */
export async function writeRegistry(file: string, n: number): Promise<void> {
  const lines = ['id,name,type,district,province,website,parent,email'];
  for (let i = 0; i < n; i++) {
    const u = unitSpec(i);
    const host = hostFor(i);
    lines.push(
      [u.id, u.name, u.type, u.district, 'hcm', `http://${host}/`, u.parent ?? '', `${host.split('.')[0]}@bench.edu.vn`]
        .map(csvCell)
        .join(','),
    );
  }
  await writeFile(file, `${lines.join('\n')}\n`);
}
