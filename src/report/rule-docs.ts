// The "Cách khắc phục" (how to fix) section of a rule's doc, rules/<id>.md, for the self-check fix list.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../version.js';

const cache = new Map<string, string[]>();

/** The bullet points (or paragraph lines) under "## Cách khắc phục", markdown markup kept minimal. */
export function howToFix(ruleId: string, docsDir = join(REPO_ROOT, 'rules')): string[] {
  const key = `${docsDir}/${ruleId}`;
  const hit = cache.get(key);
  if (hit) return hit;
  let lines: string[] = [];
  try {
    const doc = readFileSync(join(docsDir, `${ruleId}.md`), 'utf8');
    const section = doc.split(/^## /m).find((part) => part.startsWith('Cách khắc phục'));
    lines = (section ?? '')
      .split('\n')
      .slice(1)
      .map((l) =>
        l
          .replace(/^\s*[-*]\s+/, '')
          .replace(/`/g, '')
          .trim(),
      )
      .filter(Boolean);
  } catch {
    // a rule without its doc only loses the advice lines; the meta test keeps docs present
  }
  cache.set(key, lines);
  return lines;
}
