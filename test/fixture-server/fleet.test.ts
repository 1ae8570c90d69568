// The fixture fleet itself: registries point at real folders, configs parse, links resolve, bytes are what they claim.
import { X509Certificate } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { LEGACY_HOST, LEGACY_PAGES, LEGACY_SITE_JSON } from '../../fixtures/sites/make-legacy.mjs';
import { resolveFile } from '../../src/fixture-server/files.js';
import { defaultCertsDir, defaultSitesDir, findRepoRoot } from '../../src/fixture-server/repo-root.js';
import { parseSiteConfig } from '../../src/fixture-server/site-config.js';

const SITES = defaultSitesDir();
const REGISTRIES = join(findRepoRoot(), 'fixtures', 'registries');
/** Links that are broken on purpose (README.md says why). */
const DELIBERATELY_BROKEN = new Set(['th-kimdong.hcm.edu.vn/cong-khai', 'mn-hoamai.hcm.edu.vn/news/rss/']);

const hosts = readdirSync(SITES).filter((f) => statSync(join(SITES, f)).isDirectory());

function registryHosts(file: string): string[] {
  const rows = parse(readFileSync(join(REGISTRIES, file)), { columns: true }) as Record<string, string>[];
  return rows.flatMap((r) => (r.website ? [new URL(r.website).hostname] : []));
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const sanNames = (() => {
  const cert = new X509Certificate(readFileSync(join(defaultCertsDir(), 'site.pem')));
  return (cert.subjectAltName ?? '')
    .split(', ')
    .filter((n) => n.startsWith('DNS:'))
    .map((n) => n.slice(4));
})();
// Stand-ins for third-party hosts a rendered page loads scripts from (their certificates are never judged).
const THIRD_PARTY = new Set(['f-emc.ngsp.gov.vn']);
const coveredBySiteCert = (host: string): boolean =>
  host === '127.0.0.1' ||
  THIRD_PARTY.has(host) ||
  sanNames.some((n) => (n.startsWith('*.') ? host.split('.').slice(1).join('.') === n.slice(2) : host === n));

describe('fixture fleet', () => {
  it.each([
    ['demo.csv', 10],
    ['hostile.csv', 10],
    ['neighbours.csv', 6],
  ])('every website in %s has a fixture folder', (file, atLeast) => {
    const listed = registryHosts(file);
    expect(listed.length).toBeGreaterThan(atLeast);
    for (const host of listed) expect(hosts, host).toContain(host);
  });

  it('every site config parses and every host is covered by site.pem', () => {
    for (const host of hosts) {
      const file = join(SITES, host, '_site.json');
      if (existsSync(file)) expect(() => parseSiteConfig(JSON.parse(readFileSync(file, 'utf8')), file)).not.toThrow();
      expect(coveredBySiteCert(host), host).toBe(true);
    }
  });

  it('UTF-8 pages are valid UTF-8 in NFC; home pages stay small', () => {
    const strict = new TextDecoder('utf-8', { fatal: true });
    for (const host of hosts.filter((h) => h !== LEGACY_HOST)) {
      for (const file of walk(join(SITES, host)).filter((f) => /\.(html|xml|js)$/.test(f))) {
        const text = strict.decode(readFileSync(file));
        expect(text === text.normalize('NFC'), relative(SITES, file)).toBe(true);
      }
      const home = join(SITES, host, 'index.html');
      if (existsSync(home)) expect(statSync(home).size, host).toBeLessThan(20_000);
    }
  });

  it('the legacy site is stored as windows-1258 bytes that decode to the intended NFC text', () => {
    const decoder = new TextDecoder('windows-1258');
    for (const [file, intended] of Object.entries(LEGACY_PAGES)) {
      const bytes = readFileSync(join(SITES, LEGACY_HOST, file));
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
      expect(decoder.decode(bytes).normalize('NFC')).toBe(intended.normalize('NFC'));
    }
    expect(decoder.decode(readFileSync(join(SITES, LEGACY_HOST, 'index.html'))).normalize('NFC')).toContain('Trường Tiểu học Hòa Bình');
    expect(JSON.parse(readFileSync(join(SITES, LEGACY_HOST, '_site.json'), 'utf8'))).toEqual(LEGACY_SITE_JSON);
  });

  it('every same-site link, script, image and stylesheet resolves to a file, except the deliberate ones', () => {
    const broken: string[] = [];
    for (const host of hosts.filter((h) => h !== LEGACY_HOST)) {
      for (const file of walk(join(SITES, host)).filter((f) => f.endsWith('.html'))) {
        const html = readFileSync(file, 'utf8');
        for (const m of html.matchAll(/(?:href|src)="([^"]+)"/g)) {
          const url = new URL(m[1]!, `https://${host}/${relative(join(SITES, host), file)}`);
          if (url.hostname !== host || !url.protocol.startsWith('http')) continue;
          if (DELIBERATELY_BROKEN.has(`${host}${url.pathname}`)) continue;
          if (!resolveFile(join(SITES, host), url.pathname) && host !== 'nhacai-w88.example.com')
            broken.push(`${relative(SITES, file)} → ${url.pathname}`);
        }
      }
    }
    expect(broken).toEqual([]);
  });
});
