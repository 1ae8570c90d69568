// A deliberately misbehaving site for crawl tests: loops, trickles, bombs, walls, resets, legacy charsets.
import type http from 'node:http';
import { gzipSync } from 'node:zlib';
import { html } from './servers.js';

const BOMB = gzipSync(Buffer.alloc(50 * 1024 * 1024));
// "Trường" in windows-1258 (ư = FD, ơ = F5, combining grave = CC).
export const TRUONG_1258 = Buffer.from([0x54, 0x72, 0xfd, 0xf5, 0xcc, 0x6e, 0x67]);

export interface SiteState {
  hits: Map<string, number>;
  httpPort: number;
  timers: Set<NodeJS.Timeout>;
}

export function siteHandler(state: SiteState): http.RequestListener {
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const key = url.pathname + url.search;
    const n = (state.hits.get(key) ?? 0) + 1;
    state.hits.set(key, n);
    const send = (status: number, body: string | Buffer, type = 'text/html; charset=utf-8', extra: Record<string, string> = {}): void => {
      res.writeHead(status, { 'content-type': type, ...extra });
      res.end(body);
    };
    const redirect = (to: string, status = 302): void => {
      res.writeHead(status, { location: to });
      res.end();
    };
    const p = url.pathname;
    if (p === '/ok' || p === '/') return send(200, html('<h1>Xin chào</h1>'));
    if (p === '/loop-a') return redirect('/loop-b');
    if (p === '/loop-b') return redirect('/loop-a');
    const chain = /^\/chain\/(\d+)$/.exec(p);
    if (chain) return redirect(`/chain/${Number(chain[1]) + 1}`, 301);
    if (p === '/three') return redirect('/two');
    if (p === '/two') return redirect('http://other.test/ok', 307);
    if (p === '/trickle') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html>');
      const t = setInterval(() => res.write(' '), 50);
      state.timers.add(t);
      res.on('close', () => clearInterval(t));
      return;
    }
    if (p === '/big') return send(200, Buffer.alloc(2 * 1024 * 1024, 0x61), 'text/plain');
    if (p === '/bomb') return send(200, BOMB, 'text/html', { 'content-encoding': 'gzip' });
    if (p === '/500') return send(500, html('lỗi máy chủ'));
    if (p === '/404') return send(404, html('không tìm thấy'));
    if (p === '/1258-header')
      return send(
        200,
        Buffer.concat([Buffer.from('<html><body>'), TRUONG_1258, Buffer.from('</body></html>')]),
        'text/html; charset=windows-1258',
      );
    if (p === '/1258-meta') {
      const head = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258"></head><body>';
      return send(200, Buffer.concat([Buffer.from(head), TRUONG_1258, Buffer.from('</body></html>')]), 'text/html');
    }
    if (p === '/utf8-nocharset') return send(200, '<!DOCTYPE html><html><body>Trường học</body></html>', 'text/plain');
    if (p === '/pdf') return send(200, Buffer.from('%PDF-1.4'), 'application/pdf');
    if (p === '/to-private') return redirect(`http://127.0.0.1:${state.httpPort}/ok`);
    if (p === '/robots.txt') return send(200, 'User-agent: *\nDisallow: /secret\n', 'text/plain');
    if (p === '/secret' || p === '/to-secret') return p === '/secret' ? send(200, html('bí mật')) : redirect('/secret');
    if (p === '/429') return n === 1 ? send(429, 'slow down', 'text/plain', { 'retry-after': '1' }) : send(200, html('ok after 429'));
    if (p === '/503') return n === 1 ? send(503, 'busy', 'text/plain', { 'retry-after': '0' }) : send(200, html('ok after 503'));
    if (p === '/403') return send(403, html('Forbidden'));
    if (p === '/challenge')
      return send(503, html('<script src="/cdn-cgi/challenge-platform/h/b/orchestrate/x.js"></script>', '<title>Just a moment...</title>'));
    if (p === '/reset') {
      if (n === 1) return void req.socket.destroy();
      return send(200, html('ok after reset'));
    }
    if (p === '/always-reset') return void req.socket.destroy();
    send(404, html('không tìm thấy'));
  };
}
