// One `--exemptions` entry as zod validates it: who is exempt from which rule, why, who approved it, until when.
import { z } from 'zod';

const required = z.string().trim().min(1, 'bắt buộc / required');

/** `YYYY-MM-DD`, or `dd/mm/yyyy` as a Vietnamese spreadsheet writes it; normalised to ISO. */
const date = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
    const iso = vn ? `${vn[3]}-${vn[2]!.padStart(2, '0')}-${vn[1]!.padStart(2, '0')}` : value;
    const d = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T00:00:00Z`) : undefined;
    // Date rolls 2026-02-30 over to March; comparing back catches impossible days
    if (!d || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) {
      ctx.addIssue({
        code: 'custom',
        message: `ngày không hợp lệ, cần YYYY-MM-DD hoặc dd/mm/yyyy / invalid date, expected YYYY-MM-DD or dd/mm/yyyy: ${value || '(trống / empty)'}`,
      });
      return z.NEVER;
    }
    return iso;
  });

export const exemptionSchema = z.object({
  unit: required,
  rule: required,
  reason: required,
  approvedBy: required,
  until: date,
});

export type ExemptionFields = z.infer<typeof exemptionSchema>;
export const EXEMPTION_FIELDS = ['unit', 'rule', 'reason', 'approvedBy', 'until'] as const satisfies readonly (keyof ExemptionFields)[];

export interface ExemptionEntry extends ExemptionFields {
  /** FILE:ROW, for warnings and errors. */
  source: string;
}

/** Header or key → field: English (`approved_by`, `approvedBy`) and Vietnamese (`nguoi_duyet`, `Người duyệt`). */
const ALIASES: Record<string, keyof ExemptionFields> = {
  unit: 'unit',
  unitid: 'unit',
  madonvi: 'unit',
  id: 'unit',
  rule: 'rule',
  ruleid: 'rule',
  quytac: 'rule',
  reason: 'reason',
  lydo: 'reason',
  approvedby: 'approvedBy',
  nguoiduyet: 'approvedBy',
  until: 'until',
  handen: 'until',
};

/** Lower case, no diacritics, letters and digits only, so `Mã đơn vị`, `ma_don_vi` and `MA-DON-VI` all match. */
export function fieldOfHeader(header: string): keyof ExemptionFields | undefined {
  const key = header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
  return ALIASES[key];
}
