// `npm run bench`: the pipeline's figures against the simulated fleet (bench/fleet), each with its target, measured
// in this run. Default sizes fit a 10-minute budget on 2 cores; --full runs the sizes of issue 7. See bench/README.md.
//   node dist-bench/bench/run.js [--full] [--runs 3] [--only floor,scale,memory,report,render] [--keep]
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startFleet } from './fleet/fleet.js';
import { writeRegistry } from './fleet/units.js';
import { auditChild, bareChild, reportChild, rssAt, type AuditRun } from './measure.js';
import { renderFigures } from './render-cost.js';

const { values: flags } = parseArgs({
  options: {
    full: { type: 'boolean', default: false },
    runs: { type: 'string', default: '3' },
    only: { type: 'string', default: 'floor,scale,memory,report,render' },
    keep: { type: 'boolean', default: false },
    latency: { type: 'string', default: '200' },
    bandwidth: { type: 'string', default: '0' },
    'per-ip': { type: 'string', default: '64' },
    'cpu-prof': { type: 'string' },
    /** Extra audit flags for every audit child, e.g. --audit-args="--page-memory 24". */
    'audit-args': { type: 'string', default: '' },
  },
});

const full = flags.full;
const SIZES = full
  ? { floor: 1000, scale: 2000, memory: 10_000, memory5: 50_000, report: 50_000, render: 100, renderAuto: 1000 }
  : { floor: 60, scale: 300, memory: 150, memory5: 500, report: 50_000, render: 10, renderAuto: 60 };
const RUNS = Math.max(1, Number(flags.runs));
const PHASES = new Set(flags.only.split(','));
const LATENCY = Number(flags.latency);
const BANDWIDTH = Number(flags.bandwidth);
// Every fleet host sits on 127.0.0.1, so the per-IP politeness limit (16, meant for shared hosting) would cap the
// whole fleet at 16 requests in flight: a fact of the simulation, not of a real registry spread over many IPs.
// 64 = 32 units × 2 per host, so the per-host and unit limits govern, as they do on a real fleet.
const PER_IP = ['--per-ip', flags['per-ip'], ...flags['audit-args'].split(/\s+/).filter(Boolean)];
const CHILD_LIMIT_MS = full ? 90 * 60_000 : 5 * 60_000;
const MiB = 2 ** 20;
const mib = (b: number): string => `${(b / MiB).toFixed(0)} MiB`;
const secs = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

interface Figure {
  name: string;
  value: string;
  target: string;
  met: boolean;
  detail: string;
}
const figures: Figure[] = [];
function report(f: Figure): void {
  figures.push(f);
  console.log(`  ${f.name}: ${f.value}  (target ${f.target}: ${f.met ? 'MET' : 'NOT MET'})\n    ${f.detail}`);
}

/** A run directory is deleted once measured (large at --full sizes), unless --keep. */
async function dropRun(name: string): Promise<void> {
  if (!flags.keep) await rm(join(tmp, name), { recursive: true, force: true });
}

function checkRun(what: string, run: AuditRun): void {
  if (run.timedOut) console.log(`  ! ${what}: killed after ${secs(CHILD_LIMIT_MS)}`);
  else if (run.exitCode !== 0 && run.exitCode !== 1) console.log(`  ! ${what}: exit ${run.exitCode}\n${run.stderr}`);
}

const tmp = await mkdtemp(join(tmpdir(), 'edu-audit-bench-'));
const benchStart = performance.now();
console.log(`edu-audit bench: ${full ? 'FULL sizes (issue 7)' : 'default sizes (fit 10 min on 2 cores; --full for issue 7 sizes)'}; ` +
  `node ${process.version}, ${availableParallelism()} CPUs; runs ${tmp}`);
try {
  if (PHASES.has('floor')) await floor();
  if (PHASES.has('scale')) await scale();
  if (PHASES.has('memory')) await memory();
  if (PHASES.has('report')) await reportFigure();
  if (PHASES.has('render')) for (const f of await renderFigures({ tmp, renderUnits: SIZES.render, autoUnits: SIZES.renderAuto, args: PER_IP, limitMs: CHILD_LIMIT_MS })) report(f);
} finally {
  if (!flags.keep) await rm(tmp, { recursive: true, force: true });
}
console.log(`\nSummary (${full ? 'full' : 'default'} sizes, ${secs(performance.now() - benchStart)} in all):`);
for (const f of figures) console.log(`  ${f.met ? 'MET    ' : 'NOT MET'}  ${f.name}: ${f.value} (target ${f.target})`);

async function floor(): Promise<void> {
  const n = SIZES.floor;
  console.log(`\nfloor ratio: ${n} units, latency 0, ${RUNS} run(s); audit --format json ${PER_IP.join(' ')} vs bare undici+cheerio loop (32 units × 2 per host)`);
  const registry = join(tmp, `floor-${n}.csv`);
  await writeRegistry(registry, n);
  const fleet = await startFleet({ latencyMs: 0 });
  const ratios: number[] = [];
  const lines: string[] = [];
  try {
    for (let r = 0; r < RUNS; r++) {
      fleet.reset();
      const bare = await bareChild({ units: n, port: fleet.port, concurrency: 32, perHost: 2, maxPages: 30, deadlineMs: CHILD_LIMIT_MS - 10_000 }, CHILD_LIMIT_MS);
      const bareStats = await fleet.stats();
      const run = await auditChild({ registry, out: join(tmp, `floor-run-${r}`), fleet, args: ['--format', 'json', ...PER_IP], limitMs: CHILD_LIMIT_MS, ...(flags['cpu-prof'] ? { cpuProfDir: flags['cpu-prof'] } : {}) });
      checkRun('floor audit', run);
      const barePps = bareStats.html / (bare.wallMs / 1000);
      const pipePps = run.stats.html / (run.ms / 1000);
      ratios.push(pipePps / barePps);
      lines.push(`run ${r + 1}: audit ${run.stats.html} pages in ${secs(run.ms)} = ${pipePps.toFixed(0)} pages/s (+${run.stats.robots} robots, ${run.stats.feed} feeds, ${run.stats.searchbot} Googlebot homes, ${run.stats.other} scripts); ` +
        `bare ${bareStats.html} pages in ${secs(bare.wallMs)} = ${barePps.toFixed(0)} pages/s; ratio ${(pipePps / barePps).toFixed(2)}; audit peak RSS ${mib(run.peak)}`);
      await dropRun(`floor-run-${r}`);
    }
  } finally {
    await fleet.close();
  }
  const ratio = median(ratios);
  report({ name: 'floor ratio', value: ratio.toFixed(2), target: '≥ 0.70', met: ratio >= 0.7, detail: `${RUNS > 1 ? `median of ${RUNS}; ` : ''}${n} units; pages/s = HTML pages served ÷ wall time of each child process\n    ${lines.join('\n    ')}` });
}

async function scale(): Promise<void> {
  const n = SIZES.scale;
  console.log(`\nlatency-bound scale: ${n} units${full ? '' : ' (issue size 2,000 with --full)'}, latency ${LATENCY} ms${BANDWIDTH ? `, ${BANDWIDTH} B/s` : ''}, default options ${PER_IP.join(' ')}`);
  const registry = join(tmp, `scale-${n}.csv`);
  await writeRegistry(registry, n);
  const fleet = await startFleet({ latencyMs: LATENCY, bytesPerSec: BANDWIDTH });
  try {
    const run = await auditChild({ registry, out: join(tmp, 'scale-run'), fleet, args: PER_IP, limitMs: CHILD_LIMIT_MS });
    checkRun('scale audit', run);
    const perMin = n / (run.ms / 60_000);
    const projected = (2000 / perMin) * 60_000;
    report({
      name: `scale (${n} units @ ${LATENCY} ms)`, value: `${secs(run.ms)}, ${perMin.toFixed(0)} units/min`,
      target: '2,000 units < 10 min', met: projected < 10 * 60_000 && !run.timedOut,
      detail: `${full ? '' : `2,000 units projected at this rate: ${secs(projected)}; `}${run.stats.html} pages, reports xlsx+json+html, peak RSS ${mib(run.peak)}`,
    });
  } finally {
    await fleet.close();
    await dropRun('scale-run');
  }
}

async function memory(): Promise<void> {
  const fleet = await startFleet({ latencyMs: 0 });
  try {
    for (const [n, extra] of [[SIZES.memory, []], [SIZES.memory5, ['--max-pages', '5']]] as const) {
      console.log(`\nmemory: ${n} units, latency 0, --format json ${PER_IP.join(' ')} ${extra.join(' ')}${full ? '' : ` (issue size ${extra.length ? '50,000' : '10,000'} with --full)`}`);
      const registry = join(tmp, `memory-${n}.csv`);
      await writeRegistry(registry, n);
      const run = await auditChild({ registry, out: join(tmp, `memory-run-${n}`), fleet, args: ['--format', 'json', ...PER_IP, ...extra], limitMs: CHILD_LIMIT_MS });
      checkRun('memory audit', run);
      const at = [0.25, 0.5, 1].map((f) => rssAt(run.samples, n, f));
      const flat = at[2]! <= at[1]! * 1.15 + 20 * MiB;
      report({
        name: `memory (${n} units${extra.length ? ', --max-pages 5' : ''})`, value: `peak ${mib(run.peak)}; RSS ${at.map(mib).join(' / ')} at 25/50/100 %`,
        target: '< 500 MB, flat in N', met: run.peak < 500e6 && flat && !run.timedOut,
        detail: `${secs(run.ms)}, ${run.stats.html} pages; ${flat ? 'flat' : 'GROWING'} (100 % vs 50 %: ${((at[2]! / Math.max(1, at[1]!) - 1) * 100).toFixed(0)} %)`,
      });
      await dropRun(`memory-run-${n}`);
    }
  } finally {
    await fleet.close();
  }
}

async function reportFigure(): Promise<void> {
  const n = SIZES.report;
  console.log(`\nreport: report.xlsx (+ report.csv) for ${n} synthetic units (bench/report-xlsx.ts)`);
  const run = await reportChild(n, CHILD_LIMIT_MS);
  const xlsxSeconds = Number(/in ([\d.]+) s/.exec(run.output)?.[1] ?? NaN);
  report({
    name: `report.xlsx (${n} units)`, value: `${xlsxSeconds.toFixed(1)} s, peak RSS ${mib(run.peak)} (process, xlsx then csv)`,
    target: '< 500 MB', met: run.peak < 500e6,
    detail: run.output.replace(/\n/g, '\n    '),
  });
}
