// The CLI loads cheerio through cheerio/slim (src/collect/parse.ts): the main entry also loads parse5, which every
// audit would pay for at start-up and never use (all parsing is htmlparser2's).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const sources = ['src', 'rules'].flatMap((dir) =>
  readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(dir, f)),
);

describe('cheerio', () => {
  it('is imported for its values from cheerio/slim only (types may come from cheerio)', () => {
    const offenders = sources.filter((f) => /^import\s+(?!type\b)[^;]*from\s+'cheerio'/m.test(readFileSync(join(root, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
