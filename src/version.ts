// Tool identity, read once from package.json so the user agent and results always name the installed version.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

function findPackageJson(start: string): string {
  let dir = start;
  for (;;) {
    const candidate = join(dir, 'package.json');
    try {
      const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string };
      if (pkg.name === 'edu-site-audit') return candidate;
    } catch {
      // keep walking up
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json of edu-site-audit not found');
    dir = parent;
  }
}

export const PACKAGE_JSON = findPackageJson(dirname(fileURLToPath(import.meta.url)));
export const REPO_ROOT = dirname(PACKAGE_JSON);
const pkg = JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { name: string; version: string; homepage?: string };

export const TOOL_NAME = pkg.name;
export const TOOL_VERSION = pkg.version;
export const TOOL_URL = pkg.homepage ?? 'https://github.com/edu-site-audit/edu-site-audit';
