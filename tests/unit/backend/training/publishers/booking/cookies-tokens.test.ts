// The publisher's cookies and tokens: per-publisher names (browsers share cookies across ports), strict parsing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clearCookie, cookieNames, readCookie, setCookie } from '@backend/training/publishers/booking/cookies';
import { newAppointmentId, randomToken, sameToken } from '@backend/training/publishers/booking/tokens';

describe('publisher cookies', () => {
  it('names differ per publisher and stay valid cookie names', () => {
    const a = cookieNames('editeur-a');
    const b = cookieNames('editeur-b');
    expect(a).toEqual({ session: 'rdv_editeur_a_session', browser: 'rdv_editeur_a_browser' });
    expect(a.session).not.toBe(b.session);
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (id) => {
        const names = cookieNames(id);
        expect(names.session).toMatch(/^rdv_\w{1,40}_session$/u);
        expect(names.browser).toMatch(/^rdv_\w{1,40}_browser$/u);
      }),
    );
  });

  it('sets HttpOnly, SameSite=Lax cookies under /rdv; clears with Max-Age=0', () => {
    expect(setCookie('rdv_a_session', 'v')).toBe('rdv_a_session=v; Path=/rdv; HttpOnly; SameSite=Lax');
    expect(setCookie('rdv_a_session', 'v', { maxAgeSeconds: 90.7, secure: true })).toBe(
      'rdv_a_session=v; Path=/rdv; HttpOnly; SameSite=Lax; Max-Age=90; Secure',
    );
    expect(clearCookie('rdv_a_session')).toBe('rdv_a_session=; Path=/rdv; HttpOnly; SameSite=Lax; Max-Age=0');
  });

  it('reads only our tokens from a Cookie header', () => {
    const token = randomToken();
    expect(readCookie(`sas_session=abc; rdv_a_session=${token}; other=1`, 'rdv_a_session')).toBe(token);
    expect(readCookie(`rdv_a_session=short`, 'rdv_a_session')).toBeUndefined();
    expect(readCookie(`rdv_a_session=${token}x"`, 'rdv_a_session')).toBeUndefined();
    expect(readCookie(`xrdv_a_session=${token}`, 'rdv_a_session')).toBeUndefined();
    expect(readCookie(undefined, 'rdv_a_session')).toBeUndefined();
    expect(readCookie(`rdv_a_session=${token}; ${'x'.repeat(9000)}`, 'rdv_a_session')).toBeUndefined();
  });

  it('never throws, and what it returns is a token found in the header', () => {
    fc.assert(
      fc.property(fc.option(fc.string({ maxLength: 400 }), { nil: undefined }), (header) => {
        const value = readCookie(header, 'rdv_a_session');
        if (value !== undefined) {
          expect(header).toContain(value);
          expect(value).toMatch(/^[\w-]{16,128}$/u);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('tokens', () => {
  it('random tokens are 256-bit base64url and distinct; appointment ids have the RDV shape', () => {
    const tokens = new Set(Array.from({ length: 200 }, randomToken));
    expect(tokens.size).toBe(200);
    for (const t of tokens) expect(t).toMatch(/^[\w-]{43}$/u);
    expect(newAppointmentId()).toMatch(/^RDV-[0-9A-F]{12}$/u);
  });

  it('compares tokens exactly', () => {
    const token = randomToken();
    expect(sameToken(token, token)).toBe(true);
    expect(sameToken(`${token}x`, token)).toBe(false);
    expect(sameToken(token.slice(1), token)).toBe(false);
    expect(sameToken(null, token)).toBe(false);
    expect(sameToken(undefined, token)).toBe(false);
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(sameToken(a, b)).toBe(a === b);
      }),
    );
  });
});
