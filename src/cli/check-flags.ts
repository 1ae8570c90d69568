// `check` shares the crawl flags of `audit` but judges one site once: the flags about fleets, re-checks and
// resuming mean nothing there, so its --help must not offer them (`check --resume` used to fail on a temp path).
import type { Command } from 'commander';

const AUDIT_ONLY = new Set([
  '--concurrency',
  '--per-ip',
  '--workers',
  '--page-memory',
  '--template',
  '--template-map',
  '--save-artifacts',
  '--recheck-changed',
  '--recheck-unverified',
  '--recheck-delay',
  '--resume',
  '--no-progress',
  '--exemptions',
  '--baseline',
  '--fail-under',
  '--fail-on',
  '--shard',
  '--shards',
  '--skip-invalid',
  '--columns',
]);

/** Drops the audit-only options from `cmd` (flags added to the shared list later stay, unless listed here). */
export function onlyCheckFlags(cmd: Command): Command {
  const options = cmd.options as unknown as { long?: string }[];
  for (let i = options.length - 1; i >= 0; i -= 1) if (AUDIT_ONLY.has(options[i]?.long ?? '')) options.splice(i, 1);
  return cmd;
}

/** A shared option described for this command (demo's --out has its own default). */
export function describeOption(cmd: Command, long: string, description: string): Command {
  const option = cmd.options.find((o) => o.long === long);
  if (option) option.description = description;
  return cmd;
}
