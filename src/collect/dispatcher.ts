// The undici dispatcher every fetch goes through: --connect-to routing, the private-address guard at connect
// time, and TLS that records certificate problems instead of refusing, so a bad-cert site is still judged.
import dns from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import tls, { type PeerCertificate, type TLSSocket } from 'node:tls';
import { Agent, buildConnector } from 'undici';
import type { TlsFacts } from '../model/artifacts.js';
import { isForbiddenAddress } from './address-guard.js';
import { routeFor, type ConnectToRule } from './connect-to.js';

export interface DispatcherOptions {
  connectTo: ConnectToRule[];
  /** Extra trusted CA certificates, PEM text, added to Node's bundled roots. */
  ca: string[];
  allowPrivate: boolean;
  connectTimeoutMs: number;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
  /** Filled by the dispatcher: the last certificate seen per TLS server name. */
  tlsFacts: Map<string, TlsFacts>;
}

export class PrivateAddressError extends Error {
  readonly code = 'EPRIVATE';
  constructor(
    readonly host: string,
    readonly address: string,
  ) {
    super(`${host} resolves to a non-public address ${address}`);
    this.name = 'PrivateAddressError';
  }
}

/**
 * dns.lookup wrapper that refuses when any resolved address is forbidden. Net connects to exactly the addresses
 * this returns, so the address checked is the address used (no DNS-rebinding window between check and connect).
 */
export function guardedLookup(allowPrivate: boolean, resolve: typeof dns.lookup = dns.lookup): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const list = addresses as dns.LookupAddress[];
      const bad = allowPrivate ? undefined : list.find((a) => isForbiddenAddress(a.address));
      if (bad) return callback(new PrivateAddressError(hostname, bad.address) as unknown as NodeJS.ErrnoException, '', 0);
      if (list.length === 0) {
        const e = Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' });
        return callback(e, '', 0);
      }
      if (options.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      const first = list[0] as dns.LookupAddress;
      callback(null, first.address, first.family);
    });
  };
}

const cn = (v: unknown): string | undefined => (Array.isArray(v) ? String(v[0]) : typeof v === 'string' ? v : undefined);

export function tlsFactsOf(host: string, socket: TLSSocket): TlsFacts {
  const cert = socket.getPeerCertificate() as PeerCertificate | Record<string, never>;
  const has = cert && Object.keys(cert).length > 0;
  const err = socket.authorizationError as unknown;
  return {
    host,
    valid: socket.authorized === true,
    error: socket.authorized ? undefined : String((err as { code?: string } | undefined)?.code ?? err ?? 'UNKNOWN'),
    subject: has ? cn((cert as PeerCertificate).subject?.CN) : undefined,
    issuer: has ? cn((cert as PeerCertificate).issuer?.CN) : undefined,
    validFrom: has ? (cert as PeerCertificate).valid_from : undefined,
    validTo: has ? (cert as PeerCertificate).valid_to : undefined,
    altNames: has ? (cert as PeerCertificate).subjectaltname : undefined,
  };
}

type ConnectOpts = Parameters<buildConnector.connector>[0];
type ConnectCb = Parameters<buildConnector.connector>[1];

export function createDispatcher(opts: DispatcherOptions): Agent {
  const common = {
    timeout: opts.connectTimeoutMs,
    // Verification is recorded, not enforced: the https rule fails a bad certificate, the other rules still run.
    rejectUnauthorized: false,
    // One secure context for the run: passing `ca` per connection re-parses ~150 root certificates each time.
    secureContext: tls.createSecureContext(opts.ca.length ? { ca: [...tls.rootCertificates, ...opts.ca] } : {}),
    // No session resumption: a resumed session skips the host-name check, so `authorized` would be stale.
    maxCachedSessions: 0,
  };
  const routed = buildConnector(common);
  const guarded = buildConnector({ ...common, lookup: guardedLookup(opts.allowPrivate) } as buildConnector.BuildOptions);

  const connect = (o: ConnectOpts, cb: ConnectCb): void => {
    const https = o.protocol === 'https:';
    const port = Number(o.port) || (https ? 443 : 80);
    // undici passes no servername for IP literals; SNI must not carry an IP (RFC 6066).
    const servername = o.servername || (isIP(o.hostname) ? undefined : o.hostname);
    const done: ConnectCb = (err, socket) => {
      if (!err && https && socket) opts.tlsFacts.set(servername ?? o.hostname, tlsFactsOf(servername ?? o.hostname, socket as TLSSocket));
      if (err) cb(err, null);
      else cb(null, socket as NonNullable<typeof socket>);
    };
    const route = routeFor(opts.connectTo, o.hostname, port);
    if (route) {
      // An explicit route is the operator's decision, so the private guard does not apply; Host stays the original.
      routed({ ...o, hostname: route.host, port: String(route.port), servername }, checkNameAgainst(servername ?? o.hostname, done));
      return;
    }
    if (isIP(o.hostname) && !opts.allowPrivate && isForbiddenAddress(o.hostname)) {
      cb(new PrivateAddressError(o.hostname, o.hostname), null);
      return;
    }
    guarded({ ...o, servername }, done);
  };
  return new Agent({
    connect,
    headersTimeout: opts.headersTimeoutMs,
    bodyTimeout: opts.bodyTimeoutMs,
    keepAliveTimeout: 4_000,
    connections: 8,
  });
}

/**
 * Node checks the certificate against `servername || host`; when routed without SNI (an IP-literal URL routed
 * elsewhere) the host would be the route target, so re-check against the name the user asked for.
 */
function checkNameAgainst(name: string, cb: ConnectCb): ConnectCb {
  return (err, socket) => {
    if (!err && socket && 'authorized' in socket) {
      const s = socket as TLSSocket;
      if (s.authorized) {
        const bad = tls.checkServerIdentity(name, s.getPeerCertificate());
        if (bad) {
          s.authorized = false;
          // Node itself stores the code string here, typings notwithstanding.
          s.authorizationError = ((bad as NodeJS.ErrnoException).code ?? bad.message) as unknown as Error;
        }
      }
    }
    if (err) cb(err, null);
    else cb(null, socket as NonNullable<typeof socket>);
  };
}
