// The crawl/audit flags shared by `audit`, `check` and `demo`, and their conversion to AuditOptions input.
import { Command, Option } from 'commander';
import { formatOption } from './format-flag.js';

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];
const list = (value: string): string[] =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export function addCrawlFlags(cmd: Command): Command {
  return cmd
    .option('--out <dir>', 'thư mục kết quả / run directory (mặc định ./edu-audit-YYYYMMDD-HHMMSS)')
    .addOption(formatOption('mặc định / default: xlsx,json,html'))
    .option('--concurrency <n>', 'số đơn vị kiểm tra cùng lúc / units crawled at once (32)')
    .option('--per-host <n>', 'số yêu cầu cùng lúc tới một máy chủ / requests at once per host (2)')
    .option('--per-ip <n>', 'số yêu cầu cùng lúc tới một địa chỉ IP / requests at once per IP (16)')
    .option(
      '--workers <n>',
      'số luồng xử lý song song / worker threads crawling and judging units (số nhân CPU trừ một, tối đa 4; 1 = một luồng / CPU cores but one, at most 4; 1 = in-process)',
    )
    .option(
      '--page-memory <MB>',
      'dung lượng HTML đã phân tích giữ cùng lúc; đơn vị mới chờ khi vượt / MB of parsed pages held at once before new units wait (12)',
    )
    .option('--max-pages <n>', 'số trang tối đa mỗi đơn vị / pages per unit (30)')
    .option('--timeout <ms>', 'thời gian chờ mỗi yêu cầu / per-request timeout, headers and body (15000)')
    .option('--max-bytes <n>', 'dung lượng tối đa mỗi phản hồi sau giải nén / body cap, decoded bytes (5 MiB)')
    .option('--unit-deadline <ms>', 'thời hạn cho mỗi đơn vị / per-unit deadline (max(4 × timeout, 60000))')
    .option('--retries <n>', 'số lần thử lại khi lỗi mạng, 429, 503 / retries (2)')
    .option('--connect-to <H1:P1:H2:P2>', 'như curl: kết nối tới H2:P2 thay cho H1:P1 / like curl (lặp lại được / repeatable)', collect)
    .option('--ca <file>', 'chứng chỉ CA bổ sung (PEM) / extra trusted CA (repeatable)', collect)
    .option('--allow-private', 'cho phép địa chỉ nội bộ / allow loopback, private, link-local targets')
    .option('--ignore-robots', 'bỏ qua robots.txt / ignore robots.txt')
    .option('--rules <list>', 'chỉ chạy các quy tắc này / rule ids to run', list)
    .option('--config <file>', 'tệp cấu hình JSON / JSON config (edu-audit.config.json)')
    .option('--now <date>', 'ngày kiểm tra cho quy tắc theo ngày, YYYY-MM-DD hoặc dd/mm/yyyy / audit date, YYYY-MM-DD or dd/mm/yyyy')
    .option('--user-agent <str>', 'định danh trình thu thập / crawler user agent')
    .addOption(new Option('--lang <lang>', 'ngôn ngữ / language').choices(['vi', 'en']))
    .addOption(
      new Option('--log-level <level>', 'mức nhật ký / log level').choices(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
    )
    .option('--template <file.xlsx>', "điền vào mẫu Excel của đơn vị / fill a department's own workbook")
    .option('--template-map <map.json>', 'vị trí điền trong mẫu / where values go in the template')
    .addOption(
      new Option(
        '--render <mode>',
        'hiển thị trang bằng trình duyệt / render home pages in a browser: auto (khi HTML tĩnh không đủ tin cậy / when the static HTML cannot be trusted), always, never',
      ).choices(['auto', 'always', 'never']),
    )
    .option(
      '--browser <path>',
      'dùng Chrome/Chromium của máy thay cho bản cài qua npm / a system Chrome/Chromium instead of the npm-installed one (EDU_AUDIT_BROWSER)',
    )
    .option('--screenshots', "chụp ảnh trang chủ của mọi đơn vị vào evidence/ / a screenshot of every unit's home page in evidence/")
    .option('--no-evidence', 'không lưu trang làm bằng chứng / do not keep deciding pages in evidence/')
    .option('--save-artifacts', 'lưu mọi trang đã tải để chấm lại sau (rejudge) / keep every fetched page for rejudge')
    .option(
      '--recheck-changed',
      'kiểm tra lại (muộn hơn, nhẹ hơn) các đơn vị có kết luận khác --baseline / re-check units whose verdicts changed',
    )
    .option('--recheck-unverified', 'kiểm tra lại các đơn vị có tiêu chí chưa xác minh / re-check units with unverified findings')
    .option('--recheck-delay <ms>', 'chờ trước khi kiểm tra lại / wait before re-checks (30000)')
    .option('--resume', 'tiếp tục lần chạy bị dừng trong --out / continue an interrupted run in --out')
    .option('--no-progress', 'không hiện thanh tiến độ / no progress bar');
}

/** Commander values → AuditOptions input: only flags the user actually gave, so config values are not erased. */
export function givenFlags(cmd: Command): Record<string, unknown> {
  const values = cmd.opts();
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (key === 'config') continue;
    if (cmd.getOptionValueSource(key) === 'cli') out[key] = value;
  }
  return out;
}

/** Audit-only: `check` judges one site and `demo` a fixed fleet, so slicing means nothing there. */
export function addShardFlags(cmd: Command): Command {
  return cmd
    .option(
      '--shard <K/N|auto>',
      'chỉ kiểm tra phần K trong N phần của danh sách / audit only shard K of N (auto: CI_NODE_INDEX/CI_NODE_TOTAL, JOB_COMPLETION_INDEX)',
    )
    .option('--shards <n>', 'số phần khi --shard auto dưới Kubernetes Indexed Job / N for --shard auto with JOB_COMPLETION_INDEX');
}
