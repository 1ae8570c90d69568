// `edu-audit check URL`: a school's self-check — audits one site and prints its scorecard as a fix list.
import type { Command } from 'commander';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { normalizeUrl } from '../registry/url.js';
import { UNIT_TYPES, type Unit, type UnitType } from '../model/unit.js';
import { UsageError } from '../options.js';
import type { RunResults } from '../model/result.js';
import { formatScorecard } from '../report/unit-scorecard.js';
import { execute, prepare } from './execute.js';

export async function checkCommand(url: string, cmd: Command): Promise<number> {
  const flags = cmd.opts() as { type: string; parent?: string; province?: string; name?: string; out?: string };
  if (!(UNIT_TYPES as readonly string[]).includes(flags.type)) {
    throw new UsageError(`--type: loại hình không hợp lệ / invalid unit type: ${flags.type} (${UNIT_TYPES.join(', ')})`);
  }
  const website = normalizeUrl(url);
  if (!website.ok) throw new UsageError(`${url}: ${website.problem}`);
  let parent: string | undefined;
  if (flags.parent) {
    const p = normalizeUrl(flags.parent);
    if (!p.ok) throw new UsageError(`--parent: ${p.problem}`);
    parent = p.url;
  }
  const tempDir = flags.out ? undefined : await mkdtemp(join(tmpdir(), 'edu-audit-check-'));
  const prepared = await prepare(cmd, { ...(tempDir ? { out: tempDir } : {}), progress: false, format: ['json'] }, { logLevel: 'warn' });
  const unit: Unit = {
    id: 'check',
    name: flags.name ?? new URL(website.url).hostname,
    type: flags.type as UnitType,
    district: '-',
    province: (flags.province ?? '').split('|').map((s) => s.trim().toLowerCase()).filter(Boolean),
    website: website.url,
    ...(parent ? { parent } : {}),
    source: { file: '(check)', row: 1 },
  };
  try {
    const { summary, rules } = await execute(prepared, { file: '(check)', units: [unit], errors: [], sha256: '' });
    const results = JSON.parse(await readFile(summary.resultsFile, 'utf8')) as RunResults;
    const result = results.units[0];
    if (!result) return 3;
    console.log(formatScorecard(result, rules, prepared.options.lang));
    // a temporary run directory is removed on exit: its screenshot is only worth naming with --out
    if (!tempDir) {
      for (const shot of result.screenshots ?? []) console.log(`${prepared.options.lang === 'en' ? 'Screenshot' : 'Ảnh chụp trang'}: ${join(summary.dir, shot.file)}`);
    }
    return 0;
  } finally {
    if (tempDir) await rm(tempDir, { recursive: true, force: true });
  }
}
