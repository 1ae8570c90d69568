// Classifies IP addresses so the crawler never reaches loopback, private or otherwise non-public targets
// through a registry URL or a redirect (SSRF guard). Pure: no DNS, no sockets.
import { isIPv4, isIPv6 } from 'node:net';

export type AddressClass = 'public' | 'loopback' | 'private' | 'link-local' | 'unspecified' | 'multicast' | 'reserved' | 'cgnat';

function v4Octets(ip: string): number[] | undefined {
  if (!isIPv4(ip)) return undefined;
  return ip.split('.').map(Number);
}

function classifyV4(o: number[]): AddressClass {
  const [a = 0, b = 0, c = 0, d = 0] = o;
  if (a === 0) return 'unspecified';
  if (a === 127) return 'loopback';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private';
  if (a === 169 && b === 254) return 'link-local';
  if (a === 100 && b >= 64 && b <= 127) return 'cgnat';
  if (a >= 224 && a <= 239) return 'multicast';
  if (a === 255 && b === 255 && c === 255 && d === 255) return 'reserved';
  if (a >= 240) return 'reserved';
  // Documentation and benchmarking ranges are never real school sites.
  if ((a === 192 && b === 0 && c === 2) || (a === 198 && b === 51 && c === 100) || (a === 203 && b === 0 && c === 113)) {
    return 'reserved';
  }
  if (a === 198 && (b === 18 || b === 19)) return 'reserved';
  if (a === 192 && b === 0 && c === 0) return 'reserved';
  return 'public';
}

/** Expands an IPv6 text (with optional trailing dotted IPv4) to eight 16-bit groups. */
function v6Groups(ip: string): number[] | undefined {
  let text = ip.toLowerCase();
  const zone = text.indexOf('%');
  if (zone >= 0) text = text.slice(0, zone);
  if (!isIPv6(text)) return undefined;
  const lastColon = text.lastIndexOf(':');
  const last = text.slice(lastColon + 1);
  if (last.includes('.')) {
    // Rewrite a trailing dotted IPv4 (::ffff:1.2.3.4) as two hex groups so one parser handles both forms.
    const o = v4Octets(last);
    if (!o) return undefined;
    const hex = (x: number, y: number): string => (((x << 8) | y) >>> 0).toString(16);
    text = `${text.slice(0, lastColon + 1)}${hex(o[0] ?? 0, o[1] ?? 0)}:${hex(o[2] ?? 0, o[3] ?? 0)}`;
  }
  const [head = '', rest] = text.split('::');
  const parse = (s: string): number[] => (s ? s.split(':').map((g) => parseInt(g, 16)) : []);
  const h = parse(head);
  const r = rest === undefined ? [] : parse(rest);
  const missing = 8 - h.length - r.length;
  if (missing < 0 || (rest === undefined && missing !== 0)) return undefined;
  return [...h, ...new Array<number>(missing).fill(0), ...r];
}

function embeddedV4(g: number[]): number[] {
  const hi = g[6] ?? 0;
  const lo = g[7] ?? 0;
  return [hi >> 8, hi & 0xff, lo >> 8, lo & 0xff];
}

function classifyV6(g: number[]): AddressClass {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = g;
  const zeroTo = (n: number): boolean => g.slice(0, n).every((x) => x === 0);
  if (zeroTo(8)) return 'unspecified';
  if (zeroTo(7) && g7 === 1) return 'loopback';
  // IPv4-mapped (::ffff:a.b.c.d) and the deprecated IPv4-compatible form reach the embedded IPv4 address.
  if (zeroTo(5) && g5 === 0xffff) return classifyV4(embeddedV4(g));
  if (zeroTo(6) && (g6 !== 0 || g7 > 1)) return classifyV4(embeddedV4(g));
  // NAT64 well-known prefix 64:ff9b::/96 translates to the embedded IPv4 address.
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) return classifyV4(embeddedV4(g));
  if ((g0 & 0xfe00) === 0xfc00) return 'private';
  if ((g0 & 0xffc0) === 0xfe80) return 'link-local';
  if ((g0 & 0xffc0) === 0xfec0) return 'private'; // deprecated site-local
  if ((g0 & 0xff00) === 0xff00) return 'multicast';
  if (g0 === 0x2001 && g1 === 0x0db8) return 'reserved';
  if (g0 === 0x0100 && g1 === 0 && g2 === 0 && g3 === 0) return 'reserved'; // discard-only 100::/64
  if (g0 === 0x2002) {
    // 6to4 embeds an IPv4 address in bits 16–48.
    const v4 = [g1 >> 8, g1 & 0xff, g2 >> 8, g2 & 0xff];
    const c = classifyV4(v4);
    if (c !== 'public') return c;
  }
  return 'public';
}

/** Class of an IP literal (IPv4, IPv6, brackets allowed). Anything that is not an IP is 'reserved'. */
export function classifyAddress(ip: string): AddressClass {
  const text = ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip;
  const v4 = v4Octets(text);
  if (v4) return classifyV4(v4);
  const v6 = v6Groups(text);
  if (v6) return classifyV6(v6);
  return 'reserved';
}

/** True for every address a crawl must not reach without --allow-private or an explicit --connect-to. */
export function isForbiddenAddress(ip: string): boolean {
  return classifyAddress(ip) !== 'public';
}
