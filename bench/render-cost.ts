// The rendering figures of `npm run bench` (docs/rendering.md, "Cost"): what `--render always` costs on a small
// sample of the bench fleet (units/min against `--render never` on the same sample, and peak memory of the audit
// with its browser), and that `--render auto` renders nothing on the server-rendered bench fleet. The browser runs
// in processes of its own, so memory is read over the audit's whole process tree: the audit's own peak RSS
// (VmHWM) and the tree's peak proportional set size (PSS: pages shared between Chromium's processes counted once).
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Fleet } from './fleet/fleet.js';
import { startFleet } from './fleet/fleet.js';
import { writeRegistry } from './fleet/units.js';
import type { RunResults } from '../src/model/result.js';

const CLI = fileURLToPath(new URL('../../bin/edu-audit.js', import.meta.url));
const SAMPLE_MS = 250;
const MiB = 2 ** 20;

export interface RenderFigure {
  name: string;
  value: string;
  target: string;
  met: boolean;
  detail: string;
}

export interface RenderBenchInput {
  tmp: string;
  /** Units of the `--render always` sample (and of its `--render never` baseline). */
  renderUnits: number;
  /** Units of the `--render auto` run. */
  autoUnits: number;
  /** Extra audit flags (the bench's --per-ip and --audit-args). */
  args: string[];
  limitMs: number;
}

const kb = (text: string, name: string): number => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(text)?.[1] ?? 0) * 1024;

/** The pid and every descendant of it (from /proc/<pid>/stat's parent field). */
function processTree(root: number): number[] {
  const parent = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ')'
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parent.set(Number(name), ppid);
    } catch {
      // gone meanwhile
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) for (const [pid, ppid] of parent) if (ppid === tree[i]) tree.push(pid);
  return tree;
}

/** PSS of a process tree, bytes (0 for processes that left meanwhile). */
function treePss(root: number): number {
  let sum = 0;
  for (const pid of processTree(root)) {
    try {
      sum += kb(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'), 'Pss');
    } catch {
      // gone, or not readable
    }
  }
  return sum;
}

interface RenderRun {
  ms: number;
  exitCode: number | null;
  timedOut: boolean;
  /** VmHWM of the audit process. */
  nodePeak: number;
  /** Peak PSS of the audit and its browser processes. */
  treePeak: number;
  results?: RunResults;
  stderr: string;
}

async function audit(registry: string, out: string, fleet: Fleet, args: string[], limitMs: number): Promise<RenderRun> {
  fleet.reset();
  const argv = [
    CLI,
    'audit',
    registry,
    '--out',
    out,
    '--connect-to',
    fleet.connectTo,
    '--now',
    '2026-11-15',
    '--no-progress',
    '--log-level',
    'error',
    '--format',
    'json',
    ...args,
  ];
  const started = performance.now();
  const child = spawn(process.execPath, argv, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => void (stderr = (stderr + d.toString()).slice(-4000)));
  let timedOut = false;
  const killer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, limitMs);
  let nodePeak = 0;
  let treePeak = 0;
  const sampler = setInterval(() => {
    if (!child.pid) return;
    try {
      nodePeak = Math.max(nodePeak, kb(readFileSync(`/proc/${child.pid}/status`, 'utf8'), 'VmHWM'));
    } catch {
      // exited
    }
    treePeak = Math.max(treePeak, treePss(child.pid));
  }, SAMPLE_MS);
  const exitCode = await new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ms = performance.now() - started;
  clearInterval(sampler);
  clearTimeout(killer);
  const results = await readFile(join(out, 'results.json'), 'utf8').then(
    (t) => JSON.parse(t) as RunResults,
    () => undefined,
  );
  return { ms, exitCode, timedOut, nodePeak, treePeak, stderr, ...(results ? { results } : {}) };
}

const mib = (b: number): string => `${(b / MiB).toFixed(0)} MiB`;
const perMin = (units: number, ms: number): number => units / (ms / 60_000);
const rendered = (r: RenderRun): RunResults['units'] => (r.results?.units ?? []).filter((u) => u.crawl.rendered);
const failed = (r: RenderRun): string =>
  r.timedOut
    ? `killed after ${(r.ms / 1000).toFixed(0)} s`
    : r.exitCode !== 0 && r.exitCode !== 1
      ? `exit ${r.exitCode}: ${r.stderr.trim().split('\n').at(-1) ?? ''}`
      : '';

/** Both rendering figures, latency 0 (the cost of the browser, not of the network). */
export async function renderFigures(input: RenderBenchInput): Promise<RenderFigure[]> {
  const figures: RenderFigure[] = [];
  const fleet = await startFleet({ latencyMs: 0 });
  try {
    const n = input.renderUnits;
    const sample = join(input.tmp, `render-${n}.csv`);
    await writeRegistry(sample, n);
    console.log(`\nrender cost: ${n} units, latency 0, --format json ${input.args.join(' ')}; --render never, then --render always`);
    const never = await audit(sample, join(input.tmp, 'render-never'), fleet, [...input.args, '--render', 'never'], input.limitMs);
    const always = await audit(sample, join(input.tmp, 'render-always'), fleet, [...input.args, '--render', 'always'], input.limitMs);
    const done = rendered(always);
    const errors = done.filter((u) => u.crawl.rendered?.error);
    const problem = failed(never) || failed(always);
    figures.push({
      name: `--render always (${n} units)`,
      value: `${perMin(n, always.ms).toFixed(0)} units/min (--render never: ${perMin(n, never.ms).toFixed(0)}); peak ${mib(always.treePeak)} PSS with the browser`,
      target: 'every home page rendered, cost reported',
      met: !problem && done.length === n && errors.length === 0,
      detail:
        `${(always.ms / 1000).toFixed(1)} s vs ${(never.ms / 1000).toFixed(1)} s; rendered ${done.length}/${n} home pages, ${errors.length} render errors${errors[0] ? ` (${errors[0].crawl.rendered?.error})` : ''}; ` +
        `audit process peak RSS ${mib(always.nodePeak)} (--render never: ${mib(never.nodePeak)}), process tree peak PSS ${mib(always.treePeak)} (never: ${mib(never.treePeak)})${problem ? `; ${problem}` : ''}`,
    });

    const m = input.autoUnits;
    const autoSample = join(input.tmp, `render-auto-${m}.csv`);
    await writeRegistry(autoSample, m);
    console.log(`\nrender auto: ${m} units, latency 0, --render auto (the default) on the server-rendered fleet`);
    const auto = await audit(autoSample, join(input.tmp, 'render-auto'), fleet, [...input.args, '--render', 'auto'], input.limitMs);
    const autoRendered = rendered(auto);
    const autoProblem = failed(auto);
    figures.push({
      name: `--render auto (${m} units)`,
      value: `${autoRendered.length} rendered`,
      target: '0 rendered',
      met: !autoProblem && auto.results?.units.length === m && autoRendered.length === 0,
      detail:
        `${auto.results?.units.length ?? 0} units audited in ${(auto.ms / 1000).toFixed(1)} s; process tree peak PSS ${mib(auto.treePeak)}` +
        `${
          autoRendered.length
            ? `; rendered: ${autoRendered
                .slice(0, 5)
                .map((u) => `${u.id} (${u.crawl.rendered?.why})`)
                .join(', ')}`
            : ''
        }${autoProblem ? `; ${autoProblem}` : ''}`,
    });
  } finally {
    await fleet.close();
  }
  return figures;
}
