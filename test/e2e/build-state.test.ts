import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { staleReason } from './build-state.js';

const root = mkdtempSync(join(tmpdir(), 'build-state-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const file = (path: string, at: number): void => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), '');
  utimesSync(join(root, path), at, at);
};

describe('staleReason (the e2e tests never run a dist/ older than the sources)', () => {
  it('is stale without a built CLI, current after a build, stale again once a source is edited', () => {
    file('src/cli/main.ts', 1_000);
    file('rules/emc-tag.ts', 1_000);
    expect(staleReason(root)).toBe('dist/ has no CLI');
    file('dist/src/cli/main.js', 2_000);
    file('dist/.built', 2_000);
    expect(staleReason(root)).toBeUndefined();
    file('rules/emc-tag.ts', 3_000);
    expect(staleReason(root)).toBe('a source file is newer than dist/');
    file('dist/.tsbuildinfo', 4_000);
    expect(staleReason(root)).toBeUndefined();
    file('src/engine/deep/new-file.ts', 5_000);
    expect(staleReason(root)).toBe('a source file is newer than dist/');
  });
});
