// `edu-audit demo`: serves the bundled fixture sites on 127.0.0.1 and audits the demo registry through
// --connect-to, so a newcomer sees a whole run with no network. The audit date is fixed (2026-11-15) so the
// date-based rules give the same verdicts whenever the demo is run.
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { startFixtureServer } from '../fixture-server/server.js';
import { readRegistry, formatRegistryError } from '../registry/index.js';
import { REPO_ROOT } from '../version.js';
import { formatSummary } from '../report/console-summary.js';
import { execute, prepare } from './execute.js';
import { FORMATS } from '../report/formats.js';

export const DEMO_REGISTRY = join(REPO_ROOT, 'fixtures', 'registries', 'demo.csv');
export const DEMO_NOW = '2026-11-15';

export async function demoCommand(cmd: Command): Promise<number> {
  const server = await startFixtureServer();
  try {
    const out = resolve((cmd.opts().out as string | undefined) ?? 'edu-audit-demo');
    // Re-running the demo replaces its previous run, but never a directory that is not a run directory.
    if (existsSync(join(out, 'run.json'))) await rm(out, { recursive: true, force: true });
    const prepared = await prepare(
      cmd,
      {
        out,
        connectTo: [...server.connectTo, ...((cmd.opts().connectTo as string[] | undefined) ?? [])],
        ca: [server.caFile, ...((cmd.opts().ca as string[] | undefined) ?? [])],
      },
      { now: DEMO_NOW, format: [...FORMATS] },
    );
    const registry = await readRegistry(DEMO_REGISTRY);
    if (registry.errors.length) {
      for (const e of registry.errors) console.error(formatRegistryError(e));
      return 2;
    }
    const { summary, rules } = await execute(prepared, registry);
    console.log(formatSummary(summary, rules, prepared.options.lang));
    return 0;
  } finally {
    await server.close();
  }
}
