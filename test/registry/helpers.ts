// Shared test helpers: fixture paths and temp files (tests never write into the repo).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import type { RegistryError } from '../../src/registry/index.js';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Absolute, so tests pass from any working directory. */
export const fixture = (name: string): string => join(REPO, 'fixtures', 'registries', name);

/** `ROW: field` of each error, the part of `FILE:ROW: field: problem` tests pin down. */
export const where = (errors: readonly RegistryError[]): string[] => errors.map((e) => `${e.row}: ${e.field}`);

/** A temp dir removed after the test file; returns a writer of files inside it. */
export function tempFiles(): { write(name: string, data: string | Uint8Array): Promise<string> } {
  let dir: string | undefined;
  const ensure = async (): Promise<string> => (dir ??= await mkdtemp(join(tmpdir(), 'edu-audit-registry-')));
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  return {
    async write(name, data) {
      const file = join(await ensure(), name);
      await writeFile(file, data);
      return file;
    },
  };
}
