// `edu-audit registry check FILE`: one line per bad row and field (identical problems collapsed), warnings,
// a summary; exit 2 on any error, 0 when there are only warnings.
import { formatRegistryReport, parseColumns, readRegistry, ColumnsSyntaxError, type Lang } from '../registry/index.js';
import { UsageError } from '../options.js';

export interface RegistryCheckFlags {
  lang?: Lang;
  columns?: string;
}

export async function registryCheck(file: string, print: (line: string) => void, flags: RegistryCheckFlags = {}): Promise<number> {
  const lang = flags.lang ?? 'vi';
  const result = await readRegistry(file, { lang, columns: registryColumns(flags.columns) });
  // Errors carry FILE exactly as given, so editors and CI annotate the right path.
  const report = formatRegistryReport(result, lang);
  for (const line of report.lines) print(line);
  print(report.summary);
  return result.errors.length > 0 ? 2 : 0;
}

/** `--columns` text → overrides; a malformed one is bad usage (exit 2) before the file is read. */
export function registryColumns(spec: string | undefined): ReturnType<typeof parseColumns> {
  if (!spec) return {};
  try {
    return parseColumns(spec);
  } catch (error) {
    if (error instanceof ColumnsSyntaxError) throw new UsageError(error.message);
    throw error;
  }
}
