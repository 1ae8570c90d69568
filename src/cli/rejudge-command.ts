// `edu-audit rejudge RUN_DIR`: re-run the current rules over a run's stored artifacts, offline.
import { RULES, RULE_SET_VERSION } from '../../rules/index.js';
import { selectRules } from '../engine/select-rules.js';
import { loadConfigFile, mergeRulesConfig } from '../options.js';
import { parseFormats, type Format } from '../report/formats.js';
import { createLogger } from '../log/logger.js';
import { rejudgeRun } from '../run/rejudge.js';
import { readRunMeta } from '../store/run-meta.js';

export interface RejudgeFlags {
  out?: string;
  format?: Format[];
  lang?: string;
  config?: string;
  logLevel?: string;
}

export async function rejudgeCommand(runDir: string, flags: RejudgeFlags): Promise<number> {
  const meta = await readRunMeta(runDir);
  const stored = meta.options.format;
  const formats =
    flags.format ?? (Array.isArray(stored) ? parseFormats(stored as string[], `${runDir}/run.json: options.format`) : ['json']);
  const config = flags.config ? await loadConfigFile(flags.config) : undefined;
  const rules = selectRules(
    RULES,
    meta.rules.filter((id) => RULES.some((r) => r.meta.id === id)),
    config?.weights,
  );
  const result = await rejudgeRun({
    runDir,
    ...(flags.out ? { out: flags.out } : {}),
    rules,
    allRules: RULES,
    ruleSetVersion: RULE_SET_VERSION,
    ...(config?.rules ? { rulesConfig: mergeRulesConfig(config.rules) } : {}),
    formats,
    ...(flags.lang === 'en' || flags.lang === 'vi' ? { lang: flags.lang } : {}),
    logger: createLogger(flags.logLevel ?? 'warn'),
  });
  // the version that judged the run first, and the one that judged it again: a rejudge after a catalogue change says so
  console.log(
    `${result.units} đơn vị: đã chấm với bộ quy tắc ${result.judgedWith}, chấm lại với bộ quy tắc ${RULE_SET_VERSION} / units judged with rule set ${result.judgedWith}, re-judged with rule set ${RULE_SET_VERSION}: ${result.dir}`,
  );
  for (const r of result.reports) for (const f of r.files) console.log(`  ${f}`);
  return 0;
}
