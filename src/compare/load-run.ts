// Reads a finished run directory's results.json and checks it against the results schema, so `diff` and
// `--baseline` fail with a usage error (exit 2) before any crawling instead of comparing garbage.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunResults } from '../model/result.js';
import { UsageError } from '../options.js';
import { runResultsSchema } from '../store/results-schema.js';

export async function loadRunResults(dir: string, label: string): Promise<RunResults> {
  const file = join(dir, 'results.json');
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new UsageError(
      `${label}: ${file}: ${missing ? 'không có results.json; không phải thư mục kết quả đã hoàn tất / no results.json: not a finished run directory' : `không đọc được / cannot read: ${(error as Error).message}`}`,
    );
  }
  const parsed = runResultsSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `${label}: ${file}: ${i.path.join('.') || '-'}: ${i.message}`);
    throw new UsageError(issues.join('\n'));
  }
  // the schema strips keys it does not know; the run as written is what we compare
  return raw as RunResults;
}
