// Small modules (README.md, "Design notes"): no source file of src/ or rules/ over 300 lines as formatted by Prettier;
// a file that grows past it is doing more than one job and is split by job.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const MAX_LINES = 300;

describe('file size', () => {
  it(`every .ts file of src/ and rules/ has at most ${MAX_LINES} lines`, () => {
    const files = ['src', 'rules'].flatMap((dir) =>
      readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.ts'))
        .map((f) => join(dir, f)),
    );
    expect(files.length).toBeGreaterThan(100);
    const long = files
      .map((f) => [f, readFileSync(join(root, f), 'utf8').split('\n').length - 1] as const)
      .filter(([, n]) => n > MAX_LINES);
    expect(long).toEqual([]);
  });
});
