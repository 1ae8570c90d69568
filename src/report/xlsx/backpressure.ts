// exceljs pipes committed rows into the zip without waiting for it (no backpressure): a sheet's XML went into the
// archiver's buffer for that entry much faster than it is deflated, so the whole sheet piled up in memory. Every
// few rows, wait while more than a few MB are queued for the zip.
import type ExcelJS from 'exceljs';

const CHECK_EVERY = 64;
const MAX_QUEUED = 4 * 1024 * 1024;
let sinceCheck = 0;

export async function breathe(sheet: ExcelJS.Worksheet): Promise<void> {
  if (++sinceCheck < CHECK_EVERY) return;
  sinceCheck = 0;
  while (queuedForZip(sheet) > MAX_QUEUED) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** Bytes the sheet's stream has handed to the zip that the zip has not taken yet (exceljs 4 internals: the entry is a
 * readable-stream 2 PassThrough, whose buffered lengths are only in its states; test/report/xlsx-backpressure.test.ts
 * fails if they move). */
export function queuedForZip(sheet: ExcelJS.Worksheet): number {
  type State = { length?: number };
  type Pipe = { _readableState?: State; _writableState?: State };
  const pipes = (sheet as unknown as { stream?: { pipes?: Pipe[] } }).stream?.pipes ?? [];
  return pipes.reduce((n, p) => n + (p._readableState?.length ?? 0) + (p._writableState?.length ?? 0), 0);
}
