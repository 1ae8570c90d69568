// Local HTTP + HTTPS server for the fixture fleet: picks the site by Host (certificate by SNI) and serves
// fixtures/sites/<host>/ with the transport, encoding and hostile behaviour its `_site.json` asks for.
// Listens on 127.0.0.1 only; crawlers reach it through --connect-to.
import { existsSync, readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { join, resolve } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { runBehaviour, type BehaviourState } from './behaviours.js';
import { contentTypeFor, isHtmlFile, resolveFile } from './files.js';
import { defaultCertsDir, defaultSitesDir } from './repo-root.js';
import { hostFromHeader, SiteRegistry, type Site } from './site-config.js';
import { loadCerts } from './tls.js';

export interface FixtureRequest {
  host: string;
  path: string;
  userAgent: string;
  method: string;
  tls: boolean;
}

export interface FixtureServer {
  httpPort: number;
  httpsPort: number;
  /** curl --connect-to routes: [':80:127.0.0.1:<httpPort>', ':443:127.0.0.1:<httpsPort>']. */
  connectTo: string[];
  /** Absolute path of the fixture CA (fixtures/certs/ca.pem). */
  caFile: string;
  /** Every request received, in order. */
  requests: FixtureRequest[];
  close(): Promise<void>;
}

export interface FixtureServerOptions {
  sitesDir?: string;
  certsDir?: string;
}

const TEXT = 'text/plain; charset=utf-8';

export async function startFixtureServer(opts: FixtureServerOptions = {}): Promise<FixtureServer> {
  const sites = new SiteRegistry(resolve(opts.sitesDir ?? defaultSitesDir()));
  const certsDir = resolve(opts.certsDir ?? defaultCertsDir());
  const certs = loadCerts(certsDir);
  const requests: FixtureRequest[] = [];
  const sockets = new Set<Socket>();
  const state: BehaviourState = { httpPort: 0, closed: false, rateLimited: new Set(), timers: new Set() };

  const handler =
    (tls: boolean) =>
    (req: IncomingMessage, res: ServerResponse): void => {
      res.on('error', () => undefined);
      try {
        handle(req, res, tls);
      } catch (err) {
        if (!res.headersSent) res.writeHead(500, { 'content-type': TEXT });
        res.end(`fixture server error: ${(err as Error).message}`);
      }
    };

  const handle = (req: IncomingMessage, res: ServerResponse, tls: boolean): void => {
    const host = hostFromHeader(req.headers.host);
    const rawPath = req.url ?? '/';
    requests.push({ host, path: rawPath, userAgent: req.headers['user-agent'] ?? '', method: req.method ?? 'GET', tls });
    const site = sites.get(host);
    if (!site) {
      res.writeHead(404, { 'content-type': TEXT });
      res.end('unknown fixture host');
      return;
    }
    const { config } = site;
    // Reached without SNI (or with another name) on a host that has no HTTPS: behave like nothing listens.
    if (tls && !config.https) return void req.socket.destroy();
    if (!tls && config.http === 'refuse') return void req.socket.destroy();
    if (!tls && config.http === 'redirect-https') {
      res.writeHead(301, { location: `https://${host}${rawPath}`, 'content-type': TEXT });
      res.end('Moved Permanently');
      return;
    }
    for (const [name, value] of Object.entries(config.headers)) res.setHeader(name, value);
    const pathname = pathOnly(rawPath);
    if (config.behaviour && pathname !== '/robots.txt') {
      if (runBehaviour(config.behaviour, { req, res, host, pathname, state })) return;
    }
    const redirect = config.redirects[pathname];
    if (redirect) {
      res.writeHead(redirect.status, { location: redirect.location, 'content-type': 'text/html; charset=utf-8' });
      res.end(`<html><body><a href="${redirect.location}">Moved</a></body></html>`);
      return;
    }
    serveFile(req, res, site, pathname);
  };

  const serveFile = (req: IncomingMessage, res: ServerResponse, site: Site, pathname: string): void => {
    const { config } = site;
    let file = resolveFile(site.dir, pathname);
    let status = config.status[pathname] ?? 200;
    if (!file) {
      status = 404;
      file = existsSync(join(site.dir, '404.html')) ? join(site.dir, '404.html') : undefined;
    }
    if (!file) {
      res.writeHead(404, { 'content-type': TEXT });
      res.end('Not Found');
      return;
    }
    const html = isHtmlFile(file);
    let body: Buffer = readFileSync(file);
    const headers: Record<string, string | number> = {
      'content-type': html && config.contentType ? config.contentType : contentTypeFor(file),
    };
    const encoding = config.compress && accepts(req, config.compress) ? config.compress : undefined;
    if (config.compress) headers.vary = 'Accept-Encoding';
    if (encoding) {
      body = encoding === 'gzip' ? gzipSync(body) : brotliCompressSync(body);
      headers['content-encoding'] = encoding;
    }
    headers['content-length'] = body.length;
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  const track = (socket: Socket): void => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  };

  const httpServer = createHttpServer(handler(false));
  const httpsServer = createHttpsServer(
    {
      key: certs.key,
      cert: certs.cert,
      SNICallback: (servername, cb) => {
        const site = sites.get(servername);
        if (site && !site.config.https) return cb(new Error(`${servername}: no HTTPS`));
        cb(null, certs.contexts[site?.config.cert ?? 'valid']);
      },
    },
    handler(true),
  );
  for (const server of [httpServer, httpsServer]) {
    server.on('connection', track);
    server.on('clientError', (_err, socket) => socket.destroy());
  }
  httpsServer.on('tlsClientError', (_err: Error, socket: TLSSocket) => socket.destroy());

  const httpPort = await listen(httpServer);
  const httpsPort = await listen(httpsServer);
  state.httpPort = httpPort;

  return {
    httpPort,
    httpsPort,
    connectTo: [`:80:127.0.0.1:${httpPort}`, `:443:127.0.0.1:${httpsPort}`],
    caFile: join(certsDir, 'ca.pem'),
    requests,
    async close() {
      state.closed = true;
      for (const t of state.timers) clearInterval(t);
      state.timers.clear();
      for (const s of sockets) s.destroy();
      await Promise.all([closeServer(httpServer), closeServer(httpsServer)]);
    },
  };
}

function pathOnly(rawPath: string): string {
  const q = rawPath.search(/[?#]/);
  const p = q < 0 ? rawPath : rawPath.slice(0, q);
  return p.startsWith('/') ? p : `/${p}`;
}

function accepts(req: IncomingMessage, encoding: 'gzip' | 'br'): boolean {
  const header = req.headers['accept-encoding'];
  const list = Array.isArray(header) ? header.join(',') : (header ?? '');
  return list.split(',').some((part) => {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    return name === encoding && !params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p));
  });
}

function listen(server: Server): Promise<number> {
  return new Promise((resolvePort, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolvePort((server.address() as AddressInfo).port));
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((done) => server.close(() => done()));
}
