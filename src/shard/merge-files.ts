// The shards' side folders, brought into the merged run: evidence/ (content-addressed pages plus an index.jsonl
// that each shard appended to) and artifacts/ (one archive per unit, `--save-artifacts`).
import { appendFile, cp, readdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { EVIDENCE_DIR } from '../store/evidence-store.js';
import { ARTIFACTS_DIR } from '../store/artifact-archive.js';

const INDEX = 'index.jsonl';

export async function copySideFolders(shardDirs: readonly string[], out: string): Promise<void> {
  const indexed = new Set<string>();
  for (const dir of shardDirs) {
    const evidence = join(dir, EVIDENCE_DIR);
    if (existsSync(evidence)) {
      // pages are named by their SHA-256: the same name is the same page, so the first copy is as good as any
      for (const name of await readdir(evidence)) {
        if (name !== INDEX)
          await cp(join(evidence, name), join(out, EVIDENCE_DIR, name), { recursive: true, force: false, errorOnExist: false });
      }
      await mergeIndex(join(evidence, INDEX), join(out, EVIDENCE_DIR, INDEX), indexed);
    }
    const artifacts = join(dir, ARTIFACTS_DIR);
    if (existsSync(artifacts)) await cp(artifacts, join(out, ARTIFACTS_DIR), { recursive: true, force: false, errorOnExist: false });
  }
}

/** Appends a shard's index lines, one per page as an unsharded run keeps them (a page shared by units of two shards). */
async function mergeIndex(from: string, to: string, seen: Set<string>): Promise<void> {
  if (!existsSync(from)) return;
  const lines = (await readFile(from, 'utf8')).split('\n').filter((line) => {
    if (!line.trim()) return false;
    let sha: unknown;
    try {
      sha = (JSON.parse(line) as { sha256?: unknown }).sha256;
    } catch {
      return false; // a torn line of an interrupted shard
    }
    if (typeof sha !== 'string' || seen.has(sha)) return false;
    seen.add(sha);
    return true;
  });
  if (lines.length) await appendFile(to, `${lines.join('\n')}\n`);
}
