// Runs the built CLI's `audit` as a child process (so its RSS is its own) against the fleet, sampling its RSS from
// /proc and the fleet's progress while it runs; and runs the bare loop and the report bench as children.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BareConfig, BareResult } from './bare-loop.js';
import type { Fleet } from './fleet/fleet.js';
import type { FleetStats } from './fleet/server.js';

const CLI = fileURLToPath(new URL('../../bin/edu-audit.js', import.meta.url));
const BARE = fileURLToPath(new URL('./bare-loop.js', import.meta.url));
const REPORT = fileURLToPath(new URL('./report-xlsx.js', import.meta.url));
const SAMPLE_MS = 200;

export interface Sample {
  ms: number;
  rss: number;
  hwm: number;
  units: number;
}

export interface AuditRun {
  ms: number;
  exitCode: number | null;
  timedOut: boolean;
  samples: Sample[];
  /** Peak RSS (VmHWM) of the audit process, bytes. */
  peak: number;
  stats: FleetStats;
  stderr: string;
}

/** VmRSS and VmHWM of a live process, in bytes; zeros once it is gone. */
function procMemory(pid: number): { rss: number; hwm: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name: string): number => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0) * 1024;
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return { rss: 0, hwm: 0 };
  }
}

function killAfter(child: ChildProcess, ms: number, onKill: () => void): NodeJS.Timeout {
  return setTimeout(() => {
    onKill();
    child.kill('SIGKILL');
  }, ms);
}

export interface AuditChildInput {
  registry: string;
  out: string;
  fleet: Fleet;
  args: string[];
  limitMs: number;
  /** --cpu-prof into this directory. */
  cpuProfDir?: string;
}

export async function auditChild(input: AuditChildInput): Promise<AuditRun> {
  const { fleet } = input;
  fleet.reset();
  const node = [...(input.cpuProfDir ? ['--cpu-prof', '--cpu-prof-dir', input.cpuProfDir] : [])];
  const args = [
    ...node,
    CLI,
    'audit',
    input.registry,
    '--out',
    input.out,
    '--connect-to',
    fleet.connectTo,
    '--now',
    '2026-11-15',
    '--no-progress',
    '--log-level',
    'error',
    ...input.args,
  ];
  const started = performance.now();
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => void (stderr = (stderr + d.toString()).slice(-4000)));
  let timedOut = false;
  const killer = killAfter(child, input.limitMs, () => void (timedOut = true));
  const samples: Sample[] = [];
  let peak = 0;
  let sampling = false;
  const sampler = setInterval(() => {
    if (sampling || !child.pid) return;
    sampling = true;
    const mem = procMemory(child.pid);
    void fleet.stats().then((s) => {
      if (mem.rss) samples.push({ ms: performance.now() - started, rss: mem.rss, hwm: mem.hwm, units: s.units });
      peak = Math.max(peak, mem.hwm);
      sampling = false;
    });
  }, SAMPLE_MS);
  const exitCode = await new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ms = performance.now() - started;
  clearInterval(sampler);
  clearTimeout(killer);
  return { ms, exitCode, timedOut, samples, peak, stats: await fleet.stats(), stderr };
}

/** RSS when the run had started `fraction` of its units (100 %: the last sample before it exited). */
export function rssAt(samples: readonly Sample[], units: number, fraction: number): number {
  if (fraction >= 1) return samples.at(-1)?.rss ?? 0;
  return samples.find((s) => s.units >= units * fraction)?.rss ?? 0;
}

export async function bareChild(config: BareConfig, limitMs: number): Promise<BareResult & { wallMs: number }> {
  const started = performance.now();
  const child = fork(BARE, [JSON.stringify(config)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const killer = killAfter(child, limitMs, () => undefined);
  let result: BareResult | undefined;
  child.on('message', (m: BareResult) => void (result = m));
  await new Promise((resolve) => child.once('exit', resolve));
  clearTimeout(killer);
  if (!result) throw new Error('bare loop exited without a result');
  return { ...result, wallMs: performance.now() - started };
}

export interface ReportRun {
  ms: number;
  output: string;
  peak: number;
}

/** bench/report-xlsx.js as a child: its own output (time, in-process peak RSS) and its VmHWM. */
export async function reportChild(units: number, limitMs: number): Promise<ReportRun> {
  const started = performance.now();
  const child = spawn(process.execPath, [REPORT, String(units)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => void (output += d.toString()));
  let peak = 0;
  const sampler = setInterval(() => void (child.pid && (peak = Math.max(peak, procMemory(child.pid).hwm))), SAMPLE_MS);
  const killer = killAfter(child, limitMs, () => undefined);
  await new Promise((resolve) => child.once('exit', resolve));
  clearInterval(sampler);
  clearTimeout(killer);
  return { ms: performance.now() - started, output: output.trim(), peak };
}
