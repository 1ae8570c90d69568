// `npm run bench`: the pipeline's figures against the simulated fleet (bench/fleet), each with its target, measured
// in this run. Default sizes fit a 10-minute budget on 2 cores; --full runs the sizes of issue 7. See bench/README.md.
//   node dist-bench/bench/run.js [--full] [--runs 3] [--repeat 3] [--only floor,scale,latency,memory,report,render] [--units N] [--keep]
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startFleet } from './fleet/fleet.js';
import { writeRegistry } from './fleet/units.js';
import { auditChild, bareChild, reportChild, rssAt, type AuditRun } from './measure.js';
import { renderFigures } from './render-cost.js';
import {
  completed,
  finishedUnits,
  incompleteReason,
  median,
  medianOutcome,
  sensitivityFigure,
  unitTimeFigure,
  unitsPerMin,
  type Figure,
  type RunOutcome,
} from './figures.js';

const { values: flags } = parseArgs({
  options: {
    full: { type: 'boolean', default: false },
    runs: { type: 'string', default: '3' },
    /** Times the scale and latency phases run; their figures come from the median run (issue 13: medians of 3). */
    repeat: { type: 'string', default: '1' },
    only: { type: 'string', default: 'floor,scale,latency,memory,report,render' },
    /** Every phase's unit count but the report's (small runs while the machine is shared). */
    units: { type: 'string' },
    /** The slow latency of the latency-sensitivity pair (the fast one is 0 ms). */
    'slow-latency': { type: 'string', default: '1000' },
    /** Units at once in the latency phase: issue 13's condition (at 1 s per response, 32 units cannot keep 2 cores busy). */
    'latency-concurrency': { type: 'string', default: '64' },
    keep: { type: 'boolean', default: false },
    latency: { type: 'string', default: '200' },
    bandwidth: { type: 'string', default: '0' },
    'per-ip': { type: 'string', default: '64' },
    'cpu-prof': { type: 'string' },
    /** Extra audit flags for every audit child, e.g. --audit-args="--page-memory 24". */
    'audit-args': { type: 'string', default: '' },
    /** Minutes an audit child may run before it is killed (default 5, 90 with --full): a 10,000-unit run on a shared machine needs more. */
    'child-limit': { type: 'string' },
  },
});

const full = flags.full;
const UNITS = flags.units ? Math.max(1, Number(flags.units)) : undefined;
const SIZES = UNITS
  ? { floor: UNITS, scale: UNITS, latency: UNITS, memory: UNITS, memory5: UNITS, report: 50_000, render: UNITS, renderAuto: UNITS }
  : full
    ? { floor: 1000, scale: 2000, latency: 2000, memory: 10_000, memory5: 50_000, report: 50_000, render: 100, renderAuto: 1000 }
    : { floor: 60, scale: 300, latency: 300, memory: 150, memory5: 500, report: 50_000, render: 10, renderAuto: 60 };
const RUNS = Math.max(1, Number(flags.runs));
const REPEAT = Math.max(1, Number(flags.repeat));
const PHASES = new Set(flags.only.split(','));
const LATENCY = Number(flags.latency);
const SLOW = Number(flags['slow-latency']);
const BANDWIDTH = Number(flags.bandwidth);
// Every fleet host sits on 127.0.0.1, so the per-IP politeness limit (16, meant for shared hosting) would cap the
// whole fleet at 16 requests in flight: a fact of the simulation, not of a real registry spread over many IPs.
// 64 = 32 units × 2 per host, so the per-host and unit limits govern, as they do on a real fleet.
const PER_IP = ['--per-ip', flags['per-ip'], ...flags['audit-args'].split(/\s+/).filter(Boolean)];
const CHILD_LIMIT_MS = (flags['child-limit'] ? Math.max(1, Number(flags['child-limit'])) : full ? 90 : 5) * 60_000;
// the fleet outlives the longest child it serves (it exits on its own after this, should the bench die)
const FLEET_LIFETIME_MS = CHILD_LIMIT_MS + 10 * 60_000;
const MiB = 2 ** 20;
const mib = (b: number): string => `${(b / MiB).toFixed(0)} MiB`;
const secs = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

const figures: Figure[] = [];
function report(f: Figure): void {
  figures.push(f);
  console.log(`  ${f.name}: ${f.value}  (target ${f.target}: ${f.met ? 'MET' : 'NOT MET'})\n    ${f.detail}`);
}

/** A run directory is deleted once measured (large at --full sizes), unless --keep. */
async function dropRun(name: string): Promise<void> {
  if (!flags.keep) await rm(join(tmp, name), { recursive: true, force: true });
}

/** How the child ended and the units its results.jsonl holds; says so when it did not finish. */
async function outcomeOf(what: string, run: AuditRun, units: number, out: string): Promise<RunOutcome> {
  const jsonl = await readFile(join(out, 'results.jsonl'), 'utf8').catch(() => '');
  const outcome: RunOutcome = { units, finished: finishedUnits(jsonl), ms: run.ms, exitCode: run.exitCode, timedOut: run.timedOut };
  const why = incompleteReason(outcome);
  if (why) console.log(`  ! ${what}: ${why}${run.timedOut ? '' : `\n${run.stderr}`}`);
  return outcome;
}

/** The options the child ran with (its run.json), for the figures that depend on them. */
async function runOptions(out: string): Promise<{ concurrency?: number; pageMemory?: number }> {
  const meta = await readFile(join(out, 'run.json'), 'utf8').then(
    (t) => JSON.parse(t) as { options?: { concurrency?: number; pageMemory?: number } },
    () => ({ options: {} }),
  );
  return meta.options ?? {};
}

const tmp = await mkdtemp(join(tmpdir(), 'edu-audit-bench-'));
const benchStart = performance.now();
console.log(
  `edu-audit bench: ${full ? 'FULL sizes (issue 7)' : 'default sizes (fit 10 min on 2 cores; --full for issue 7 sizes)'}; ` +
    `node ${process.version}, ${availableParallelism()} CPUs; runs ${tmp}`,
);
try {
  if (PHASES.has('floor')) await floor();
  if (PHASES.has('scale')) await scale();
  if (PHASES.has('latency')) await latency();
  if (PHASES.has('memory')) await memory();
  if (PHASES.has('report')) await reportFigure();
  if (PHASES.has('render'))
    for (const f of await renderFigures({
      tmp,
      renderUnits: SIZES.render,
      autoUnits: SIZES.renderAuto,
      args: PER_IP,
      limitMs: CHILD_LIMIT_MS,
    }))
      report(f);
} finally {
  if (!flags.keep) await rm(tmp, { recursive: true, force: true });
}
console.log(`\nSummary (${full ? 'full' : 'default'} sizes, ${secs(performance.now() - benchStart)} in all):`);
for (const f of figures) console.log(`  ${f.met ? 'MET    ' : 'NOT MET'}  ${f.name}: ${f.value} (target ${f.target})`);

async function floor(): Promise<void> {
  const n = SIZES.floor;
  console.log(
    `\nfloor ratio: ${n} units, latency 0, ${RUNS} run(s); audit --format json ${PER_IP.join(' ')} vs bare undici+cheerio loop (32 units × 2 per host)`,
  );
  const registry = join(tmp, `floor-${n}.csv`);
  await writeRegistry(registry, n);
  const fleet = await startFleet({ latencyMs: 0, lifetimeMs: FLEET_LIFETIME_MS });
  const ratios: number[] = [];
  const lines: string[] = [];
  const incomplete: string[] = [];
  try {
    for (let r = 0; r < RUNS; r++) {
      fleet.reset();
      const bare = await bareChild(
        { units: n, port: fleet.port, concurrency: 32, perHost: 2, maxPages: 30, deadlineMs: CHILD_LIMIT_MS - 10_000 },
        CHILD_LIMIT_MS,
      );
      const bareStats = await fleet.stats();
      const run = await auditChild({
        registry,
        out: join(tmp, `floor-run-${r}`),
        fleet,
        args: ['--format', 'json', ...PER_IP],
        limitMs: CHILD_LIMIT_MS,
        ...(flags['cpu-prof'] ? { cpuProfDir: flags['cpu-prof'] } : {}),
      });
      const outcome = await outcomeOf('floor audit', run, n, join(tmp, `floor-run-${r}`));
      if (!completed(outcome)) incomplete.push(`run ${r + 1} ${incompleteReason(outcome)}`);
      if (bare.timedOut) incomplete.push(`run ${r + 1} bare loop stopped at its deadline`);
      const barePps = bareStats.html / (bare.wallMs / 1000);
      const pipePps = run.stats.html / (run.ms / 1000);
      ratios.push(pipePps / barePps);
      lines.push(
        `run ${r + 1}: audit ${run.stats.html} pages in ${secs(run.ms)} = ${pipePps.toFixed(0)} pages/s (+${run.stats.robots} robots, ${run.stats.feed} feeds, ${run.stats.searchbot} Googlebot homes, ${run.stats.other} scripts); ` +
          `bare ${bareStats.html} pages in ${secs(bare.wallMs)} = ${barePps.toFixed(0)} pages/s; ratio ${(pipePps / barePps).toFixed(2)}; audit peak RSS ${mib(run.peak)}`,
      );
      await dropRun(`floor-run-${r}`);
    }
  } finally {
    await fleet.close();
  }
  const ratio = median(ratios);
  // a pair whose audit did not finish compares a part of the fleet with all of it: no figure
  report({
    name: 'floor ratio',
    value: incomplete.length ? `no figure (${incomplete.join('; ')})` : ratio.toFixed(2),
    target: '≥ 0.50 (then 0.70)',
    met: !incomplete.length && ratio >= 0.5,
    detail: `${RUNS > 1 ? `median of ${RUNS}; ` : ''}${n} units; pages/s = HTML pages served ÷ wall time of each child process\n    ${lines.join('\n    ')}`,
  });
}

async function scale(): Promise<void> {
  const n = SIZES.scale;
  console.log(
    `\nlatency-bound scale: ${n} units${full ? '' : ' (issue size 2,000 with --full)'}, latency ${LATENCY} ms${BANDWIDTH ? `, ${BANDWIDTH} B/s` : ''}, default options ${PER_IP.join(' ')}`,
  );
  const registry = join(tmp, `scale-${n}.csv`);
  await writeRegistry(registry, n);
  const fleet = await startFleet({ latencyMs: LATENCY, bytesPerSec: BANDWIDTH, lifetimeMs: FLEET_LIFETIME_MS });
  const runs: { outcome: RunOutcome; run: AuditRun }[] = [];
  try {
    for (let r = 0; r < REPEAT; r++) {
      const run = await auditChild({ registry, out: join(tmp, 'scale-run'), fleet, args: PER_IP, limitMs: CHILD_LIMIT_MS });
      runs.push({ run, outcome: await outcomeOf('scale audit', run, n, join(tmp, 'scale-run')) });
      await dropRun('scale-run');
      if (REPEAT > 1)
        console.log(`  run ${r + 1}: ${secs(run.ms)}, ${unitsPerMin(runs[r]!.outcome).toFixed(0)} units/min, peak RSS ${mib(run.peak)}`);
    }
  } finally {
    await fleet.close();
    await dropRun('scale-run');
  }
  const outcome = medianOutcome(runs.map((r) => r.outcome));
  const { run } = runs.find((r) => r.outcome === outcome)!;
  const f = unitTimeFigure(`scale: 2,000 units @ ${LATENCY} ms`, 2000, 10, outcome);
  report({
    ...f,
    detail: `${REPEAT > 1 ? `median of ${REPEAT}; ` : ''}${f.detail}, ${unitsPerMin(outcome).toFixed(0)} units/min; ${run.stats.html} pages, reports xlsx+json+html, peak RSS ${mib(run.peak)}${REPEAT > 1 ? ` (highest of the runs ${mib(Math.max(...runs.map((r) => r.run.peak)))})` : ''}`,
  });
}

/**
 * The same units at 0 ms and at --slow-latency (1,000 ms), --concurrency 64: how much of the CPU-bound rate survives
 * slow servers, the 2,000-unit time at that latency, and the peak RSS there.
 */
async function latency(): Promise<void> {
  const n = SIZES.latency;
  const args = ['--format', 'json', '--concurrency', flags['latency-concurrency'], ...PER_IP];
  console.log(
    `\nlatency sensitivity: ${n} units at 0 ms, then at ${SLOW} ms${full ? '' : ' (2,000 units with --full)'}, ${args.join(' ')}`,
  );
  const registry = join(tmp, `latency-${n}.csv`);
  await writeRegistry(registry, n);
  type LatencyRun = { outcome: RunOutcome; run: AuditRun; options: { concurrency?: number; pageMemory?: number } };
  const byLatency = new Map<number, LatencyRun[]>([
    [0, []],
    [SLOW, []],
  ]);
  for (let r = 0; r < REPEAT; r++)
    for (const ms of [0, SLOW]) {
      const fleet = await startFleet({ latencyMs: ms, bytesPerSec: BANDWIDTH, lifetimeMs: FLEET_LIFETIME_MS });
      const out = join(tmp, `latency-run-${ms}`);
      try {
        const run = await auditChild({ registry, out, fleet, args, limitMs: CHILD_LIMIT_MS });
        const outcome = await outcomeOf(`audit at ${ms} ms`, run, n, out);
        byLatency.get(ms)!.push({ outcome, run, options: await runOptions(out) });
        console.log(
          `  ${REPEAT > 1 ? `run ${r + 1} ` : ''}at ${ms} ms: ${outcome.finished} units in ${secs(run.ms)} = ${unitsPerMin(outcome).toFixed(0)} units/min, ${run.stats.html} pages, peak RSS ${mib(run.peak)}`,
        );
      } finally {
        await fleet.close();
        await dropRun(`latency-run-${ms}`);
      }
    }
  const pick = (ms: number): LatencyRun => {
    const runs = byLatency.get(ms)!;
    const outcome = medianOutcome(runs.map((r) => r.outcome));
    return runs.find((r) => r.outcome === outcome)!;
  };
  const [fast, slow] = [pick(0), pick(SLOW)];
  const of = REPEAT > 1 ? `median of ${REPEAT}; ` : '';
  const sensitivity = sensitivityFigure(SLOW, fast.outcome, slow.outcome);
  report({ ...sensitivity, detail: of + sensitivity.detail });
  const time = unitTimeFigure(`2,000 units @ ${SLOW} ms`, 2000, 15, slow.outcome);
  report({ ...time, detail: of + time.detail });
  const c = slow.options.concurrency;
  // memory: the highest peak of the repeats, not the median's
  const peak = Math.max(...byLatency.get(SLOW)!.map((r) => r.run.peak));
  report({
    name: `peak RSS @ ${SLOW} ms, --concurrency ${c ?? '?'}`,
    value: mib(peak),
    target: '< 500 MB at --concurrency ≥ 64',
    met: peak < 500e6 && (c ?? 0) >= 64 && completed(slow.outcome),
    detail: `${REPEAT > 1 ? `highest of ${REPEAT}; ` : ''}--page-memory ${slow.options.pageMemory ?? '?'} MB; ${incompleteReason(slow.outcome) ?? `${n} units`}`,
  });
}

async function memory(): Promise<void> {
  const fleet = await startFleet({ latencyMs: 0, lifetimeMs: FLEET_LIFETIME_MS });
  try {
    for (const [n, extra] of [
      [SIZES.memory, []],
      [SIZES.memory5, ['--max-pages', '5']],
    ] as const) {
      console.log(
        `\nmemory: ${n} units, latency 0, --format json ${PER_IP.join(' ')} ${extra.join(' ')}${full ? '' : ` (issue size ${extra.length ? '50,000' : '10,000'} with --full)`}`,
      );
      const registry = join(tmp, `memory-${n}.csv`);
      await writeRegistry(registry, n);
      const run = await auditChild({
        registry,
        out: join(tmp, `memory-run-${n}`),
        fleet,
        args: ['--format', 'json', ...PER_IP, ...extra],
        limitMs: CHILD_LIMIT_MS,
      });
      const outcome = await outcomeOf('memory audit', run, n, join(tmp, `memory-run-${n}`));
      const at = [0.25, 0.5, 1].map((f) => rssAt(run.samples, n, f));
      const flat = at[2]! <= at[1]! * 1.15 + 20 * MiB;
      report({
        name: `memory (${n} units${extra.length ? ', --max-pages 5' : ''})`,
        value: `peak ${mib(run.peak)}; RSS ${at.map(mib).join(' / ')} at 25/50/100 %`,
        target: '< 500 MB, flat in N',
        met: run.peak < 500e6 && flat && completed(outcome),
        detail: `${incompleteReason(outcome) ?? `${n} units`} in ${secs(run.ms)}, ${run.stats.html} pages; ${flat ? 'flat' : 'GROWING'} (100 % vs 50 %: ${((at[2]! / Math.max(1, at[1]!) - 1) * 100).toFixed(0)} %)`,
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
    name: `report.xlsx (${n} units)`,
    value: `${xlsxSeconds.toFixed(1)} s, peak RSS ${mib(run.peak)} (process, xlsx then csv)`,
    // no time in its output: it did not finish
    target: '< 500 MB',
    met: run.peak < 500e6 && Number.isFinite(xlsxSeconds),
    detail: run.output.replace(/\n/g, '\n    '),
  });
}
