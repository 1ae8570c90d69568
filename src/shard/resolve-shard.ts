// `--shard K/N` or `--shard auto` (+ `--shards N`) → a Shard. `auto` reads the CI's own variables:
// GitLab `parallel:` sets CI_NODE_INDEX (1-based) and CI_NODE_TOTAL; a Kubernetes Indexed Job sets
// JOB_COMPLETION_INDEX (0-based) but not the count, hence `--shards N`. GitHub Actions has neither, so a
// matrix passes `--shard ${{ matrix.shard }}/N` itself.
import { UsageError } from '../options.js';
import type { Shard } from './shard.js';

export type Env = Record<string, string | undefined>;

const USAGE = 'K/N (1 ≤ K ≤ N) hoặc/or auto';
const wholeNumber = (s: string | undefined): number | undefined => (s !== undefined && /^\s*\d+\s*$/.test(s) ? Number(s) : undefined);

export function resolveShard(shard: string | undefined, shards: number | undefined, env: Env = process.env): Shard | undefined {
  if (shard === undefined) {
    if (shards !== undefined) throw new UsageError('--shards: chỉ dùng cùng --shard auto / only with --shard auto');
    return undefined;
  }
  if (shard.trim() === 'auto') return fromEnv(shards, env);
  if (shards !== undefined) throw new UsageError('--shards: chỉ dùng cùng --shard auto / only with --shard auto');
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(shard);
  const k = Number(m?.[1]);
  const n = Number(m?.[2]);
  if (!m || n < 1 || k < 1 || k > n || !Number.isSafeInteger(n)) {
    throw new UsageError(`--shard: giá trị không hợp lệ / invalid value "${shard}": cần / expected ${USAGE}`);
  }
  return { k, n };
}

function fromEnv(shards: number | undefined, env: Env): Shard {
  const check = (k: number, n: number, source: string): Shard => {
    if (shards !== undefined && shards !== n) throw new UsageError(`--shards ${shards}: khác / differs from ${source} (${n})`);
    if (n < 1 || k < 1 || k > n) throw new UsageError(`--shard auto: ${source}: shard ${k}/${n} không hợp lệ / is invalid`);
    return { k, n };
  };
  if (env.CI_NODE_INDEX !== undefined) {
    const k = wholeNumber(env.CI_NODE_INDEX);
    const n = wholeNumber(env.CI_NODE_TOTAL);
    if (k === undefined || n === undefined) {
      throw new UsageError(
        `--shard auto: CI_NODE_INDEX="${env.CI_NODE_INDEX}", CI_NODE_TOTAL="${env.CI_NODE_TOTAL ?? ''}" phải là số nguyên / must be whole numbers`,
      );
    }
    return check(k, n, 'CI_NODE_INDEX/CI_NODE_TOTAL');
  }
  if (env.JOB_COMPLETION_INDEX !== undefined) {
    const index = wholeNumber(env.JOB_COMPLETION_INDEX);
    if (index === undefined)
      throw new UsageError(`--shard auto: JOB_COMPLETION_INDEX="${env.JOB_COMPLETION_INDEX}" phải là số nguyên / must be a whole number`);
    if (shards === undefined)
      throw new UsageError(
        "--shard auto: JOB_COMPLETION_INDEX cần --shards N (= completions của Job) / needs --shards N (the Job's completions)",
      );
    return check(index + 1, shards, 'JOB_COMPLETION_INDEX');
  }
  // GitLab sets CI_NODE_TOTAL=1 on a job without `parallel:`: the whole registry is one shard.
  if (wholeNumber(env.CI_NODE_TOTAL) === 1) return check(1, 1, 'CI_NODE_TOTAL');
  throw new UsageError(
    '--shard auto: không thấy CI_NODE_INDEX/CI_NODE_TOTAL (GitLab parallel:) hay JOB_COMPLETION_INDEX (Kubernetes Indexed Job); dùng --shard K/N / none in the environment; use --shard K/N',
  );
}
