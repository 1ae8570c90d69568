// URL path → fixture file, and file → Content-Type.
import { existsSync, statSync } from 'node:fs';
import { extname, join, sep } from 'node:path';

const isFile = (p: string): boolean => existsSync(p) && statSync(p).isFile();

/**
 * `/` → index.html; `/a/b` → the exact file, else a/b.html, else a/b/index.html, else a/b/index.xml or
 * a/b/index.json (WordPress' `/feed/` and `/wp-json/`). `_site.json` and dot segments (`..`, `.git`) are never served.
 */
export function resolveFile(siteDir: string, pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const segments = decoded.split('/').filter(Boolean);
  if (segments.some((s) => s.startsWith('.') || s === '_site.json' || s.includes('\\') || s.includes('\0'))) return undefined;
  const base = join(siteDir, ...segments);
  if (base !== siteDir && !base.startsWith(siteDir + sep)) return undefined;
  const candidates =
    segments.length === 0
      ? [join(siteDir, 'index.html')]
      : [base, `${base}.html`, join(base, 'index.html'), join(base, 'index.xml'), join(base, 'index.json')];
  return candidates.find(isFile);
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.svg': 'image/svg+xml',
  '.pdf': 'application/pdf',
  // ASP.NET's WebResource.axd / ScriptResource.axd handlers serve client script.
  '.axd': 'text/javascript; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export function contentTypeFor(file: string): string {
  const ext = extname(file).toLowerCase();
  if (ext === '.xml') return /rss|feed/i.test(file) ? 'application/rss+xml; charset=utf-8' : 'application/xml; charset=utf-8';
  return TYPES[ext] ?? 'application/octet-stream';
}

export const isHtmlFile = (file: string): boolean => ['.html', '.htm'].includes(extname(file).toLowerCase());
