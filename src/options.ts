// Audit options: defaults ← config file `options` ← command-line flags (flags win; flags not given never erase).
import { z } from 'zod';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import type { RulesConfig } from './engine/rules-config.js';
import { rulesConfigSchema } from '../rules/index.js';
import { TOOL_NAME, TOOL_VERSION, TOOL_URL } from './version.js';
import { FORMATS } from './report/formats.js';
import { UsageError } from './usage-error.js';

export { UsageError };

const positiveInt = z.coerce.number().int().positive();

export const auditOptionsSchema = z.object({
  out: z.string().optional(),
  format: z.array(z.enum(FORMATS)).default(['xlsx', 'json', 'html']),
  concurrency: positiveInt.default(32),
  perHost: positiveInt.default(2),
  perIp: positiveInt.default(16),
  /** MB of decoded HTML the units in flight may hold parsed at once; new units wait beyond it. */
  pageMemory: positiveInt.default(12),
  /** Worker threads that crawl and judge units (default: the cores but one, at most 4; 1 = in-process). */
  workers: positiveInt.max(64).optional(),
  maxPages: positiveInt.default(30),
  timeout: positiveInt.default(15_000),
  maxBytes: positiveInt.default(5 * 1024 * 1024),
  unitDeadline: positiveInt.optional(),
  retries: z.coerce.number().int().min(0).max(5).default(2),
  connectTo: z.array(z.string()).default([]),
  ca: z.array(z.string()).default([]),
  allowPrivate: z.boolean().default(false),
  ignoreRobots: z.boolean().default(false),
  skipInvalid: z.boolean().default(false),
  /** `--columns field=Header,…`: the registry's own header names (src/registry/columns.ts). */
  columns: z.string().optional(),
  rules: z.array(z.string()).optional(),
  now: z.string().optional(),
  userAgent: z.string().default(`${TOOL_NAME}/${TOOL_VERSION} (+${TOOL_URL})`),
  lang: z.enum(['vi', 'en']).default('vi'),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  progress: z.boolean().default(true),
  /** Keep the pages that decided non-passing findings in evidence/ (--no-evidence turns it off). */
  evidence: z.boolean().default(true),
  /** Render home pages in a browser: `auto` when the static view cannot be trusted (docs/rendering.md). */
  render: z.enum(['auto', 'always', 'never']).default('auto'),
  /** A system Chrome/Chromium instead of the npm-installed one (also EDU_AUDIT_BROWSER). */
  browser: z.string().optional(),
  /** A screenshot of every unit's home page in evidence/, rendering it for that when --render would not. */
  screenshots: z.boolean().default(false),
  /** Keep every fetched page in artifacts/ so `rejudge` can re-run the rules offline. */
  saveArtifacts: z.boolean().default(false),
  /** Fetch again, later and more gently, the units whose verdicts changed since --baseline, and keep what holds. */
  recheckChanged: z.boolean().default(false),
  /** The same for units with unverified (`error`) findings. */
  recheckUnverified: z.boolean().default(false),
  /** How long to wait before the re-checks (ms). */
  recheckDelay: z.coerce.number().int().min(0).default(30_000),
  /** Continue an interrupted run in --out without redoing finished units. */
  resume: z.boolean().default(false),
  /** A department's own workbook to fill, and the map of where values go (see README). */
  template: z.string().optional(),
  templateMap: z.string().optional(),
  /** An earlier run directory to compare with (src/compare); regressions decide the exit code per `failOn`. */
  baseline: z.string().optional(),
  failOn: z.enum(['regressions', 'malicious', 'none']).default('regressions'),
  /** Exit 1 when the run's average score is below this. */
  failUnder: z.coerce.number().min(0).max(100).optional(),
  /** CSV or JSON of approved exemptions (src/exemptions). */
  exemptions: z.string().optional(),
  /** `K/N` or `auto` (src/shard/resolve-shard.ts); `shards` is N for `auto` under a Kubernetes Indexed Job. */
  shard: z.string().optional(),
  shards: positiveInt.optional(),
});

export type AuditOptions = z.infer<typeof auditOptionsSchema>;

export const configFileSchema = z
  .object({
    options: auditOptionsSchema.partial().optional(),
    /** Rule id → weight, overriding the catalogue's weights. */
    weights: z.record(z.string(), z.number().nonnegative()).optional(),
    rules: rulesConfigSchema.partial().optional(),
  })
  .strict();

export type ConfigFile = z.infer<typeof configFileSchema>;

export const DEFAULT_CONFIG_FILE = 'edu-audit.config.json';

/** Reads `--config FILE`, or `edu-audit.config.json` when present; a bad file is a usage error naming the field. */
export async function loadConfigFile(file: string | undefined): Promise<ConfigFile & { path?: string }> {
  const path = file ?? (existsSync(DEFAULT_CONFIG_FILE) ? DEFAULT_CONFIG_FILE : undefined);
  if (!path) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`${path}: không đọc được tệp cấu hình / cannot read config: ${(error as Error).message}`);
  }
  const parsed = configFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${path}: ${i.path.join('.') || '-'}: ${i.message}`);
    throw new UsageError(issues.join('\n'));
  }
  return { ...parsed.data, path };
}

export function resolveOptions(fromConfig: Partial<AuditOptions> | undefined, fromFlags: Record<string, unknown>): AuditOptions {
  const defined = Object.fromEntries(Object.entries(fromFlags).filter(([, v]) => v !== undefined));
  const parsed = auditOptionsSchema.safeParse({ ...fromConfig, ...defined });
  if (!parsed.success) {
    throw new UsageError(
      parsed.error.issues.map((i) => `--${kebab(String(i.path[0] ?? ''))}: ${optionProblem(i, { ...fromConfig, ...defined })}`).join('\n'),
    );
  }
  // a bad --now is refused here, before a run directory is made; the run records the ISO form
  return parsed.data.now === undefined ? parsed.data : { ...parsed.data, now: normalizeAuditDate(parsed.data.now) };
}

export function mergeRulesConfig(partial: Partial<RulesConfig> | undefined): RulesConfig {
  return rulesConfigSchema.parse(partial ?? {}) as RulesConfig;
}

/** zod's issue in our words (its own are English only: "Invalid input: expected number, received NaN"). */
function optionProblem(issue: z.core.$ZodIssue, given: Record<string, unknown>): string {
  const value = given[String(issue.path[0] ?? '')];
  const shown = Array.isArray(value) ? value.join(',') : String(value);
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'number' || issue.expected === 'int'
        ? `cần một số / expected a number: ${shown}`
        : `giá trị không hợp lệ / invalid value: ${shown}`;
    case 'too_small':
      return issue.inclusive === false
        ? `phải lớn hơn ${String(issue.minimum)} / must be greater than ${String(issue.minimum)}: ${shown}`
        : `phải từ ${String(issue.minimum)} trở lên / must be at least ${String(issue.minimum)}: ${shown}`;
    case 'too_big':
      return `phải không quá ${String(issue.maximum)} / must be at most ${String(issue.maximum)}: ${shown}`;
    case 'invalid_value':
      return `phải là một trong ${issue.values.join(', ')} / must be one of ${issue.values.join(', ')}: ${shown}`;
    default:
      return `giá trị không hợp lệ / invalid value: ${shown}`;
  }
}

const kebab = (s: string): string => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** `--now`: `YYYY-MM-DD`, `dd/mm/yyyy` (as a Vietnamese spreadsheet writes dates) or an ISO date-time; the ISO form. */
export function normalizeAuditDate(now: string): string {
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(now.trim());
  const text = vn ? `${vn[3]}-${vn[2]!.padStart(2, '0')}-${vn[1]!.padStart(2, '0')}` : now.trim();
  const day = /^\d{4}-\d{2}-\d{2}$/.test(text);
  const d = new Date(day ? `${text}T00:00:00Z` : text);
  // Date rolls 31/02 over to March; comparing back catches impossible days
  if (Number.isNaN(d.getTime()) || (day && d.toISOString().slice(0, 10) !== text) || !/^\d{4}-\d{2}-\d{2}/.test(text)) {
    throw new UsageError(
      `--now: ngày không hợp lệ, cần YYYY-MM-DD hoặc dd/mm/yyyy / invalid date, expected YYYY-MM-DD or dd/mm/yyyy: ${now}`,
    );
  }
  return text;
}

/** The audit date: `--now` or the clock; rules never read the clock themselves. */
export function auditDate(now: string | undefined): Date {
  if (!now) return new Date();
  const text = normalizeAuditDate(now);
  return new Date(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text);
}
