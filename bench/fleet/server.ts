// The fleet's HTTP server, run as its own process (bench/fleet/fleet.ts forks it) so generating pages never
// competes with the audit under test for its event loop. Listens on 127.0.0.1 only; every page is generated on
// request (bench/fleet/content.ts). Each response waits `latencyMs` before its headers and, with `bytesPerSec`,
// trickles its body at that rate. Stops by itself when its parent goes away or after `lifetimeMs`.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MAIN_JS, ROBOTS, renderFeed, renderPage } from './content.js';

export interface FleetServerConfig {
  latencyMs: number;
  /** 0: unlimited. */
  bytesPerSec: number;
  lifetimeMs: number;
  /** Print every request to stderr (debugging the fleet). */
  log?: boolean;
}

export interface FleetStats {
  /** HTML pages served to the normal user agent (a Googlebot re-fetch of a home page is counted in `searchbot`). */
  html: number;
  searchbot: number;
  /** Distinct hosts whose home page was asked for: units started. */
  units: number;
  feed: number;
  robots: number;
  other: number;
  notFound: number;
  bytes: number;
}

export type FleetMessage = { type: 'listening'; port: number } | { type: 'stats'; stats: FleetStats };

const config = JSON.parse(process.argv[2] ?? '{}') as FleetServerConfig;
const zero = (): FleetStats => ({ html: 0, searchbot: 0, units: 0, feed: 0, robots: 0, other: 0, notFound: 0, bytes: 0 });
let stats = zero();
let started = new Set<string>();

const CHUNK = 8 * 1024;

function send(res: ServerResponse, status: number, type: string, text: string): void {
  const body = Buffer.from(text, 'utf8');
  stats.bytes += body.length;
  const start = (): void => {
    res.writeHead(status, { 'content-type': type, 'content-length': body.length });
    if (!config.bytesPerSec) return void res.end(body);
    // Paced in chunks: chunk k leaves no earlier than k × CHUNK / bytesPerSec after the headers.
    const began = Date.now();
    let sent = 0;
    const next = (): void => {
      if (res.destroyed) return;
      const end = Math.min(body.length, sent + CHUNK);
      res.write(body.subarray(sent, end));
      sent = end;
      if (sent >= body.length) return void res.end();
      const due = began + (sent / config.bytesPerSec) * 1000;
      setTimeout(next, Math.max(0, due - Date.now()));
    };
    next();
  };
  if (config.latencyMs > 0) setTimeout(start, config.latencyMs);
  else start();
}

function handle(req: IncomingMessage, res: ServerResponse): void {
  res.on('error', () => undefined);
  const host = req.headers.host ?? '';
  const path = (req.url ?? '/').replace(/[?#].*$/, '');
  if (config.log) process.stderr.write(`${req.method} ${host}${req.url} ${req.headers['user-agent']}\n`);
  if (path === '/robots.txt') {
    stats.robots++;
    return send(res, 200, 'text/plain; charset=utf-8', ROBOTS);
  }
  if (path === '/tin-tuc/rss.xml') {
    stats.feed++;
    return send(res, 200, 'application/rss+xml; charset=utf-8', renderFeed(host));
  }
  if (path === '/themes/default/js/main.js') {
    stats.other++;
    return send(res, 200, 'application/javascript', MAIN_JS);
  }
  const html = renderPage(host, path);
  if (html === undefined) {
    stats.notFound++;
    return send(
      res,
      404,
      'text/html; charset=utf-8',
      '<!DOCTYPE html><html><head><title>404</title></head><body><h1>Không tìm thấy trang</h1></body></html>',
    );
  }
  if (/Googlebot/.test(req.headers['user-agent'] ?? '')) stats.searchbot++;
  else stats.html++;
  if (path === '/' && !started.has(host)) {
    started.add(host);
    stats.units = started.size;
  }
  send(res, 200, 'text/html; charset=utf-8', html);
}

const server = createServer(handle);
server.keepAliveTimeout = 10_000;
server.on('clientError', (_err, socket) => socket.destroy());
server.listen(0, '127.0.0.1', () => {
  process.send?.({ type: 'listening', port: (server.address() as AddressInfo).port } satisfies FleetMessage);
});
process.on('message', (m: { cmd?: string }) => {
  if (m.cmd === 'stats') process.send?.({ type: 'stats', stats } satisfies FleetMessage);
  if (m.cmd === 'reset') {
    stats = zero();
    started = new Set();
  }
});
process.on('disconnect', () => process.exit(0));
setTimeout(() => process.exit(0), config.lifetimeMs || 60 * 60_000).unref();
