// Alerts first: the demo's hijacked school (79769202, whose home page redirects to a betting site) and its other
// blocking failures are listed before anything else — on the "Cảnh báo" sheet right after "Tổng hợp", at the top
// of the console summary and of report.html — with the registered URL and the final URL side by side.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { ensureBuilt, runCli, type CliRun } from './cli-helpers.js';

let out: string;
let run: CliRun;
let book: ExcelJS.Workbook;

beforeAll(async () => {
  ensureBuilt();
  out = join(await mkdtemp(join(tmpdir(), 'edu-alerts-')), 'run');
  run = await runCli(['demo', '--out', out, '--format', 'xlsx,html', '--log-level', 'warn', '--no-progress']);
  book = new ExcelJS.Workbook();
  await book.xlsx.readFile(join(out, 'report.xlsx'));
}, 120_000);

const HIJACKED = { id: '79769202', registered: 'https://thcs-binhan.hcm.edu.vn/', final: 'https://nhacai-w88.example.com/' };

describe('alerts', () => {
  it('puts "Cảnh báo" right after "Tổng hợp", listing the hijacked unit with both URLs and the legal basis', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(book.worksheets.map((s) => s.name).slice(0, 2)).toEqual(['Tổng hợp', 'Cảnh báo']);
    const sheet = book.getWorksheet('Cảnh báo')!;
    const header = sheet.getRow(4).values as unknown[];
    const col = (name: string): number => header.indexOf(name);
    const rows = Array.from({ length: sheet.rowCount - 4 }, (_, i) => sheet.getRow(5 + i)).filter(
      (r) => r.getCell(col('Mã đơn vị')).value === HIJACKED.id,
    );
    const offsite = rows.find((r) => String(r.getCell(col('Vấn đề')).value).includes('chuyển hướng'))!;
    expect(offsite, 'redirect-offsite row').toBeDefined();
    expect(offsite.getCell(col('Website đăng ký')).value).toEqual({ text: HIJACKED.registered, hyperlink: HIJACKED.registered });
    expect(offsite.getCell(col('Địa chỉ sau chuyển hướng')).value).toEqual({ text: HIJACKED.final, hyperlink: HIJACKED.final });
    expect(String(offsite.getCell(col('Căn cứ pháp lý')).value)).toContain('Hải Phòng 2023');
    // the gambling content on the page it lands on is an alert of its own
    expect(rows.some((r) => String(r.getCell(col('Nội dung phát hiện')).value).includes('W88'))).toBe(true);
    // units that pass every blocking rule are not listed
    const ids = Array.from({ length: sheet.rowCount - 4 }, (_, i) => sheet.getRow(5 + i).getCell(col('Mã đơn vị')).value);
    expect(ids).not.toContain('79000701');
  });

  it('shows registered website and final URL as two columns and says "Chuyển hướng ra ngoài" on the detail sheet', () => {
    const sheet = book.getWorksheet('Chi tiết đơn vị')!;
    const header = sheet.getRow(4).values as unknown[];
    const row = Array.from({ length: sheet.rowCount - 4 }, (_, i) => sheet.getRow(5 + i)).find((r) => r.getCell(2).value === HIJACKED.id)!;
    expect(row.getCell(header.indexOf('Website đăng ký')).value).toEqual({ text: HIJACKED.registered, hyperlink: HIJACKED.registered });
    expect(row.getCell(header.indexOf('Địa chỉ sau chuyển hướng')).value).toEqual({ text: HIJACKED.final, hyperlink: HIJACKED.final });
    expect(row.getCell(header.indexOf('Trạng thái truy cập')).value).toBe('Chuyển hướng ra ngoài');
  });

  it('opens the console summary with the alerts', () => {
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^CẢNH BÁO: \d+ đơn vị vi phạm tiêu chí chặn/);
    const hijacked = lines.findIndex((l) => l.includes(HIJACKED.id) && l.includes(`${HIJACKED.registered} → ${HIJACKED.final}`));
    expect(hijacked).toBeGreaterThan(0);
    expect(hijacked).toBeLessThan(lines.findIndex((l) => l.startsWith('Kết quả kiểm tra')));
  });

  it('opens report.html with the alerts, before the summary', async () => {
    const html = await readFile(join(out, 'report.html'), 'utf8');
    const alerts = html.indexOf('id="alerts"');
    expect(alerts).toBeGreaterThan(0);
    expect(alerts).toBeLessThan(html.indexOf('Tổng hợp theo quận/huyện'));
    const section = html.slice(alerts, html.indexOf('</section>', alerts));
    expect(section).toContain(`href="${HIJACKED.registered}"`);
    expect(section).toContain(`href="${HIJACKED.final}"`);
  });
});
