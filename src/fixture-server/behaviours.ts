// Hostile behaviours a crawler must survive: loops, endless or huge bodies, bombs, walls, resets (`_site.json`
// `behaviour`). Each returns true when it answered, false to let the normal file serving run.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createGzip } from 'node:zlib';
import type { Behaviour } from './site-config.js';

export interface BehaviourState {
  httpPort: number;
  closed: boolean;
  /** host+path pairs that already got their 429. */
  rateLimited: Set<string>;
  /** Open drips of endless bodies, cleared on close(). */
  timers: Set<NodeJS.Timeout>;
}

export interface BehaviourRequest {
  req: IncomingMessage;
  res: ServerResponse;
  host: string;
  pathname: string;
  state: BehaviourState;
}

const HTML = 'text/html; charset=utf-8';
const HUGE_BYTES = 30 * 1024 * 1024;
const BOMB_MIB = 200;

function page(title: string, body: string): string {
  return `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
}

function redirect(res: ServerResponse, status: number, location: string): true {
  res.writeHead(status, { location, 'content-type': HTML });
  res.end(page('Moved', `<a href="${location}">${location}</a>`));
  return true;
}

function redirectLoop({ res, pathname }: BehaviourRequest): boolean {
  return redirect(res, 302, pathname === '/a' ? '/b' : '/a');
}

function redirectChain({ res, pathname }: BehaviourRequest): boolean {
  const n = /^\/r([1-7])$/.exec(pathname)?.[1];
  if (n === '7') return false; // the end of the chain serves the real home page
  return redirect(res, 302, `/r${n === undefined ? 1 : Number(n) + 1}`);
}

function endlessBody({ res, state }: BehaviourRequest): boolean {
  res.writeHead(200, { 'content-type': HTML });
  res.write('<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Trang chủ</title></head><body>');
  const timer = setInterval(() => {
    if (state.closed || res.destroyed) stop();
    else res.write('<p>Đang tải…</p>\n');
  }, 100);
  const stop = (): void => {
    clearInterval(timer);
    state.timers.delete(timer);
  };
  state.timers.add(timer);
  res.on('close', stop);
  return true;
}

function hugeBody({ res }: BehaviourRequest): boolean {
  // No Content-Length: the crawler must cap the body while streaming, not from a header.
  res.writeHead(200, { 'content-type': HTML });
  res.write('<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Trang chủ</title></head><body>');
  const chunk = Buffer.from(`<p>${'Tin tức giáo dục - nội dung lặp lại. '.repeat(1600)}</p>\n`);
  let sent = 0;
  const pump = (): void => {
    while (sent < HUGE_BYTES) {
      if (res.destroyed) return;
      sent += chunk.length;
      if (!res.write(chunk)) {
        res.once('drain', pump);
        return;
      }
    }
    if (!res.destroyed) res.end('</body></html>');
  };
  pump();
  return true;
}

let bomb: Promise<Buffer> | undefined;

/** ~200 KB of gzip that inflates to ≥ 200 MiB of spaces; built once, on first use. */
export function gzipBomb(): Promise<Buffer> {
  bomb ??= new Promise<Buffer>((resolve, reject) => {
    const gz = createGzip({ level: 9 });
    const parts: Buffer[] = [];
    gz.on('data', (d: Buffer) => parts.push(d));
    gz.on('end', () => resolve(Buffer.concat(parts)));
    gz.on('error', reject);
    gz.write('<!DOCTYPE html><html lang="vi"><head><title>Trang chủ</title></head><body>');
    const spaces = Buffer.alloc(1024 * 1024, 0x20);
    let written = 0;
    const pump = (): void => {
      while (written < BOMB_MIB) {
        written++;
        if (!gz.write(spaces)) {
          gz.once('drain', pump);
          return;
        }
      }
      gz.end('</body></html>');
    };
    pump();
  });
  return bomb;
}

function gzipBombResponse({ res }: BehaviourRequest): boolean {
  gzipBomb().then(
    (body) => {
      if (res.destroyed) return;
      // Sent whatever the client accepts, as real bombs are.
      res.writeHead(200, { 'content-type': HTML, 'content-encoding': 'gzip', 'content-length': body.length });
      res.end(body);
    },
    () => res.destroy(),
  );
  return true;
}

function serverError({ res }: BehaviourRequest): boolean {
  res.writeHead(500, { 'content-type': HTML });
  res.end(
    page(
      '500 - Internal Server Error',
      '<h1>500 - Internal server error.</h1><p>There is a problem with the resource you are looking for, and it cannot be displayed.</p>',
    ),
  );
  return true;
}

function rateLimited({ res, host, pathname, state }: BehaviourRequest): boolean {
  const key = `${host}${pathname}`;
  if (state.rateLimited.has(key)) return false;
  state.rateLimited.add(key);
  res.writeHead(429, { 'content-type': HTML, 'retry-after': '1' });
  res.end(page('429 Too Many Requests', '<h1>429 Too Many Requests</h1><p>Bạn đã gửi quá nhiều yêu cầu. Vui lòng thử lại sau.</p>'));
  return true;
}

function waf({ res, host, pathname }: BehaviourRequest): boolean {
  res.writeHead(403, { 'content-type': HTML, server: 'WAF' });
  res.end(
    page(
      'Access Denied',
      `<h1>Access Denied</h1><p>You don't have permission to access "http://${host}${pathname}" on this server.</p><p>Reference #18.5c2f1cb8.1763190000.2a1b3c4d</p><p>Web Application Firewall</p>`,
    ),
  );
  return true;
}

function redirectPrivate({ res, state }: BehaviourRequest): boolean {
  return redirect(res, 302, `http://127.0.0.1:${state.httpPort}/private`);
}

const TINY_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

function notHtml({ res, pathname }: BehaviourRequest): boolean {
  if (pathname !== '/') return false;
  res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': TINY_PDF.length });
  res.end(TINY_PDF);
  return true;
}

/** A school home page whose news block sits inside 100,000 nested <div>s (the rest of the page is ordinary). */
function deepPage({ res, pathname }: BehaviourRequest): boolean {
  if (pathname !== '/') return false;
  const depth = 100_000;
  res.writeHead(200, { 'content-type': HTML });
  res.end(
    page(
      'Trường THCS Lồng Sâu',
      `<nav><ul><li><a href="/gioi-thieu">Giới thiệu</a></li><li><a href="/tin-tuc">Tin tức</a></li></ul></nav>
${'<div class="khung">'.repeat(depth)}<p>Ngày 10/11/2026: Lễ kỷ niệm ngày Nhà giáo Việt Nam.</p>${'</div>'.repeat(depth)}
<footer>Email: c2longsau@hcm.edu.vn</footer>`,
    ),
  );
  return true;
}

/** A home page of 200,000 links (about 4 MB, under the default --max-bytes): far past the analysis budget. */
function manyLinks({ res, pathname }: BehaviourRequest): boolean {
  if (pathname !== '/') return false;
  const links: string[] = [];
  for (let i = 0; i < 200_000; i++) links.push(`<a href=/${i}>${i}</a>`);
  res.writeHead(200, { 'content-type': HTML });
  res.end(page('Trường THCS Nhiều Liên Kết', links.join('\n')));
  return true;
}

function rateLimitedAlways({ res }: BehaviourRequest): boolean {
  res.writeHead(429, { 'content-type': HTML, 'retry-after': '1' });
  res.end(page('429 Too Many Requests', '<h1>429 Too Many Requests</h1><p>Máy chủ đang quá tải. Vui lòng thử lại sau.</p>'));
  return true;
}

const HANDLERS: Record<Behaviour, (r: BehaviourRequest) => boolean> = {
  'redirect-loop': redirectLoop,
  'redirect-chain': redirectChain,
  'endless-body': endlessBody,
  'slow-headers': () => true, // never answer; close() destroys the socket
  'huge-body': hugeBody,
  'gzip-bomb': gzipBombResponse,
  'server-error': serverError,
  'rate-limited': rateLimited,
  waf,
  'redirect-private': redirectPrivate,
  'not-html': notHtml,
  reset: ({ req }) => (req.socket.destroy(), true),
  'deep-page': deepPage,
  'many-links': manyLinks,
  'rate-limited-always': rateLimitedAlways,
};

export function runBehaviour(behaviour: Behaviour, r: BehaviourRequest): boolean {
  return HANDLERS[behaviour](r);
}
