// The backend API's bearer-token check, against tokens signed here with the same kind of keys the provider uses.
import fc from 'fast-check';
import { importJWK, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { bearerToken, createAccessTokenVerifier } from '@backend/identity/access-token';
import { generateSigningJwks, type PrivateJwks, publicJwksOf } from '@backend/identity/keys';
import { arrayRegulatorAccounts, type RegulatorAccount } from '@backend/identity/regulator-accounts';

const ISSUER = 'http://127.0.0.1:1234/oidc';
const AUDIENCE = 'http://127.0.0.1:1234/api';
let jwks: PrivateJwks;
let otherJwks: PrivateJwks;
const accounts: RegulatorAccount[] = [
  { nationalId: '810002673899', familyName: 'Martin', active: true },
  { nationalId: '810001111111', familyName: 'Leroy', active: false },
];

beforeAll(async () => {
  jwks = await generateSigningJwks();
  otherJwks = await generateSigningJwks();
});

async function sign(
  claims: Record<string, unknown>,
  options: { keys?: PrivateJwks; typ?: string; expSeconds?: number; audience?: string } = {},
) {
  const jwk = (options.keys ?? jwks).keys[0]!;
  const key = await importJWK(jwk, 'RS256');
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ client_id: 'sas-console', scope: 'sas:api', ...claims })
    .setProtectedHeader({ alg: 'RS256', typ: options.typ ?? 'at+jwt', kid: jwk.kid! })
    .setIssuer(ISSUER)
    .setAudience(options.audience ?? AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(now + (options.expSeconds ?? 300))
    .sign(key);
}

function verifier() {
  return createAccessTokenVerifier({
    issuer: ISSUER,
    audience: AUDIENCE,
    jwks: publicJwksOf(jwks),
    accounts: arrayRegulatorAccounts(accounts),
  });
}

describe('access token verification', () => {
  it('accepts a valid token and returns the regulator', async () => {
    const result = await verifier()(await sign({ sub: '810002673899' }));
    expect(result).toMatchObject({
      ok: true,
      regulator: { nationalId: '810002673899' },
      clientId: 'sas-console',
      scopes: ['sas:api'],
    });
  });

  it('refuses missing, expired, foreign-signed, wrong-type and wrong-audience tokens with French messages', async () => {
    const verify = verifier();
    expect(await verify(undefined)).toMatchObject({
      ok: false,
      code: 'missing',
      message: expect.stringContaining('absent'),
    });
    expect(await verify(await sign({ sub: '810002673899' }, { expSeconds: -60 }))).toMatchObject({
      ok: false,
      code: 'expired',
    });
    expect(await verify(await sign({ sub: '810002673899' }, { keys: otherJwks }))).toMatchObject({
      ok: false,
      code: 'invalid',
    });
    // An ID token (typ JWT) is not an access token.
    expect(await verify(await sign({ sub: '810002673899' }, { typ: 'JWT' }))).toMatchObject({
      ok: false,
      code: 'invalid',
    });
    const token = await sign({ sub: '810002673899' }, { audience: 'https://other.example' });
    expect(await verify(token)).toMatchObject({ ok: false, code: 'invalid', message: 'Jeton d’accès invalide.' });
  });

  it('refuses a tampered payload', async () => {
    const [header, payload, signature] = (await sign({ sub: '810001111111' })).split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    claims.sub = '810002673899';
    const forged = [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
    expect(await verifier()(forged)).toMatchObject({ ok: false, code: 'invalid' });
  });

  it('refuses unknown and withdrawn regulators even with a valid signature', async () => {
    expect(await verifier()(await sign({ sub: '819999999999' }))).toMatchObject({
      ok: false,
      code: 'regulator_unknown',
    });
    expect(await verifier()(await sign({ sub: '810001111111' }))).toMatchObject({
      ok: false,
      code: 'regulator_inactive',
      message: 'L’accès de ce régulateur au SAS a été retiré.',
    });
  });

  it('never throws on arbitrary input', async () => {
    const verify = verifier();
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300 }), async (token) => {
        const result = await verify(token);
        expect(result.ok).toBe(false);
      }),
      { numRuns: 50 },
    );
  });
});

describe('bearerToken', () => {
  it('extracts the token of a Bearer header and nothing else', () => {
    expect(bearerToken('Bearer abc.def-ghi_jkl')).toBe('abc.def-ghi_jkl');
    expect(bearerToken('bearer abc')).toBeUndefined();
    expect(bearerToken('Basic abc')).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
    fc.assert(
      fc.property(fc.string(), (header) => {
        const token = bearerToken(header);
        if (token !== undefined) {
          expect(header.trim().startsWith('Bearer ')).toBe(true);
          expect(header.trim().endsWith(token)).toBe(true);
          expect(token).not.toMatch(/\s/u);
        }
      }),
    );
  });
});

describe('public key set', () => {
  it('strips every private member', () => {
    const pub = publicJwksOf(jwks);
    for (const key of pub.keys)
      for (const member of ['d', 'p', 'q', 'dp', 'dq', 'qi']) expect(key).not.toHaveProperty(member);
    expect(pub.keys[0]).toMatchObject({ kty: 'RSA', kid: jwks.keys[0]!.kid });
  });
});
