// The map that says where an office's own workbook wants each value (`--template-map MAP.json`).
import { z } from 'zod';
import { readFile } from 'node:fs/promises';
import { UsageError } from '../../options.js';

const cellRef = z.string().regex(/^[A-Z]{1,3}[1-9]\d*$/, 'ô dạng A1 / a cell like A1');
const columnRef = z.string().regex(/^[A-Z]{1,3}$/, 'cột dạng A / a column like A');

export const templateMapSchema = z
  .object({
    /** Worksheet to fill (default: the first). */
    sheet: z.string().optional(),
    /** Output file name inside the run directory. */
    output: z
      .string()
      .regex(/^[^/\\]+\.xlsx$/)
      .default('report-template.xlsx'),
    /** Single cells: cell → value key (run-level keys, see TEMPLATE_RUN_KEYS). */
    cells: z.record(cellRef, z.string()).default({}),
    /** One row per unit from `startRow`, styled like `startRow`; column → value key (see TEMPLATE_UNIT_KEYS). */
    table: z
      .object({
        startRow: z.number().int().positive(),
        columns: z.record(columnRef, z.string()),
      })
      .optional(),
  })
  .strict();

export type TemplateMap = z.infer<typeof templateMapSchema>;

export const TEMPLATE_RUN_KEYS = [
  'auditDate',
  'ruleSetVersion',
  'registry',
  'units',
  'reachable',
  'averageScore',
  'grade:Tốt',
  'grade:Khá',
  'grade:Đạt',
  'grade:Chưa đạt',
  'grade:Chưa xác minh',
  'tool',
] as const;
export const TEMPLATE_UNIT_KEYS = [
  'stt',
  'id',
  'name',
  'type',
  'district',
  'website',
  'finalUrl',
  'title',
  'crawl',
  'score',
  'verified',
  'grade',
  'notes',
  'emcSiteId',
  'rule:<id>',
  'yesno:<id>',
] as const;

export async function loadTemplateMap(file: string): Promise<TemplateMap> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`${file}: không đọc được / cannot read: ${(error as Error).message}`);
  }
  const parsed = templateMapSchema.safeParse(raw);
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => `${file}: ${i.path.join('.') || '-'}: ${i.message}`).join('\n'));
  return parsed.data;
}
