// `rejudge RUN_DIR`: the current rules over the artifacts a run stored with --save-artifacts, without touching
// any server, into a new run directory that records the rule-set version used and the run it came from.
import { copyFile, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Logger } from 'pino';
import { UsageError } from '../options.js';
import type { Format } from '../report/formats.js';
import type { Lang } from '../engine/messages.js';
import type { Rule } from '../model/rule.js';
import type { RulesConfig } from '../engine/rules-config.js';
import { defaultRulesConfig } from '../../rules/index.js';
import { buildRegistryIndex } from '../registry/index.js';
import { JsonlStore } from '../store/jsonl-store.js';
import { DistrictAggregator } from '../aggregate/districts.js';
import type { UnitTrace } from '../aggregate/registry-checks.js';
import { listArchives, loadArtifacts } from '../store/artifact-archive.js';
import { readRunMeta, writeRunMeta, type RunMeta } from '../store/run-meta.js';
import { acquireRunLock } from '../store/run-lock.js';
import { judgeArtifacts } from './audit-unit.js';
import { finishRun, traceOf, type FinishedRun } from './finish-run.js';
import type { Unit } from '../model/unit.js';
import type { ScreenshotRef } from '../model/result.js';
import { linkableShots } from '../report/screenshot-links.js';

export interface RejudgeInput {
  runDir: string;
  out?: string;
  rules: Rule[];
  allRules: readonly Rule[];
  ruleSetVersion: string;
  /** Overrides the rules config stored in the run (`--config`). */
  rulesConfig?: RulesConfig;
  formats: readonly Format[];
  lang?: Lang;
  logger: Logger;
}

export async function rejudgeRun(
  input: RejudgeInput,
): Promise<FinishedRun & { dir: string; units: number; /** The rule-set version that judged the original run. */ judgedWith: string }> {
  const source = resolve(input.runDir);
  const meta = await readRunMeta(source);
  const archives = await listArchives(source).catch(() => []);
  if (!archives.length)
    throw new UsageError(
      `${input.runDir}: không có artifacts/; lần chạy cần --save-artifacts / no artifacts/: the run must be made with --save-artifacts`,
    );
  const dir = resolve(input.out ?? join(source, 'rejudged'));
  if (dir === source) throw new UsageError('--out: phải khác thư mục gốc / must differ from the original run directory');
  await mkdir(dir, { recursive: true });
  const release = await acquireRunLock(dir);
  try {
    // first pass: the units, for the registry index (child-site-links) and the registry order
    const units: Unit[] = [];
    for (const file of archives) units.push((await loadArtifacts(file)).artifacts.unit);
    units.sort((a, b) => a.source.row - b.source.row);
    const lang = input.lang ?? (meta.options.lang as Lang | undefined) ?? 'vi';
    const rulesConfig = input.rulesConfig ?? meta.rulesConfig ?? defaultRulesConfig();
    const ruleCtx = { now: new Date(meta.now), config: rulesConfig, registry: buildRegistryIndex(units) };
    const runMeta: RunMeta = {
      ...meta,
      startedAt: new Date().toISOString(),
      ruleSetVersion: input.ruleSetVersion,
      rules: input.rules.map((r) => r.meta.id),
      rulesConfig,
    };
    await writeRunMeta(dir, runMeta);
    const store = new JsonlStore(join(dir, 'results.jsonl'));
    await store.open();
    const aggregator = new DistrictAggregator();
    const traces: UnitTrace[] = [];
    try {
      for (const file of archives) {
        const { artifacts, crawl, screenshots } = await loadArtifacts(file);
        const result = judgeArtifacts({
          artifacts,
          crawl,
          rules: input.rules,
          ruleCtx,
          lang,
          ruleSetVersion: input.ruleSetVersion,
          logger: input.logger,
        });
        const shots = await carryScreenshots(source, dir, screenshots ?? []);
        if (shots.length) result.screenshots = shots;
        await store.append(result);
        aggregator.add(result);
        traces.push(traceOf(result));
      }
      const finished = await finishRun({
        dir,
        runMeta,
        units,
        store,
        aggregator,
        traces,
        formats: input.formats,
        lang,
        rules: input.allRules,
        extraRun: { rejudgedFrom: { dir: source, ruleSetVersion: meta.ruleSetVersion, finishedAt: meta.startedAt } },
      });
      return { ...finished, dir, units: units.length, judgedWith: meta.ruleSetVersion };
    } finally {
      await store.close();
    }
  } finally {
    await release();
  }
}

/**
 * The original run's screenshots of a unit, copied into the new run directory so its reports' relative links
 * resolve there too; a picture no longer in the source's evidence/ is left out, never linked broken.
 */
async function carryScreenshots(source: string, dir: string, shots: readonly ScreenshotRef[]): Promise<ScreenshotRef[]> {
  const kept: ScreenshotRef[] = [];
  for (const shot of linkableShots({ screenshots: [...shots] })) {
    await mkdir(join(dir, 'evidence'), { recursive: true });
    const copied = await copyFile(join(source, shot.file), join(dir, shot.file)).then(
      () => true,
      () => false,
    );
    if (copied) kept.push(shot);
  }
  return kept;
}
