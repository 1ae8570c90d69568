// Shared by audit, check and demo: resolve options and config, pick rules, run the audit, write the reports.
import type { Command } from 'commander';
import { loadConfigFile, mergeRulesConfig, resolveOptions, type AuditOptions } from '../options.js';
import { givenFlags } from './crawl-flags.js';
import { createLogger, type Logger } from '../log/logger.js';
import { selectRules } from '../engine/select-rules.js';
import { RULES, RULE_SET_VERSION } from '../../rules/index.js';
import type { RegistryReadResult } from '../registry/index.js';
import { runAudit, type AuditSummary } from '../run/audit.js';
import type { Rule } from '../model/rule.js';
import type { RunResults } from '../model/result.js';
import type { TemplateRequest } from '../report/write-reports.js';
import { loadTemplateMap } from '../report/xlsx/template-map.js';
import { UsageError } from '../options.js';
import { existsSync } from 'node:fs';
import { loadExemptions } from '../exemptions/read-exemptions.js';

export interface Prepared {
  options: AuditOptions;
  logger: Logger;
  configPath?: string;
  weights?: Record<string, number>;
  rulesConfigPartial?: Parameters<typeof mergeRulesConfig>[0];
}

export async function prepare(
  cmd: Command,
  overrides: Partial<AuditOptions> = {},
  defaults: Partial<AuditOptions> = {},
): Promise<Prepared> {
  const config = await loadConfigFile(cmd.opts().config as string | undefined);
  const options = resolveOptions({ ...defaults, ...config.options }, { ...givenFlags(cmd), ...overrides });
  return {
    options,
    logger: createLogger(options.logLevel),
    ...(config.path ? { configPath: config.path } : {}),
    ...(config.weights ? { weights: config.weights } : {}),
    ...(config.rules ? { rulesConfigPartial: config.rules } : {}),
  };
}

export async function execute(
  prepared: Prepared,
  registry: RegistryReadResult,
  extra: { baseline?: RunResults; signal?: AbortSignal } = {},
): Promise<{ summary: AuditSummary; rules: Rule[] }> {
  const { options, logger } = prepared;
  const rules = selectRules(RULES, options.rules, prepared.weights);
  const template = await templateRequest(options);
  // read before crawling, so a bad row costs no crawl
  const exemptions = options.exemptions ? await loadExemptions(options.exemptions) : undefined;
  if (options.recheckChanged && !extra.baseline)
    throw new UsageError('--recheck-changed cần --baseline / --recheck-changed needs --baseline');
  const summary = await runAudit({
    ...(extra.baseline ? { baseline: extra.baseline } : {}),
    ...(extra.signal ? { signal: extra.signal } : {}),
    registry,
    options,
    rules,
    ruleSetVersion: RULE_SET_VERSION,
    rulesConfig: mergeRulesConfig(prepared.rulesConfigPartial),
    logger,
    allRules: RULES,
    ...(template ? { template } : {}),
    ...(exemptions ? { exemptions } : {}),
    ...(prepared.configPath ? { configPath: prepared.configPath } : {}),
  });
  return { summary, rules };
}

/** `--template` and `--template-map` go together; the map is read before crawling so a typo costs no crawl. */
export async function templateRequest(options: { template?: string; templateMap?: string }): Promise<TemplateRequest | undefined> {
  if (!options.template && !options.templateMap) return undefined;
  if (!options.template || !options.templateMap)
    throw new UsageError('--template và --template-map phải đi cùng nhau / --template and --template-map go together');
  if (!existsSync(options.template)) throw new UsageError(`--template: ${options.template}: không có tệp / no such file`);
  return { file: options.template, map: await loadTemplateMap(options.templateMap) };
}
