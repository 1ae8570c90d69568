// Runs the built CLI as a child process (the way users and CI run it); builds dist/ first when it is missing.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'edu-audit.js');

export function ensureBuilt(): void {
  if (!existsSync(join(ROOT, 'dist', 'src', 'cli', 'main.js'))) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { cwd?: string; timeoutMs?: number } = {}): Promise<CliRun> {
  return new Promise((done) => {
    execFile(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, timeout: options.timeoutMs ?? 120_000, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 99) : 0;
        done({ code, stdout, stderr });
      });
  });
}
