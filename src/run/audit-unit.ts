// One unit through the pipeline: crawl (artifacts) → judge (findings, score) → a UnitResult for the store.
// The artifacts, parsed documents included, go out of scope when this returns, so memory does not grow with the run.
import type { Logger } from 'pino';
import type { ArtifactKey, Artifacts } from '../model/artifacts.js';
import type { CrawlSummary, UnitResult } from '../model/result.js';
import type { Rule, RuleContext } from '../model/rule.js';
import type { Unit } from '../model/unit.js';
import type { AuditOptions } from '../options.js';
import { crawlUnit } from '../collect/crawl-unit.js';
import type { CrawlContext } from '../collect/crawl-context.js';
import type { PageTicket } from '../collect/page-memory.js';
import { releaseParses } from '../collect/page-body.js';
import { clip, internalErrorFindings, judgeUnit, type JudgedUnit } from '../engine/runner.js';
import { isScriptShell } from '../engine/script-shell.js';
import type { EvidenceStore } from '../store/evidence-store.js';
import { saveArtifacts } from '../store/artifact-archive.js';
import { keepScreenshots } from '../render/evidence-shot.js';
import { fairTimeout, type FairTimer } from '../collect/loop-clock.js';
import { setImmediate as yieldToLoop } from 'node:timers/promises';

// our own failure: nothing was verified (verified 0), so the unit is "Chưa xác minh", never graded on the site
const EMPTY_JUDGEMENT: JudgedUnit = { findings: [], facts: {}, score: null, verified: 0, grade: 'Chưa xác minh', condition: null };

export interface AuditUnitInput {
  unit: Unit;
  crawlCtx: CrawlContext;
  needs: ReadonlySet<ArtifactKey>;
  rules: readonly Rule[];
  ruleCtx: RuleContext;
  options: AuditOptions;
  ruleSetVersion: string;
  logger: Logger;
  /** Keeps the pages that decided non-passing findings (off with --no-evidence). */
  evidence?: EvidenceStore;
  /** Run directory to archive every fetched artifact in (--save-artifacts). */
  saveArtifactsTo?: string;
}

/** Grace past the crawler's own unit deadline before we give up on it: a crawler bug must not stall the run. */
const HARD_DEADLINE_GRACE_MS = 15_000;

export async function auditOneUnit(input: AuditUnitInput): Promise<UnitResult> {
  // for the end-of-run summary: which addresses carry the most units (src/run/run-limits.ts)
  if (input.unit.website) void input.crawlCtx.limits.noteUnit(input.unit.website).catch(() => undefined);
  // Waits while the units in flight hold --page-memory of parsed pages; released once this unit is judged and stored.
  const ticket = await input.crawlCtx.memory.admit();
  try {
    return await crawlAndJudge(input, ticket);
  } finally {
    ticket.close();
  }
}

async function crawlAndJudge(input: AuditUnitInput, ticket: PageTicket): Promise<UnitResult> {
  const { unit, crawlCtx, needs, rules, ruleCtx, options, logger } = input;
  const started = Date.now();
  let artifacts: Artifacts;
  let crawl: CrawlSummary;
  try {
    ({ artifacts, crawl } = await withHardDeadline(
      crawlUnit(crawlCtx, unit, needs, ticket),
      crawlCtx.options.unitDeadlineMs + HARD_DEADLINE_GRACE_MS,
    ));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    logger.error({ unit: unit.id, err: error }, 'lỗi nội bộ khi thu thập / internal crawler error');
    artifacts = failedArtifacts(unit, detail);
    crawl = { status: 'internal_error', pages: 0, durationMs: Date.now() - started, error: detail };
  }
  // its charge is final now (the rules' parses are not charged): what is left of its reservation admits others
  ticket.crawled();
  // Answers that arrived while this unit was crawled are read before its judging holds the loop.
  await yieldToLoop();
  const result = judgeArtifacts({ artifacts, crawl, rules, ruleCtx, lang: options.lang, ruleSetVersion: input.ruleSetVersion, logger });
  // the pages parsed for the rules are not counted in --page-memory: they go now, not after the evidence is written
  releaseParses(artifacts);
  // what the run keeps of the fetch for later: deciding pages (evidence/) and, when asked, everything (artifacts/)
  if (input.evidence) {
    await input.evidence.keepDeciding(unit.id, result.findings, artifacts);
    const shots = await keepScreenshots(crawlCtx, unit.id, artifacts, result.findings, input.evidence).catch((error: unknown) => {
      logger.warn({ unit: unit.id, err: error }, 'không lưu được ảnh chụp / screenshot not kept');
      return [];
    });
    if (shots.length) result.screenshots = shots;
  }
  if (input.saveArtifactsTo) await saveArtifacts(input.saveArtifactsTo, artifacts, crawl, result.screenshots);
  return result;
}

export interface JudgeInput {
  artifacts: Artifacts;
  crawl: CrawlSummary;
  rules: readonly Rule[];
  ruleCtx: RuleContext;
  lang: AuditOptions['lang'];
  ruleSetVersion: string;
  logger: Logger;
}

/** Judges a unit's artifacts (fresh from the crawl, or reloaded by `rejudge`) into the result the store keeps. */
export function judgeArtifacts(input: JudgeInput): UnitResult {
  const { artifacts, crawl, rules, ruleCtx, logger } = input;
  const unit = artifacts.unit;
  // Our own failure says nothing about the site: no rule judges it, every one gives that same reason.
  const judged =
    crawl.status === 'internal_error'
      ? { ...EMPTY_JUDGEMENT, findings: internalErrorFindings(unit, rules, crawl.error ?? 'internal error', input.lang) }
      : judgeUnit(artifacts, rules, ruleCtx, input.lang, (rule, error) =>
          logger.error({ unit: unit.id, rule, err: error }, 'quy tắc gặp lỗi / rule crashed'),
        );
  // A rendered page is the browser's DOM: whether its static HTML was a shell is for the renderer to record.
  if (!artifacts.rendered && artifacts.home && isScriptShell(artifacts.home.doc)) crawl.scriptShell = true;
  if (artifacts.home && [...(artifacts.pages?.values() ?? []), artifacts.home].some((p) => p.ok && p.truncated)) crawl.truncated = true;
  const title = artifacts.home?.doc('title').first().text();
  return {
    id: unit.id,
    name: unit.name,
    type: unit.type,
    district: unit.district,
    province: unit.province.join('|'),
    website: unit.website ?? null,
    finalUrl: artifacts.homeFetch.ok ? artifacts.homeFetch.finalUrl : null,
    ...(unit.alternates?.length ? { alternates: unit.alternates } : {}),
    ...(title ? { title: clip(title) } : {}),
    score: crawl.status === 'internal_error' ? null : judged.score,
    verified: crawl.status === 'internal_error' ? 0 : judged.verified,
    grade: crawl.status === 'internal_error' ? 'Chưa xác minh' : judged.grade,
    ...(judged.blocking && crawl.status !== 'internal_error' ? { blocking: judged.blocking } : {}),
    crawl,
    findings: judged.findings,
    facts: judged.facts,
    ...(artifacts.render?.timings ? { timings: artifacts.render.timings } : {}),
    ruleSetVersion: input.ruleSetVersion,
    auditedAt: new Date().toISOString(),
  };
}

/** The result of a unit our own code failed on (a crashed worker): unverified, every finding an error. */
export function unjudgedResult(input: Omit<JudgeInput, 'artifacts' | 'crawl'> & { unit: Unit; detail: string }): UnitResult {
  const { unit, detail, ...rest } = input;
  return judgeArtifacts({
    ...rest,
    artifacts: failedArtifacts(unit, detail),
    crawl: { status: 'internal_error', pages: 0, durationMs: 0, error: detail },
  });
}

function failedArtifacts(unit: Unit, detail: string): Artifacts {
  return {
    unit,
    homeFetch: { ok: false, url: unit.website ?? '', reason: 'internal', detail, redirects: [] },
    pages: new Map(),
    scripts: new Map(),
  };
}

async function withHardDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: FairTimer | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = fairTimeout(ms, () => reject(new Error(`unit exceeded its hard deadline of ${ms} ms`)));
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    timer?.clear();
  }
}
