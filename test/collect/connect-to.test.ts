import { describe, expect, it } from 'vitest';
import { ConnectToError, parseConnectTo, parseConnectToList, routeFor } from '../../src/collect/connect-to.js';

describe('parseConnectTo', () => {
  it('parses all four fields', () => {
    expect(parseConnectTo('thpt-a.hcm.edu.vn:443:127.0.0.1:8443')).toMatchObject({
      fromHost: 'thpt-a.hcm.edu.vn',
      fromPort: 443,
      toHost: '127.0.0.1',
      toPort: 8443,
    });
  });
  it('treats empty host or port as a wildcard', () => {
    const r = parseConnectTo(':443:127.0.0.1:9000');
    expect(r.fromHost).toBeUndefined();
    expect(r.fromPort).toBe(443);
    expect(parseConnectTo('a.test::127.0.0.1:9000').fromPort).toBeUndefined();
    expect(parseConnectTo('::127.0.0.1:9000')).toMatchObject({ fromHost: undefined, fromPort: undefined });
  });
  it('accepts bracketed IPv6 on both sides', () => {
    expect(parseConnectTo('[2001:db8::1]:80:[::1]:8080')).toMatchObject({ fromHost: '2001:db8::1', toHost: '::1', toPort: 8080 });
  });
  it.each([
    ['a.test:443:127.0.0.1', /4 fields/],
    ['a.test:443:127.0.0.1:99999', /target port/],
    ['a.test:x:127.0.0.1:80', /port "x"/],
    ['a.test:443::80', /target host is empty/],
    ['a.test:443:127.0.0.1:', /target port is empty/],
    ['[::1:443:127.0.0.1:80', /unclosed/],
    ['[nope]:443:127.0.0.1:80', /not an IPv6/],
    ['a b:443:127.0.0.1:80', /not a host name/],
  ])('rejects %s', (text, message) => {
    expect(() => parseConnectTo(text)).toThrow(ConnectToError);
    expect(() => parseConnectTo(text)).toThrow(message);
  });
});

describe('routeFor', () => {
  const rules = parseConnectToList(['special.test:443:10.0.0.5:8443', ':443:127.0.0.1:1443', ':80:127.0.0.1:1080']);
  it('uses the first matching rule, host case-insensitively', () => {
    expect(routeFor(rules, 'SPECIAL.test', 443)).toEqual({ host: '10.0.0.5', port: 8443 });
    expect(routeFor(rules, 'other.test', 443)).toEqual({ host: '127.0.0.1', port: 1443 });
    expect(routeFor(rules, 'other.test', 80)).toEqual({ host: '127.0.0.1', port: 1080 });
  });
  it('leaves unmatched requests alone', () => {
    expect(routeFor(rules, 'other.test', 8080)).toBeUndefined();
    expect(routeFor([], 'a.test', 443)).toBeUndefined();
  });
});
