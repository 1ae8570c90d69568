// What `audit` does with the registries offices really send (fixtures/registries/, README "Registry"): the built
// CLI, every connection to a closed port on 127.0.0.1 (nothing leaves loopback).
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, runCli } from './cli-helpers.js';
import ExcelJS from 'exceljs';
import type { RunResults } from '../../src/model/result.js';

const CLOSED = ['--connect-to', '::127.0.0.1:9', '--timeout', '1000', '--retries', '0', '--log-level', 'error'];
let tmp: string;

beforeAll(async () => {
  ensureBuilt();
  tmp = await mkdtemp(join(tmpdir(), 'edu-registry-cases-'));
});

describe('audit of messy registries', () => {
  it('website cells: units without a website are audited and shown as "Chưa có website"; alternates reach the registry checks', async () => {
    const out = join(tmp, 'messy');
    const r = await runCli([
      'audit',
      'fixtures/registries/messy-websites.csv',
      '--out',
      out,
      '--format',
      'json,html,xlsx',
      '--now',
      '15/11/2026',
      ...CLOSED,
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      'fixtures/registries/messy-websites.csv:2: website: cảnh báo: ô có thêm 1 địa chỉ, giữ làm địa chỉ phụ: https://thcs-vanlang.violet.vn/',
    );
    const results = JSON.parse(await readFile(join(out, 'results.json'), 'utf8')) as RunResults;
    expect(results.run.now).toBe('2026-11-15T00:00:00.000Z');
    expect(results.units).toHaveLength(12);
    const status = Object.fromEntries(results.units.map((u) => [u.id, u.crawl.status]));
    for (const id of ['79000301', '79000302', '79000303', '79000401', '79000402', '79000403', '79000404'])
      expect(status[id], id).toBe('no_website');
    expect(status['79000201']).toBe('refused');
    expect(results.units.find((u) => u.id === '79000201')?.alternates).toEqual(['https://thcs-vanlang.violet.vn/']);
    expect(results.run.registryChecks.filter((c) => c.kind === 'alternate-website').map((c) => c.units.join('+'))).toEqual([
      '79000201',
      '79000202',
      '79000203',
      '79000204',
    ]);
    // kept in every table, as "Chưa có website"
    const html = await readFile(join(out, 'report.html'), 'utf8');
    expect(html.match(/<td>Chưa có website<\/td>/g)).toHaveLength(7);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, 'report.xlsx'));
    const noWebsiteRows = new Set<string>();
    wb.eachSheet((sheet) =>
      sheet.eachRow((row) => {
        const cells = (row.values as unknown[]).map((v) => String(v ?? ''));
        if (cells.includes('Chưa có website')) noWebsiteRows.add(`${sheet.name}:${cells.find((c) => /^790004|^790003/.test(c)) ?? ''}`);
      }),
    );
    expect([...noWebsiteRows].filter((k) => !k.endsWith(':')).length).toBeGreaterThanOrEqual(7);
  }, 120_000);

  it('a title block and office headers: the header row is found and --skip-invalid audits the good rows', async () => {
    const out = join(tmp, 'title');
    const refused = await runCli(['audit', 'fixtures/registries/title-block.xlsx', '--out', join(tmp, 'title-refused'), ...CLOSED]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      'fixtures/registries/title-block.xlsx:5: -: cảnh báo: dùng dòng 5 làm dòng tiêu đề (bỏ qua 4 dòng phía trên)',
    );
    expect(refused.stderr).toContain(
      'fixtures/registries/title-block.xlsx: danh sách có 1 lỗi; sửa lại, hoặc dùng --skip-invalid để kiểm tra các dòng hợp lệ',
    );
    const r = await runCli([
      'audit',
      'fixtures/registries/title-block.xlsx',
      '--skip-invalid',
      '--out',
      out,
      '--format',
      'json',
      ...CLOSED,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const results = JSON.parse(await readFile(join(out, 'results.json'), 'utf8')) as RunResults;
    expect(results.units.map((u) => [u.id, u.crawl.status])).toEqual([
      ['79000201', 'refused'],
      ['79000301', 'no_website'],
    ]);
    expect(results.run.registryChecks.filter((c) => c.kind === 'invalid-row').map((c) => c.detail)).toEqual([
      expect.stringMatching(/title-block\.xlsx:8: type: /),
    ]);
  }, 120_000);

  it('--columns maps headers the alias table does not know', async () => {
    const out = join(tmp, 'columns');
    const r = await runCli([
      'audit',
      'fixtures/registries/custom-headers.csv',
      '--columns',
      'id=Số hiệu,website=Link trang',
      '--out',
      out,
      '--format',
      'json',
      ...CLOSED,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const results = JSON.parse(await readFile(join(out, 'results.json'), 'utf8')) as RunResults;
    expect(results.units.map((u) => u.website)).toEqual(['https://thcs-vanlang.hcm.edu.vn/', 'https://th-tranhungdao.hcm.edu.vn/']);
  }, 120_000);

  it('files that cannot be audited: exit 2, the reason, no --skip-invalid hint, no run directory', async () => {
    for (const [file, line] of [
      ['fixtures/registries/khong-co.csv', 'fixtures/registries/khong-co.csv:1: -: không tìm thấy tệp'],
      [
        'fixtures/registries/excel-97.xls',
        'fixtures/registries/excel-97.xls:1: -: tệp Excel 97–2003 (.xls) không được hỗ trợ: hãy lưu lại dạng .xlsx hoặc CSV UTF-8',
      ],
      ['fixtures/registries/windows-1258.csv', 'fixtures/registries/windows-1258.csv:4: name: ô này không phải UTF-8'],
      ['fixtures/registries/custom-headers.csv', "fixtures/registries/custom-headers.csv:1: id: thiếu cột bắt buộc 'id'"],
    ] as const) {
      const out = join(tmp, `never-${file.split('/').at(-1)}`);
      const r = await runCli(['audit', file, '--skip-invalid', '--out', out, ...CLOSED]);
      expect(r.code, file).toBe(2);
      expect(r.stderr, file).toContain(line);
      expect(r.stderr, file).not.toContain('--skip-invalid');
      expect(existsSync(join(out, 'results.jsonl')), file).toBe(false);
    }
  }, 120_000);

  it('registry check speaks English with --lang en; a bad --now is refused', async () => {
    const r = await runCli(['registry', 'check', 'fixtures/registries/title-block.csv', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stdout.trim().split('\n').at(-1)).toBe('2 valid units, 1 row with errors, 1 warning');
    const bad = await runCli(['audit', 'fixtures/registries/demo.csv', '--now', '31/02/2026', '--out', join(tmp, 'bad-now'), ...CLOSED]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--now: ngày không hợp lệ, cần YYYY-MM-DD hoặc dd/mm/yyyy');
  }, 60_000);
});
