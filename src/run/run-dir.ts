// Where a run writes: a dated directory by default, refused when it already holds results unless resuming.
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from '../options.js';

export function defaultRunDir(now = new Date()): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `edu-audit-${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`;
}

/** A fresh run refuses a directory that already holds results; `--resume` requires one that has run.json. */
export async function prepareRunDir(dir: string, resume: boolean): Promise<void> {
  await mkdir(dir, { recursive: true });
  if (resume) return;
  const existing = await stat(join(dir, 'results.jsonl')).catch(() => undefined);
  if (existing && existing.size > 0) {
    throw new UsageError(
      `${dir}: thư mục đã có kết quả; dùng --resume để tiếp tục hoặc chọn --out khác / the directory already holds results; use --resume to continue or choose another --out`,
    );
  }
}
