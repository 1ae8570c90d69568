// `edu-audit audit REGISTRY`: refuses a registry with errors unless --skip-invalid, then runs the audit.
import type { Command } from 'commander';
import { readRegistry, formatRegistryError } from '../registry/index.js';
import { formatSummary } from '../report/console-summary.js';
import { execute, prepare } from './execute.js';
import { loadRunResults } from '../compare/load-run.js';
import { thresholdsStep } from './thresholds-step.js';

export async function auditCommand(registryFile: string, cmd: Command): Promise<number> {
  const prepared = await prepare(cmd);
  // a bad --baseline is bad usage (exit 2) found before any crawling, not after an hour of it
  const baseline = prepared.options.baseline ? await loadRunResults(prepared.options.baseline, '--baseline') : undefined;
  const registry = await readRegistry(registryFile);
  if (registry.errors.length) {
    for (const e of registry.errors) console.error(formatRegistryError(e));
    if (!prepared.options.skipInvalid || registry.units.length === 0) {
      console.error(`${registryFile}: ${registry.errors.length} lỗi trong danh sách; sửa lại hoặc dùng --skip-invalid / registry has errors; fix them or use --skip-invalid`);
      return 2;
    }
    prepared.logger.warn({ errors: registry.errors.length }, 'bỏ qua các dòng lỗi / skipping invalid rows');
  }
  const { summary, rules } = await execute(prepared, registry, baseline ? { baseline } : {});
  console.log(formatSummary(summary, rules, prepared.options.lang));
  return thresholdsStep(summary, prepared.options, baseline, (text) => console.log(text));
}
