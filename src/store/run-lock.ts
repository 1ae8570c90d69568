// One audit process per run directory: a lock file holding the pid, created exclusively. A lock left by a process
// that no longer exists (kill -9, power loss) is taken over, so a crashed run can be resumed.
import { rmSync } from 'node:fs';
import { open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from '../options.js';

export const LOCK_FILE = '.edu-audit.lock';

/** Locks this process holds, so an immediate exit (a second Ctrl-C) can still remove them. */
const held = new Set<string>();

/** Removes every lock this process holds, synchronously: for an exit that cannot wait for the run to unwind. */
export function releaseHeldLocksSync(): void {
  for (const path of held) rmSync(path, { force: true });
  held.clear();
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function acquireRunLock(dir: string): Promise<() => Promise<void>> {
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      held.add(path);
      return async () => {
        held.delete(path);
        await rm(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number.parseInt((await readFile(path, 'utf8').catch(() => '')).trim(), 10);
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) {
        throw new UsageError(
          `${dir}: một tiến trình edu-audit khác (pid ${pid}) đang ghi vào thư mục này / another edu-audit process (pid ${pid}) is writing to this run directory`,
        );
      }
      await rm(path, { force: true }); // stale lock of a dead process
    }
  }
  throw new UsageError(`${dir}: không lấy được khóa thư mục / could not lock the run directory`);
}
