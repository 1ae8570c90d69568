// report.xlsx waits while a sheet's XML is queued for the zip, measured through exceljs 4 internals (the entry's
// stream states). If exceljs moves them, the measure reads 0 and the wait silently stops: this test goes red then.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { queuedForZip } from '../../src/report/xlsx/backpressure.js';

let dir = '';
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('report.xlsx backpressure', () => {
  it('sees the bytes a sheet has queued for the zip while rows are committed faster than they are deflated', async () => {
    dir = await mkdtemp(join(tmpdir(), 'xlsx-bp-'));
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: join(dir, 'r.xlsx'), useStyles: false, useSharedStrings: false });
    const sheet = book.addWorksheet('s');
    let peak = 0;
    // synchronous: the zip gets no turn to drain, so committed rows can only pile up in the entry's buffers
    for (let i = 0; i < 5_000; i++) {
      sheet.addRow([i, `Trường THCS số ${i}`, 'https://thcs.hcm.edu.vn/', 'Không đạt'.repeat(4)]).commit();
      peak = Math.max(peak, queuedForZip(sheet));
    }
    expect(peak).toBeGreaterThan(100_000);
    sheet.commit();
    await book.commit();
    expect(queuedForZip(sheet)).toBe(0);
  });
});
