// Runs the built CLI as a child process (the way users and CI run it); builds dist/ first when it is stale.
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { buildIfStale } from './build-state.js';

export const ROOT = resolve(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'edu-audit.js');

/** vitest's global setup (test/global-build.ts) has built dist/ already; this covers a file run some other way. */
export function ensureBuilt(): void {
  buildIfStale(ROOT);
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { cwd?: string; timeoutMs?: number } = {}): Promise<CliRun> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      {
        cwd: options.cwd ?? ROOT,
        timeout: options.timeoutMs ?? 120_000,
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, NO_COLOR: '1' },
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 99) : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}
