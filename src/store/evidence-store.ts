// evidence/: the fetched HTML of every page that decided a non-passing finding, gzip-compressed and named by the
// SHA-256 of its text (a page deciding several findings is kept once), with an index of URL, retrieval time and
// hash, so an inspector can open what the tool saw even after the site has changed. Only deciding pages are
// kept, which bounds its size by the number of findings, not by the crawl.
import { mkdir, writeFile, appendFile, access } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { constants, gzip } from 'node:zlib';
import { promisify } from 'node:util';
import { join } from 'node:path';
import type { Artifacts, FetchResult, FetchedPage } from '../model/artifacts.js';
import type { Finding } from '../model/result.js';

const gzipAsync = promisify(gzip);
/**
 * The fastest level: a bench page (60 KB) takes ~1 ms instead of ~2.5 ms at the default level 6, for a file ~15 %
 * larger (14.5 instead of 12.6 KB). The pages of every failing finding are kept: compressing them was the largest
 * part of the evidence store's cost, itself ~4 % of an audit's CPU (bench/README.md).
 */
export const GZIP = { level: constants.Z_BEST_SPEED };
export const EVIDENCE_DIR = 'evidence';

export interface EvidenceIndexEntry {
  /** A fetched page (HTML, gzip) or a screenshot of a rendered page (JPEG); entries without it are pages. */
  kind?: 'page' | 'screenshot';
  sha256: string;
  file: string;
  url: string;
  finalUrl: string;
  status: number;
  fetchedAt: string;
  unit: string;
}

export class EvidenceStore {
  private readonly kept = new Set<string>();
  private ready: Promise<void> | undefined;

  constructor(private readonly runDir: string) {}

  /** Keeps the pages behind the evidence of failing and partial findings; sets `snapshot` on those evidence items. */
  async keepDeciding(unitId: string, findings: Finding[], artifacts: Artifacts): Promise<void> {
    for (const f of findings) {
      if (f.status !== 'fail' && f.status !== 'warn') continue;
      for (const e of f.evidence) {
        const page = pageFor(artifacts, e.url);
        if (page) e.snapshot = await this.keep(unitId, page);
      }
    }
  }

  /** Keeps a JPEG screenshot of a rendered page, once per content, with its SHA-256 in the index. */
  async keepScreenshot(unitId: string, jpeg: Buffer, page: { url: string; finalUrl: string; status: number }): Promise<KeptScreenshot> {
    await this.dir();
    const sha256 = createHash('sha256').update(jpeg).digest('hex');
    const file = `${EVIDENCE_DIR}/${sha256}.jpg`;
    if (!this.kept.has(sha256)) {
      this.kept.add(sha256);
      const path = join(this.runDir, file);
      if (
        !(await access(path).then(
          () => true,
          () => false,
        ))
      )
        await writeFile(path, jpeg);
      const entry: EvidenceIndexEntry = {
        kind: 'screenshot',
        sha256,
        file,
        url: page.url,
        finalUrl: page.finalUrl,
        status: page.status,
        fetchedAt: new Date().toISOString(),
        unit: unitId,
      };
      await appendFile(join(this.runDir, EVIDENCE_DIR, 'index.jsonl'), `${JSON.stringify(entry)}\n`);
    }
    return { file, sha256 };
  }

  private dir(): Promise<void> {
    this.ready ??= mkdir(join(this.runDir, EVIDENCE_DIR), { recursive: true }).then(() => undefined);
    return this.ready;
  }

  private async keep(unitId: string, page: FetchedPage): Promise<string> {
    await this.dir();
    // the text's UTF-8, made once for the hash and the file
    const utf8 = Buffer.from(page.text, 'utf8');
    const sha256 = createHash('sha256').update(utf8).digest('hex');
    const file = `${EVIDENCE_DIR}/${sha256}.html.gz`;
    if (!this.kept.has(sha256)) {
      this.kept.add(sha256);
      const path = join(this.runDir, file);
      // a resumed run may already hold the file
      if (
        !(await access(path).then(
          () => true,
          () => false,
        ))
      )
        await writeFile(path, await gzipAsync(utf8, GZIP));
      const entry: EvidenceIndexEntry = {
        sha256,
        file,
        url: page.url,
        finalUrl: page.finalUrl,
        status: page.status,
        fetchedAt: page.fetchedAt,
        unit: unitId,
      };
      await appendFile(join(this.runDir, EVIDENCE_DIR, 'index.jsonl'), `${JSON.stringify(entry)}\n`);
    }
    return file;
  }
}

export interface KeptScreenshot {
  file: string;
  sha256: string;
}

/** The fetched page an evidence URL refers to (by requested or final URL), if the crawl kept its text. */
function pageFor(a: Artifacts, url: string): FetchedPage | undefined {
  const candidates: (FetchResult | undefined)[] = [
    a.homeFetch,
    ...(a.pages?.values() ?? []),
    a.searchbotHome,
    a.softRedirect?.target,
    a.feed,
  ];
  for (const c of candidates) {
    // the address first: reading a compact page's text decodes it
    if (c?.ok && (c.url === url || c.finalUrl === url) && c.text) return c;
  }
  return undefined;
}
