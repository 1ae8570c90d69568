// No module of src/ or rules/ reaches itself through runtime imports (type-only imports are erased and do not count):
// the collect folder once had crawl-context ↔ fetch-page ↔ request ↔ retry ↔ waf, which made any of them load
// half-initialised depending on who imported first.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const modules = ['src', 'rules'].flatMap((dir) =>
  readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(root, dir, f)),
);

/** The modules `file` imports at run time: `import … from './x.js'` and `export … from`, not `import type`. */
export function runtimeImports(file: string, text = readFileSync(file, 'utf8')): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s+(?!type\s)(?:[^;'"]*?\s+from\s+)?['"](\.[^'"]+)['"]/gm)) {
    const target = join(dirname(file), (m[1] ?? '').replace(/\.js$/, '.ts'));
    if (existsSync(target)) out.push(target);
  }
  return out;
}

/** Each cycle found by a depth-first walk, as the chain of files from the first repeated one back to it. */
export function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const cycles: string[][] = [];
  const walk = (start: string): void => {
    // iterative, with the path kept explicitly: a deep import chain must not exhaust the stack
    const path: { node: string; next: number }[] = [{ node: start, next: 0 }];
    state.set(start, 'open');
    while (path.length) {
      const top = path[path.length - 1]!;
      const edges = graph.get(top.node) ?? [];
      if (top.next >= edges.length) {
        state.set(top.node, 'done');
        path.pop();
        continue;
      }
      const to = edges[top.next++]!;
      if (state.get(to) === 'open') cycles.push([...path.slice(path.findIndex((p) => p.node === to)).map((p) => p.node), to]);
      else if (!state.has(to)) {
        state.set(to, 'open');
        path.push({ node: to, next: 0 });
      }
    }
  };
  for (const node of graph.keys()) if (!state.has(node)) walk(node);
  return cycles;
}

describe('import cycles', () => {
  it('finds a cycle, and reads type-only imports as none', () => {
    const a = join(root, 'src/a.ts');
    expect(
      findCycles(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', ['a']],
          ['d', ['a']],
        ]),
      ),
    ).toEqual([['a', 'b', 'c', 'a']]);
    expect(
      findCycles(
        new Map([
          ['a', ['b']],
          ['b', []],
        ]),
      ),
    ).toEqual([]);
    expect(
      runtimeImports(
        a,
        "import type { X } from './model/result.js';\nimport { Y } from './run/audit.js';\nexport { Z } from './run/run-dir.js';",
      ),
    ).toEqual([join(root, 'src/run/audit.ts'), join(root, 'src/run/run-dir.ts')]);
  });

  it('no module of src/ or rules/ imports itself at run time', () => {
    const graph = new Map(modules.map((f) => [f, runtimeImports(f)]));
    expect(findCycles(graph).map((c) => c.map((f) => relative(root, f)).join(' → '))).toEqual([]);
  });
});
