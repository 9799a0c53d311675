// The Authorization header parser of the backend API: any header value, never a throw; a token only from
// `Bearer <token>` or `DPoP <token>` with a token of the allowed characters and size.
import type { IncomingMessage } from 'node:http';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { presentedToken } from '@backend/api/auth';

const request = (headers: Record<string, string>, method = 'GET', url = '/api/appointments') =>
  ({ headers, method, url }) as unknown as IncomingMessage;

const TOKEN = fc.stringMatching(/^[A-Za-z0-9._~+/=-]{10,200}$/u);

describe('presentedToken', () => {
  it('reads the scheme, the token and the proof', () => {
    expect(presentedToken(request({ authorization: 'DPoP abcdefghijkl', dpop: 'preuve' }))).toEqual({
      token: 'abcdefghijkl',
      scheme: 'DPoP',
      proof: 'preuve',
      method: 'GET',
      path: '/api/appointments',
    });
    expect(presentedToken(request({ authorization: 'Bearer abcdefghijkl' }))).toMatchObject({ scheme: 'Bearer' });
  });

  it('never throws, and gives a token only for a well-formed header', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (header) => {
        const result = presentedToken(request({ authorization: header }));
        if (result) expect(header).toBe(`${result.scheme} ${result.token}`);
      }),
    );
  });

  it('accepts every well-formed token under both schemes, refuses other schemes and spacing', () => {
    fc.assert(
      fc.property(TOKEN, fc.constantFrom('Bearer', 'DPoP'), (token, scheme) => {
        expect(presentedToken(request({ authorization: `${scheme} ${token}` }))?.token).toBe(token);
        expect(presentedToken(request({ authorization: `${scheme}  ${token}` }))).toBeUndefined();
        expect(presentedToken(request({ authorization: `Basic ${token}` }))).toBeUndefined();
      }),
    );
  });
});
