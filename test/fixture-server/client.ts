// Test client for the fixture server: node:http/https straight to 127.0.0.1 with the Host header and SNI set,
// the way a crawler using --connect-to reaches a fixture host.
import { readFileSync } from 'node:fs';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { TLSSocket } from 'node:tls';
import type { FixtureServer } from '../../src/fixture-server/server.js';

export interface FetchOptions {
  host: string;
  path?: string;
  tls?: boolean;
  method?: string;
  headers?: Record<string, string>;
  /** Verify the certificate against the fixture CA (default true). */
  verify?: boolean;
}

export interface Fetched {
  status: number;
  headers: IncomingMessage['headers'];
  body: Buffer;
  cert?: ReturnType<TLSSocket['getPeerCertificate']>;
}

/** Sends a request and resolves with the response stream (body unread). */
export function open(server: FixtureServer, o: FetchOptions): Promise<IncomingMessage> {
  const common = {
    host: '127.0.0.1',
    path: o.path ?? '/',
    method: o.method ?? 'GET',
    headers: { host: o.host, 'user-agent': 'fixture-test/1', ...o.headers },
    agent: false as const,
  };
  return new Promise((resolve, reject) => {
    const req = o.tls
      ? https.request(
          { ...common, port: server.httpsPort, servername: o.host, ca: readFileSync(server.caFile), rejectUnauthorized: o.verify ?? true },
          resolve,
        )
      : http.request({ ...common, port: server.httpPort }, resolve);
    req.on('error', reject);
    req.end();
  });
}

export async function fetchFixture(server: FixtureServer, o: FetchOptions): Promise<Fetched> {
  const res = await open(server, o);
  const cert = o.tls ? (res.socket as TLSSocket).getPeerCertificate() : undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of res) chunks.push(chunk as Buffer);
  return { status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), cert };
}

/** Resolves with the first body chunk, then destroys the response (for endless / huge / bomb bodies). */
export async function firstChunk(res: IncomingMessage): Promise<Buffer> {
  for await (const chunk of res) {
    res.destroy();
    return chunk as Buffer;
  }
  return Buffer.alloc(0);
}
