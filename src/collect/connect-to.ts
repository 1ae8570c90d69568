// curl-style --connect-to rules: a request for H1:P1 connects to H2:P2 instead, keeping Host and TLS server name.
// Used by tests, the demo and inspectors checking a site before its DNS moves.
import { isIPv6 } from 'node:net';

export interface ConnectToRule {
  /** Lower-cased host to match, without brackets; undefined matches any host. */
  fromHost?: string;
  /** Port to match; undefined matches any port. */
  fromPort?: number;
  toHost: string;
  toPort: number;
  /** The option text, for messages. */
  source: string;
}

export class ConnectToError extends Error {
  override name = 'ConnectToError';
}

/** Splits "host:port:host:port" where a host may be a bracketed IPv6 address. */
function splitFields(text: string): string[] {
  const fields: string[] = [];
  let i = 0;
  while (i <= text.length) {
    if (text[i] === '[') {
      const close = text.indexOf(']', i);
      if (close < 0) throw new ConnectToError(`--connect-to "${text}": unclosed "[" in an IPv6 address`);
      fields.push(text.slice(i, close + 1));
      i = close + 1;
      if (i < text.length && text[i] !== ':') throw new ConnectToError(`--connect-to "${text}": expected ":" after "]"`);
      i += 1;
      continue;
    }
    const next = text.indexOf(':', i);
    const end = next < 0 ? text.length : next;
    fields.push(text.slice(i, end));
    i = end + 1;
  }
  return fields;
}

function parseHost(raw: string, text: string, which: string): string {
  if (raw.startsWith('[')) {
    const inner = raw.slice(1, -1);
    if (!isIPv6(inner)) throw new ConnectToError(`--connect-to "${text}": ${which} "${raw}" is not an IPv6 address`);
    return inner.toLowerCase();
  }
  if (!/^[A-Za-z0-9._-]+$/.test(raw)) throw new ConnectToError(`--connect-to "${text}": ${which} "${raw}" is not a host name`);
  return raw.toLowerCase().replace(/\.$/, '');
}

function parsePort(raw: string, text: string, which: string): number {
  if (!/^\d{1,5}$/.test(raw) || Number(raw) < 1 || Number(raw) > 65535) {
    throw new ConnectToError(`--connect-to "${text}": ${which} "${raw}" is not a port (1–65535)`);
  }
  return Number(raw);
}

/** Parses one `H1:P1:H2:P2` value; throws ConnectToError naming the bad part. */
export function parseConnectTo(text: string): ConnectToRule {
  const fields = splitFields(text.trim());
  if (fields.length !== 4) {
    throw new ConnectToError(`--connect-to "${text}": expected HOST1:PORT1:HOST2:PORT2 (4 fields), got ${fields.length}`);
  }
  const [h1 = '', p1 = '', h2 = '', p2 = ''] = fields;
  if (!h2) throw new ConnectToError(`--connect-to "${text}": the target host is empty`);
  if (!p2) throw new ConnectToError(`--connect-to "${text}": the target port is empty`);
  return {
    fromHost: h1 ? parseHost(h1, text, 'host') : undefined,
    fromPort: p1 ? parsePort(p1, text, 'port') : undefined,
    toHost: parseHost(h2, text, 'target host'),
    toPort: parsePort(p2, text, 'target port'),
    source: text,
  };
}

export function parseConnectToList(values: readonly string[]): ConnectToRule[] {
  return values.map(parseConnectTo);
}

/** The first rule matching host and port (like curl), or undefined when the request goes where it says. */
export function routeFor(rules: readonly ConnectToRule[], host: string, port: number): { host: string; port: number } | undefined {
  const h = host
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  for (const r of rules) {
    if (r.fromHost !== undefined && r.fromHost !== h) continue;
    if (r.fromPort !== undefined && r.fromPort !== port) continue;
    return { host: r.toHost, port: r.toPort };
  }
  return undefined;
}
