// edu-audit command line: parses, validates, calls the library, maps outcomes to exit codes
// (0 done, 1 threshold not met, 2 bad usage or input, 3 the run itself failed; an audit stopped by Ctrl-C or SIGTERM
// exits 130 or 143, src/cli/interrupt.ts).
import { Command, CommanderError, Option } from 'commander';
import { TOOL_VERSION } from '../version.js';
import { UsageError, auditDate } from '../options.js';
import { addCrawlFlags, addShardFlags } from './crawl-flags.js';
import { describeOption, onlyCheckFlags } from './check-flags.js';
import { auditCommand } from './audit-command.js';
import { checkCommand } from './check-command.js';
import { demoCommand } from './demo-command.js';
import { rulesCommand } from './rules-command.js';
import { registryCheck, type RegistryCheckFlags } from './registry-check.js';
import { reportCommand } from './report-command.js';
import { rejudgeCommand, type RejudgeFlags } from './rejudge-command.js';
import { addCompareFlags } from './compare-flags.js';
import { diffCommand, type DiffCommandOptions } from './diff-command.js';
import { mergeCommand, type MergeFlags } from './merge-command.js';
import { formatOption } from './format-flag.js';
import type { Format } from '../report/formats.js';

const COLUMNS_HELP =
  'tên cột của từng trường khi khác tên quen thuộc, vd. website="Link trang",id="Mã CSGD" / header of a field our names do not cover';

export const EXIT = { ok: 0, threshold: 1, usage: 2, failed: 3 } as const;

export function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command('edu-audit')
    .description(
      'Kiểm tra website đơn vị giáo dục theo quy định (TT 37/2020, CV 4210, TT 22/2023…)\nAudit Vietnamese education websites against the publishing rules',
    )
    .version(TOOL_VERSION, '-V, --version', 'phiên bản / version')
    .helpOption('-h, --help', 'trợ giúp / help')
    .helpCommand('help [command]', 'trợ giúp cho lệnh / help for a command')
    .exitOverride()
    .showHelpAfterError();

  addCompareFlags(
    addShardFlags(
      addCrawlFlags(
        program
          .command('audit <registry>')
          .description('kiểm tra mọi đơn vị trong danh sách (CSV, XLSX, JSON) / audit every unit of a registry'),
      ),
    ),
  )
    .option('--skip-invalid', 'bỏ qua dòng lỗi, kiểm tra các dòng hợp lệ / audit the valid rows, report the bad ones')
    .option('--columns <field=Header,…>', COLUMNS_HELP)
    .action(async (registry: string, _opts, cmd: Command) => setExit(await auditCommand(registry, cmd)));

  program
    .command('diff <oldRun> <newRun>')
    .description(
      'so sánh hai lần chạy: đơn vị, tiêu chí xấu đi / tốt lên; mã thoát 1 khi có đơn vị xấu đi / compare two runs; exit 1 on regressions',
    )
    .option('--json', 'in dạng JSON / print the RunDiff as JSON')
    .addOption(new Option('--lang <lang>', 'vi | en').choices(['vi', 'en']).default('vi'))
    .addOption(
      new Option('--fail-on <what>', 'điều gì làm mã thoát 1 / what makes the exit code 1')
        .choices(['regressions', 'malicious', 'none'])
        .default('regressions'),
    )
    .action(async (oldRun: string, newRun: string, opts: DiffCommandOptions) =>
      setExit(await diffCommand(oldRun, newRun, opts, (l) => console.log(l))),
    );

  onlyCheckFlags(
    addCrawlFlags(
      program.command('check <url>').description('kiểm tra một website và in phiếu đánh giá / audit one site and print its scorecard'),
    ),
  )
    .option(
      '--type <type>',
      'loại hình đơn vị; mặc định suy ra từ tên, tên miền, tiêu đề trang / unit type, inferred when not given (thpt, thcs, tieu-hoc, mam-non, lien-cap, gdtx, phong, so, khac)',
    )
    .option('--parent <url>', 'cổng thông tin cấp trên / parent portal URL')
    .option('--province <codes>', 'mã tỉnh trong tên miền / province codes, e.g. hcm or haiphong|haiduong')
    .option('--name <name>', 'tên đơn vị / unit name')
    .option('--pdf <file>', 'ghi phiếu kết quả ra tệp PDF (cần trình duyệt) / write the scorecard as a PDF file (needs the browser)')
    .action(async (url: string, _opts, cmd: Command) => setExit(await checkCommand(url, cmd)));

  program
    .command('report <runDir>')
    .description('xuất lại báo cáo từ một lần chạy đã xong, không thu thập lại / re-render reports from a finished run')
    .addOption(formatOption('mặc định / default: xlsx,html'))
    .option('--lang <lang>', 'vi | en', 'vi')
    .option('--template <file.xlsx>', "điền vào mẫu Excel của đơn vị / fill a department's own workbook")
    .option('--template-map <map.json>', 'vị trí điền trong mẫu / where values go in the template')
    .action(async (dir: string, opts: { format?: Format[]; lang?: string; template?: string; templateMap?: string }) =>
      setExit(await reportCommand(dir, opts)),
    );

  program
    .command('merge <runDirs...>')
    .description('gộp các phần (--shard K/N) thành một lần chạy / merge shard runs into one run')
    .requiredOption('--out <dir>', 'thư mục kết quả gộp / merged run directory')
    .addOption(formatOption("mặc định như các phần / default: the shards' own"))
    .action(async (dirs: string[], opts: MergeFlags) => setExit(await mergeCommand(dirs, opts, (l) => console.log(l))));

  program
    .command('rejudge <runDir>')
    .description(
      'chấm lại một lần chạy bằng bộ quy tắc hiện tại từ dữ liệu đã lưu, không truy cập mạng / re-judge a run offline from its saved artifacts',
    )
    .option('--out <dir>', 'thư mục kết quả mới / new run directory (RUN_DIR/rejudged)')
    .addOption(formatOption("mặc định như lần chạy gốc / default: the original run's"))
    .option('--lang <lang>', 'vi | en')
    .option('--config <file>', 'tệp cấu hình JSON / JSON config')
    .option('--log-level <level>', 'mức nhật ký / log level', 'warn')
    .action(async (dir: string, opts: RejudgeFlags) => setExit(await rejudgeCommand(dir, opts)));

  program
    .command('rules')
    .description('liệt kê quy tắc: mã, tên, trọng số, áp dụng cho, căn cứ / list rules')
    .option('--lang <lang>', 'vi | en', 'vi')
    .option('--json', 'in dạng JSON / print JSON')
    .option('--now <date>', 'ngày kiểm tra để xét hiệu lực của căn cứ / the audit date provisions are in force on (today)')
    .action((opts: { lang: string; json?: boolean; now?: string }) =>
      setExit(
        rulesCommand(
          opts.lang === 'en' ? 'en' : 'vi',
          Boolean(opts.json),
          (l) => console.log(l),
          auditDate(opts.now).toISOString().slice(0, 10),
        ),
      ),
    );

  const registry = program.command('registry').description('thao tác với danh sách đơn vị / registry tools');
  registry
    .command('check <file>')
    .description('kiểm tra danh sách, nêu từng dòng và trường lỗi / validate a registry, naming every bad row and field')
    .addOption(new Option('--lang <lang>', 'ngôn ngữ thông báo / language of the messages').choices(['vi', 'en']).default('vi'))
    .option('--columns <field=Header,…>', COLUMNS_HELP)
    .action(async (file: string, opts: RegistryCheckFlags) => setExit(await registryCheck(file, (l) => console.log(l), opts)));

  describeOption(
    addCrawlFlags(
      program
        .command('demo')
        .description('chạy thử trên các website mẫu đi kèm (không cần mạng) / audit the bundled fixture sites, no network'),
    ),
    '--out',
    'thư mục kết quả / run directory (mặc định / default ./edu-audit-demo)',
  ).action(async (_opts, cmd: Command) => setExit(await demoCommand(cmd)));

  return program;
}

const DISK_PROBLEMS: Record<string, string> = {
  ENOSPC: 'đĩa đầy / no space left on the device',
  EDQUOT: 'hết hạn mức đĩa / disk quota exceeded',
  EROFS: 'ổ đĩa chỉ đọc / read-only file system',
  EACCES: 'không có quyền ghi / permission denied',
  EPERM: 'không được phép / operation not permitted',
  ENOTDIR: 'một phần của đường dẫn không phải thư mục / a part of the path is not a directory',
  EISDIR: 'là một thư mục / is a directory',
  EIO: 'lỗi đọc/ghi đĩa / input/output error',
  EFBIG: 'tệp vượt quá kích thước được phép / file too large',
};

/** A clear message when the run directory cannot be written (a full or read-only disk), else undefined. */
export function diskProblem(error: unknown): string | undefined {
  const e = error as NodeJS.ErrnoException | undefined;
  const what = e?.code ? DISK_PROBLEMS[e.code] : undefined;
  if (!what) return undefined;
  const where = e?.path ?? '';
  return (
    `edu-audit: không ghi được ${where}: ${what} (${e?.code}). Những đơn vị đã ghi trong results.jsonl được giữ nguyên; ` +
    `giải phóng chỗ trống hoặc chọn --out khác rồi chạy lại với --resume. / cannot write ${where}: ${what}. Units already in ` +
    'results.jsonl are kept; free some space or pick another --out, then run again with --resume.'
  );
}

export async function main(argv: string[]): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram((c) => {
    code = c;
  });
  try {
    await program.parseAsync(argv);
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof UsageError) {
      console.error(error.message);
      return EXIT.usage;
    }
    const disk = diskProblem(error);
    if (disk) {
      console.error(disk);
      return EXIT.failed;
    }
    console.error(`edu-audit: lỗi / error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return EXIT.failed;
  }
}
