// Real local servers for crawl tests: 127.0.0.1 on port 0, fixture certificates, every socket tracked.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCrawlContext, type CrawlContext, type CrawlOptions } from '../../src/collect/crawl-context.js';

export const CERTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/certs');
const cert = (name: string): { cert: Buffer; key: Buffer } => ({
  cert: readFileSync(path.join(CERTS, `${name}.pem`)),
  key: readFileSync(path.join(CERTS, `${name}.key`)),
});

export interface TestServer {
  port: number;
  close(): Promise<void>;
}

export async function startServer(
  handler: http.RequestListener,
  tls?: 'site' | 'expired' | 'wrong-host' | 'self-signed',
  host = '127.0.0.1',
): Promise<TestServer> {
  const server = tls ? https.createServer(cert(tls), handler) : http.createServer(handler);
  const sockets = new Set<Socket>();
  // Raw TCP sockets (TLS ones included) so close() can end keep-alive connections at once.
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

export function baseOptions(over: Partial<CrawlOptions> = {}): CrawlOptions {
  return {
    userAgent: 'edu-site-audit/test',
    timeoutMs: 2_000,
    maxBytes: 1024 * 1024,
    maxPages: 10,
    perHost: 2,
    perIp: 16,
    connectTo: [],
    caFiles: [path.join(CERTS, 'ca.pem')],
    allowPrivate: false,
    ignoreRobots: true,
    unitDeadlineMs: 20_000,
    retries: 2,
    ...over,
  };
}

export async function context(over: Partial<CrawlOptions> = {}): Promise<CrawlContext> {
  return createCrawlContext(baseOptions(over));
}

export const html = (body: string, head = ''): string =>
  `<!doctype html><html lang="vi"><head><meta charset="utf-8">${head}<title>t</title></head><body>${body}</body></html>`;
