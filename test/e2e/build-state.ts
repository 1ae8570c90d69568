// Whether dist/ is older than the sources it is built from, and the build that brings it up to date. The e2e tests
// run the built CLI, so `npx vitest` after an edit must never run the code as it was before the edit.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const INPUTS = ['src', 'rules', 'tsconfig.json', 'tsconfig.build.json', 'package.json'];
/** Written after each build this module runs: tsc leaves its build info alone when no output changed. */
const STAMP = join('dist', '.built');
const BUILD_INFO = join('dist', '.tsbuildinfo');

function newestMtime(path: string): number {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return path.endsWith('.ts') || path.endsWith('.json') ? st.mtimeMs : 0;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), 0);
}

/** Why dist/ must be rebuilt, or undefined when it is current. */
export function staleReason(root: string): string | undefined {
  if (!existsSync(join(root, 'dist', 'src', 'cli', 'main.js'))) return 'dist/ has no CLI';
  const built = Math.max(...[STAMP, BUILD_INFO].map((f) => statSync(join(root, f), { throwIfNoEntry: false })?.mtimeMs ?? 0));
  const newest = Math.max(...INPUTS.map((p) => newestMtime(join(root, p))));
  return newest > built ? 'a source file is newer than dist/' : undefined;
}

/** Builds dist/ when it is stale; a failed build throws with the compiler's output (never run old code). */
export function buildIfStale(root: string): void {
  if (staleReason(root) === undefined) return;
  try {
    execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'pipe' });
  } catch (error) {
    const out = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`npm run build failed, so the e2e tests would run stale code:\n${String(out.stdout ?? '')}${String(out.stderr ?? '')}`);
  }
  writeFileSync(join(root, STAMP), `${new Date().toISOString()}\n`);
}
