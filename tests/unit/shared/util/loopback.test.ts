import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isLoopbackHost, isLoopbackUrl } from '@shared/util/loopback';

const octet = fc.integer({ min: 0, max: 255 });

describe('loopback check', () => {
  it('accepts this machine under each spelling a URL gives it', () => {
    for (const host of ['localhost', 'LOCALHOST', '127.0.0.1', '127.255.255.254', '127.1.2.3', '::1', '[::1]']) {
      expect(isLoopbackHost(host), host).toBe(true);
    }
    for (const url of [
      'http://127.0.0.1:8080/x',
      'http://127.1.2.3/',
      'http://localhost:1/',
      'http://[::1]:9/',
      'http://127.1/',
      'http://[0:0:0:0:0:0:0:1]/',
    ]) {
      expect(isLoopbackUrl(url), url).toBe(true);
    }
  });

  it('refuses look-alikes and other hosts', () => {
    const refused = [
      '127.0.0.1.attacker.test',
      'localhost.',
      'sub.localhost',
      'localhost.attacker.test',
      '127.0.0.256',
      '127.0.0.01',
      '127.0.0',
      '128.0.0.1',
      '10.0.0.1',
      '0.0.0.0',
      '::ffff:127.0.0.1',
      '[::2]',
      '',
      ' 127.0.0.1',
    ];
    for (const host of refused) expect(isLoopbackHost(host), host).toBe(false);
    for (const url of [
      'http://127.0.0.1.evil.example/',
      'http://10.0.0.1/',
      'https://sas.sante.fr/',
      'not a url',
      'http://127.0.0.1@evil.example/',
      '',
    ]) {
      expect(isLoopbackUrl(url), url).toBe(false);
    }
  });

  it('takes parsed URLs as they are', () => {
    expect(isLoopbackUrl(new URL('http://[::1]:4100/authorize'))).toBe(true);
    expect(isLoopbackUrl({ hostname: 'idp.example' })).toBe(false);
  });

  it('knows exactly 127.0.0.0/8 among dotted quads (property)', () => {
    fc.assert(
      fc.property(octet, octet, octet, octet, (a, b, c, d) => {
        const host = `${a}.${b}.${c}.${d}`;
        expect(isLoopbackHost(host)).toBe(a === 127);
        expect(isLoopbackUrl(`http://${host}:8080/`)).toBe(a === 127);
      }),
    );
  });

  it('agrees with the WHATWG parser on any URL, and never throws (property)', () => {
    fc.assert(
      fc.property(fc.webUrl(), (url) => {
        const host = new URL(url).hostname;
        expect(isLoopbackUrl(url)).toBe(isLoopbackHost(host));
      }),
    );
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(typeof isLoopbackUrl(text)).toBe('boolean');
        expect(typeof isLoopbackHost(text)).toBe('boolean');
      }),
    );
  });

  it('refuses any host that merely starts with a loopback address (property)', () => {
    fc.assert(
      fc.property(fc.domain(), (domain) => {
        expect(isLoopbackHost(`127.0.0.1.${domain}`)).toBe(false);
        expect(isLoopbackUrl(`http://127.0.0.1.${domain}/`)).toBe(false);
      }),
    );
  });
});
