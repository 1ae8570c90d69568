import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { EvidenceStore } from '../../src/store/evidence-store.js';
import { fetchedPage, makeArtifacts } from '../../src/engine/rule-tester.js';
import type { Finding } from '../../src/model/result.js';

const SITE = 'https://thcs-a.hcm.edu.vn/';
const finding = (status: Finding['status'], ...urls: string[]): Finding => ({
  rule: 'r',
  status,
  message: '',
  messageId: 'm',
  evidence: urls.map((url) => ({ url })),
});

describe('EvidenceStore', () => {
  let dir = '';
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('keeps each deciding page once, gzip at the fastest level, named by the SHA-256 of its text', async () => {
    dir = await mkdtemp(join(tmpdir(), 'evidence-'));
    const home = '<!DOCTYPE html><html><head><title>Trường THCS A</title></head><body>Giới thiệu</body></html>';
    const news = '<!DOCTYPE html><html><body>Tin tức ngày 02/11/2026</body></html>';
    const a = makeArtifacts({ html: home, unit: { website: SITE } });
    a.pages.set(`${SITE}tin-tuc`, fetchedPage(`${SITE}tin-tuc`, news));
    const findings = [finding('fail', SITE, `${SITE}tin-tuc`), finding('warn', SITE), finding('pass', `${SITE}tin-tuc`)];
    await new EvidenceStore(dir).keepDeciding('u1', findings, a);

    const sha = (t: string): string => createHash('sha256').update(t, 'utf8').digest('hex');
    expect(findings.flatMap((f) => f.evidence.map((e) => e.snapshot))).toEqual([
      `evidence/${sha(home)}.html.gz`,
      `evidence/${sha(news)}.html.gz`,
      `evidence/${sha(home)}.html.gz`,
      undefined, // a passing finding keeps nothing
    ]);
    expect((await readdir(join(dir, 'evidence'))).sort()).toEqual([`${sha(home)}.html.gz`, `${sha(news)}.html.gz`, 'index.jsonl'].sort());
    const gz = await readFile(join(dir, `evidence/${sha(home)}.html.gz`));
    expect(gunzipSync(gz).toString('utf8')).toBe(home);
    expect(gz[8]).toBe(4); // the gzip header's XFL: 4 = compressed with the fastest algorithm (2 = the best)
    expect((await readFile(join(dir, 'evidence/index.jsonl'), 'utf8')).trim().split('\n')).toHaveLength(2);
  });
});
