// The one-way flow (README.md, "Design notes"): the crawler, the registry reader and the aggregation read pages and
// text with src/util/ and src/page/, never with the judgement engine, and those two folders import neither.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../../src/', import.meta.url));
const modules = (dir: string): string[] =>
  readdirSync(join(src, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(dir, f));
/** The src folders a module's relative imports reach, e.g. `engine` for '../engine/runner.js'. */
function foldersImported(file: string): string[] {
  const text = readFileSync(join(src, file), 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:from\s+|import\s*\()\s*['"](\.[^'"]+)['"]/g)) {
    const target = join(file, '..', m[1] ?? '');
    if (!target.startsWith('..')) out.push(target.split(/[\\/]/)[0] ?? '');
  }
  return out;
}

describe('layers', () => {
  it.each(['collect', 'registry', 'aggregate'])('src/%s imports nothing from src/engine', (dir) => {
    for (const f of modules(dir)) expect([f, foldersImported(f).filter((d) => d === 'engine')]).toEqual([f, []]);
  });

  it.each(['util', 'page'])('src/%s imports only itself and src/util', (dir) => {
    for (const f of modules(dir)) expect([f, foldersImported(f).filter((d) => d !== dir && d !== 'util')]).toEqual([f, []]);
  });
});
