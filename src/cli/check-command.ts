// `edu-audit check URL`: a school's self-check — audits one site and prints its scorecard as a fix list.
// Without --type the unit type is inferred (name, host, then the home page title) and the scorecard says so.
import type { Command } from 'commander';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { normalizeUrl } from '../registry/url.js';
import { UNIT_TYPES, UNIT_TYPE_LABELS, type Unit, type UnitType } from '../model/unit.js';
import { mergeRulesConfig, UsageError } from '../options.js';
import type { RunResults, UnitResult } from '../model/result.js';
import { formatScorecard } from '../report/unit-scorecard.js';
import { execute, prepare, type Prepared } from './execute.js';
import { inferBeforeCrawl, typeFromText, type InferredType } from './infer-unit-type.js';
import { listArchives, loadArtifacts } from '../store/artifact-archive.js';
import { judgeArtifacts } from '../run/audit-unit.js';
import { buildRegistryIndex } from '../registry/index.js';
import { RULE_SET_VERSION } from '../../rules/index.js';
import type { Rule } from '../model/rule.js';

interface CheckFlags {
  type?: string;
  parent?: string;
  province?: string;
  name?: string;
  out?: string;
  pdf?: string;
}

export async function checkCommand(url: string, cmd: Command): Promise<number> {
  const flags = cmd.opts() as CheckFlags;
  if (flags.type !== undefined && !(UNIT_TYPES as readonly string[]).includes(flags.type)) {
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
  const host = new URL(website.url).hostname;
  const provinces = (flags.province ?? '')
    .split('|')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const given: InferredType | undefined = flags.type ? { type: flags.type as UnitType, from: 'type', evidence: flags.type } : undefined;
  const before = given ?? inferBeforeCrawl(flags.name, host, provinces);
  const tempDir = flags.out ? undefined : await mkdtemp(join(tmpdir(), 'edu-audit-check-'));
  // only when neither flag, name nor host tells the type is the home page title needed: keep the fetch to re-judge it
  const prepared = await prepare(
    cmd,
    {
      ...(tempDir ? { out: tempDir, format: ['json'] as const } : {}),
      progress: false,
      ...(before ? {} : { saveArtifacts: true }),
      // the PDF scorecard shows the home page as a visitor sees it
      ...(flags.pdf ? { screenshots: true } : {}),
    },
    { logLevel: 'warn' },
  );
  const unit: Unit = {
    id: 'check',
    name: flags.name ?? host,
    type: before?.type ?? 'khac',
    district: '-',
    province: provinces,
    website: website.url,
    ...(parent ? { parent } : {}),
    source: { file: '(check)', row: 1 },
  };
  try {
    const { summary, rules } = await execute(prepared, { file: '(check)', units: [unit], errors: [], sha256: '' });
    const results = JSON.parse(await readFile(summary.resultsFile, 'utf8')) as RunResults;
    let result = results.units[0];
    if (!result) return 3;
    const lang = prepared.options.lang;
    if (result.crawl.status === 'private_address') {
      console.error(privateRefusal(url, result.crawl.error, lang));
      return 2;
    }
    let inferred = before;
    if (!inferred && result.title) {
      const byTitle = typeFromText(result.title);
      if (byTitle) {
        inferred = { type: byTitle, from: 'title', evidence: result.title };
        result = (await rejudgeAs(summary.dir, byTitle, prepared, rules)) ?? result;
      }
    }
    console.log(typeLine(inferred, lang));
    console.log(formatScorecard(result, rules, lang));
    // a temporary run directory is removed on exit: its screenshot is only worth naming with --out
    if (!tempDir) {
      for (const shot of result.screenshots ?? [])
        console.log(`${lang === 'en' ? 'Screenshot' : 'Ảnh chụp trang'}: ${join(summary.dir, shot.file)}`);
    }
    if (flags.pdf) {
      // the same scorecard as `--format pdf`, to the file asked for; without a browser: one message, same exit code
      const { writeUnitPdf } = await import('../report/pdf/pdf-reporter.js');
      const file = await writeUnitPdf(result, { run: results.run, rules, lang }, summary.dir, resolve(flags.pdf));
      if (file) console.log(`${lang === 'en' ? 'PDF scorecard' : 'Phiếu kết quả PDF'}: ${file}`);
    }
    return 0;
  } finally {
    if (tempDir) await rm(tempDir, { recursive: true, force: true });
  }
}

/** The one unit's stored fetch judged again as `type` — offline, so the site is fetched once. */
async function rejudgeAs(dir: string, type: UnitType, prepared: Prepared, rules: Rule[]): Promise<UnitResult | undefined> {
  const [archive] = await listArchives(dir).catch(() => []);
  if (!archive) return undefined;
  const { artifacts, crawl, screenshots } = await loadArtifacts(archive);
  const unit = { ...artifacts.unit, type };
  const results = JSON.parse(await readFile(join(dir, 'results.json'), 'utf8')) as RunResults;
  const ruleCtx = {
    now: new Date(results.run.now),
    config: mergeRulesConfig(prepared.rulesConfigPartial),
    registry: buildRegistryIndex([unit]),
  };
  const judged = judgeArtifacts({
    artifacts: { ...artifacts, unit },
    crawl,
    rules,
    ruleCtx,
    lang: prepared.options.lang,
    ruleSetVersion: RULE_SET_VERSION,
    logger: prepared.logger,
  });
  // the same run directory: its screenshots stay where they are
  return screenshots?.length ? { ...judged, screenshots } : judged;
}

const SOURCE_TEXT: Record<Exclude<InferredType['from'], 'type'>, { vi: string; en: string }> = {
  name: { vi: 'tên đơn vị', en: 'the unit name' },
  host: { vi: 'tên miền', en: 'the host name' },
  title: { vi: 'tiêu đề trang chủ', en: 'the home page title' },
};

export function typeLine(inferred: InferredType | undefined, lang: 'vi' | 'en'): string {
  if (!inferred) {
    return lang === 'vi'
      ? `Loại hình: ${UNIT_TYPE_LABELS.khac.vi} (không suy ra được từ tên miền hay tiêu đề trang; chỉ rõ bằng --type)`
      : `Unit type: ${UNIT_TYPE_LABELS.khac.en} (could not be inferred from the host or page title; use --type)`;
  }
  const label = UNIT_TYPE_LABELS[inferred.type][lang];
  if (inferred.from === 'type') return lang === 'vi' ? `Loại hình: ${label} (--type)` : `Unit type: ${label} (--type)`;
  const source = SOURCE_TEXT[inferred.from][lang];
  const evidence = inferred.evidence.length > 80 ? `${inferred.evidence.slice(0, 79)}…` : inferred.evidence;
  return lang === 'vi'
    ? `Loại hình: ${label} — suy ra từ ${source} '${evidence}'; nếu sai, chỉ rõ bằng --type`
    : `Unit type: ${label} — inferred from ${source} '${evidence}'; if wrong, use --type`;
}

function privateRefusal(url: string, detail: string | undefined, lang: 'vi' | 'en'): string {
  const address = /address (\S+)/.exec(detail ?? '')?.[1];
  return lang === 'vi'
    ? `${url}: từ chối kiểm tra — địa chỉ trỏ vào mạng nội bộ${address ? ` (${address})` : ''}; nếu đây là máy chủ thử nghiệm của bạn, dùng --allow-private`
    : `${url}: refused — the address is on a private network${address ? ` (${address})` : ''}; if this is your own test server, use --allow-private`;
}
