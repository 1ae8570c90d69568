// run.json: what a run was started with (options, registry checksum, rule set), written before the first unit so
// that `--resume` can refuse a different registry or options that would change the verdicts.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunResults } from '../model/result.js';
import { UsageError } from '../options.js';
import type { RulesConfig } from '../engine/rules-config.js';

export type RunMeta = Omit<RunResults['run'], 'finishedAt' | 'registryChecks'> & {
  rulesConfigSha256?: string;
  /** The rules' data the run judged with (keywords, hosts…), so `rejudge` can use the same. */
  rulesConfig?: RulesConfig;
};

export const RUN_META_FILE = 'run.json';

/** Options that only change how the crawl is carried out, not what is judged: free to differ on resume. */
const CRAWL_TUNING = new Set([
  'out',
  'format',
  'concurrency',
  'perHost',
  'perIp',
  'pageMemory',
  'workers',
  'timeout',
  'retries',
  'unitDeadline',
  'connectTo',
  'ca',
  'logLevel',
  'progress',
  'resume',
  'template',
  'templateMap',
  'baseline',
  'failOn',
  'failUnder',
  'recheckChanged',
  'recheckUnverified',
  'recheckDelay',
  'skipInvalid',
  'config',
]);

export async function writeRunMeta(dir: string, meta: RunMeta): Promise<void> {
  await writeFile(join(dir, RUN_META_FILE), `${JSON.stringify(meta, null, 2)}\n`);
}

export async function readRunMeta(dir: string): Promise<RunMeta> {
  try {
    return JSON.parse(await readFile(join(dir, RUN_META_FILE), 'utf8')) as RunMeta;
  } catch (error) {
    throw new UsageError(`${dir}: không có run.json hợp lệ để tiếp tục / no readable run.json to resume: ${(error as Error).message}`);
  }
}

/** Why `previous` cannot be resumed with `current`, or undefined when it can. */
export function resumeConflict(previous: RunMeta, current: RunMeta): string | undefined {
  if (previous.registry.sha256 !== current.registry.sha256) {
    return `danh sách đã thay đổi / the registry changed (${previous.registry.file} sha256 ${previous.registry.sha256.slice(0, 12)}… ≠ ${current.registry.file} ${current.registry.sha256.slice(0, 12)}…)`;
  }
  if (previous.ruleSetVersion !== current.ruleSetVersion)
    return `bộ quy tắc đã thay đổi / the rule set changed (${previous.ruleSetVersion} → ${current.ruleSetVersion})`;
  if (JSON.stringify(previous.rules) !== JSON.stringify(current.rules)) return 'danh sách quy tắc khác / a different --rules selection';
  if ((previous.rulesConfigSha256 ?? '') !== (current.rulesConfigSha256 ?? '')) return 'cấu hình quy tắc khác / the rules config changed';
  const keys = new Set([...Object.keys(previous.options), ...Object.keys(current.options)]);
  for (const key of keys) {
    if (CRAWL_TUNING.has(key) || key === 'now') continue;
    if (JSON.stringify(previous.options[key]) !== JSON.stringify(current.options[key])) {
      return `tùy chọn --${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} khác / option differs: ${JSON.stringify(previous.options[key])} → ${JSON.stringify(current.options[key])}`;
    }
  }
  return undefined;
}
