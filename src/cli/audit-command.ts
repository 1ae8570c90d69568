// `edu-audit audit REGISTRY`: refuses a registry with errors unless --skip-invalid, then runs the audit.
import type { Command } from 'commander';
import { formatRegistryReport, readRegistry, type RegistryReadResult } from '../registry/index.js';
import { msg, pick } from '../registry/messages.js';
import { formatSummary } from '../report/console-summary.js';
import { execute, prepare } from './execute.js';
import { loadRunResults } from '../compare/load-run.js';
import { thresholdsStep } from './thresholds-step.js';
import { registryColumns } from './registry-check.js';
import type { AuditOptions } from '../options.js';
import { RunInterrupted } from '../run/interrupted.js';
import { interruptedMessage, SIGNAL_EXIT, watchInterrupts } from './interrupt.js';

export async function auditCommand(registryFile: string, cmd: Command): Promise<number> {
  const prepared = await prepare(cmd);
  const { options } = prepared;
  // a bad --baseline is bad usage (exit 2) found before any crawling, not after an hour of it
  const baseline = options.baseline ? await loadRunResults(options.baseline, '--baseline') : undefined;
  const registry = await readRegistry(registryFile, { lang: options.lang, columns: registryColumns(options.columns) });
  if (!registryUsable(registry, options, (line) => console.error(line))) return 2;
  if (registry.errors.length) prepared.logger.warn({ errors: registry.errors.length }, 'bỏ qua các dòng lỗi / skipping invalid rows');
  const interrupts = watchInterrupts(options.lang, (line) => console.error(line));
  let ran: Awaited<ReturnType<typeof execute>>;
  try {
    ran = await execute(prepared, registry, { ...(baseline ? { baseline } : {}), signal: interrupts.signal });
  } catch (error) {
    const signal = interrupts.received();
    if (!(error instanceof RunInterrupted) || !signal) throw error;
    for (const line of interruptedMessage(error, signal, startArgs(cmd), options.lang)) console.error(line);
    return SIGNAL_EXIT[signal];
  } finally {
    interrupts.dispose();
  }
  const { summary, rules } = ran;
  console.log(formatSummary(summary, rules, options.lang));
  return thresholdsStep(summary, options, baseline, (text) => console.log(text));
}

/** The arguments after `edu-audit` as typed (commander keeps them), for the `--resume` command. */
function startArgs(cmd: Command): string[] {
  const program = cmd.parent as (Command & { rawArgs?: string[] }) | null;
  return (program?.rawArgs ?? process.argv).slice(2);
}

/**
 * Prints the registry's errors and warnings; false when the audit cannot start. `--skip-invalid` is suggested only
 * where it helps: not for a missing file, a wrong format or a header problem, nor when no row is valid.
 */
export function registryUsable(
  registry: RegistryReadResult,
  options: Pick<AuditOptions, 'lang' | 'skipInvalid'>,
  print: (line: string) => void,
): boolean {
  const report = formatRegistryReport(registry, options.lang);
  for (const line of report.lines) print(line);
  if (!registry.errors.length) return true;
  const hopeless = registry.fatal === true || registry.units.length === 0;
  if (options.skipInvalid && !hopeless) return true;
  const n = registry.errors.length;
  print(`${registry.file}: ${pick(hopeless ? msg.refused(n) : msg.refusedSkippable(n), options.lang)}`);
  return false;
}
