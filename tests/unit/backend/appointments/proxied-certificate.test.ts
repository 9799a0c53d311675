import type { IncomingMessage } from 'node:http';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeFingerprint, proxiedCertificateAuthenticator } from '@backend/appointments/proxied-certificate';

const FP = 'AB:'.repeat(31) + 'AB';
const authenticate = proxiedCertificateAuthenticator({
  header: 'X-Client-Cert-SHA256',
  proxies: ['10.0.0.5'],
  fingerprints: { agendaplume: [FP] },
});
const request = (peer: string, value?: string) =>
  ({
    headers: value === undefined ? {} : { 'x-client-cert-sha256': value },
    socket: { remoteAddress: peer },
  }) as unknown as IncomingMessage;

describe('client certificate passed by a reverse proxy', () => {
  it('names the publisher only when the header comes from a configured proxy', () => {
    expect(authenticate(request('10.0.0.5', FP.toLowerCase().replace(/:/gu, '')))).toBe('agendaplume');
    expect(authenticate(request('::ffff:10.0.0.5', FP))).toBe('agendaplume');
    expect(authenticate(request('10.0.0.9', FP))).toBeUndefined();
    expect(authenticate(request('10.0.0.5', 'CD:'.repeat(31) + 'CD'))).toBeUndefined();
    expect(authenticate(request('10.0.0.5'))).toBeUndefined();
  });

  it('reads any header text as a fingerprint or nothing (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const fp = normalizeFingerprint(text);
        if (fp !== undefined) expect(fp).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/u);
      }),
    );
  });
});
