// A fingerprint of what an audit finds, for CPU work that must not change a verdict: audits N bench-fleet units
// (latency 0) and the demo fleet with the built CLI, and hashes every unit's results line (findings, messages,
// evidence, facts, score; not its timings) and every evidence snapshot. Same hash before and after = same findings.
//   node dist-bench/bench/findings-hash.js [--units 30] [--keep DIR]   (--hash-only DIR: the runs a --keep left there)
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { startFleet } from './fleet/fleet.js';
import { AUDIT_NOW, writeRegistry } from './fleet/units.js';

const CLI = fileURLToPath(new URL('../../bin/edu-audit.js', import.meta.url));
const { values: flags } = parseArgs({
  options: { units: { type: 'string', default: '30' }, keep: { type: 'string' }, 'hash-only': { type: 'string' } },
});

function cli(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`edu-audit ${args[0]} exited with ${code}`))));
  });
}

/** The run's results without what depends on the clock, one line per unit in id order, and its snapshots. */
async function fingerprint(out: string): Promise<{ hash: string; units: number; snapshots: number }> {
  const lines = (await readFile(join(out, 'results.jsonl'), 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const unit = JSON.parse(l) as {
        id: string;
        auditedAt?: unknown;
        crawl?: { durationMs?: unknown };
        timings?: Record<string, unknown>;
      };
      delete unit.auditedAt;
      if (unit.crawl) delete unit.crawl.durationMs;
      // a rendered home page's paint and load times (and whether they were within the thresholds) are measured
      for (const k of ['fcpMs', 'lcpMs', 'loadMs', 'withinThresholds']) delete unit.timings?.[k];
      return [unit.id, JSON.stringify(unit)] as const;
    })
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const hash = createHash('sha256');
  for (const [, line] of lines) hash.update(line).update('\n');
  const names = (await readdir(join(out, 'evidence')).catch(() => [] as string[])).sort();
  for (const name of names) {
    const bytes = await readFile(join(out, 'evidence', name));
    if (name === 'index.jsonl') {
      // the snapshot index, in the order units finished, with the fetch times
      const index = bytes
        .toString('utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => {
          const entry = JSON.parse(l) as { fetchedAt?: unknown };
          delete entry.fetchedAt;
          return JSON.stringify(entry);
        })
        .sort();
      hash.update(name).update(index.join('\n'));
    } else hash.update(name).update(name.endsWith('.gz') ? gunzipSync(bytes) : bytes);
  }
  return { hash: hash.digest('hex'), units: lines.length, snapshots: names.length };
}

if (flags['hash-only']) {
  for (const run of ['fleet', 'demo']) {
    const f = await fingerprint(join(flags['hash-only'], run));
    console.log(`${run}: ${f.hash} (${f.units} units, ${f.snapshots} snapshots)`);
  }
  process.exit(0);
}
const tmp = flags.keep ?? (await mkdtemp(join(tmpdir(), 'edu-audit-hash-')));
try {
  const registry = join(tmp, 'fleet.csv');
  await writeRegistry(registry, Number(flags.units));
  const fleet = await startFleet({ latencyMs: 0 });
  try {
    await cli([
      'audit',
      registry,
      '--out',
      join(tmp, 'fleet'),
      '--connect-to',
      fleet.connectTo,
      '--now',
      AUDIT_NOW.slice(0, 10),
      '--no-progress',
      '--log-level',
      'error',
      '--format',
      'json',
      '--per-ip',
      '64',
    ]);
  } finally {
    await fleet.close();
  }
  await cli(['demo', '--out', join(tmp, 'demo'), '--format', 'json', '--no-progress', '--log-level', 'error']);
  for (const run of ['fleet', 'demo']) {
    const f = await fingerprint(join(tmp, run));
    console.log(`${run}: ${f.hash} (${f.units} units, ${f.snapshots} snapshots)`);
  }
} finally {
  if (!flags.keep) await rm(tmp, { recursive: true, force: true });
}
