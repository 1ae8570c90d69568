// Finds the checkout's root so the default fixture paths work from src/ (vitest) and from dist/src/ (built CLI).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function findRepoRoot(startDir: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = startDir;
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${startDir}`);
    dir = up;
  }
}

export const defaultSitesDir = (): string => join(findRepoRoot(), 'fixtures', 'sites');
export const defaultCertsDir = (): string => join(findRepoRoot(), 'fixtures', 'certs');
