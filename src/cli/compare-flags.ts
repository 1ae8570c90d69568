// Audit-only flags of issue 6: compare with an earlier run, score threshold, approved exemptions.
import { Command, Option } from 'commander';

export function addCompareFlags(cmd: Command): Command {
  return cmd
    .option(
      '--baseline <runDir>',
      'so sánh với một lần chạy trước; đơn vị xấu đi → mã thoát 1 / compare with an earlier run; regressions exit 1',
    )
    .addOption(
      new Option('--fail-on <what>', 'điều gì làm mã thoát 1 khi có --baseline / what fails the run against --baseline').choices([
        'regressions',
        'malicious',
        'none',
      ]),
    )
    .option('--fail-under <score>', 'mã thoát 1 khi điểm trung bình thấp hơn / exit 1 when the average score is below this')
    .option('--exemptions <file>', 'danh sách miễn trừ đã duyệt (CSV hoặc JSON) / approved exemptions (CSV or JSON)');
}
