// The backend's check of the console's proofs of possession: a proof made by the console's own code for this request
// passes once; every way it can differ from this request, this token or this key fails.
import { calculateJwkThumbprint, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { createDpopProofVerifier } from '@backend/identity/dpop-proof';
import { boundCorrectly } from '@backend/identity/token-binding';
import { dpopProof, newDpopKey } from '@services/session/dpop-key';

const URL_ = 'https://sas.example/api/appointments';
const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.jeton-de-test.signature';

async function setup(now?: () => number) {
  const key = await newDpopKey();
  const jkt = await calculateJwkThumbprint(key.publicJwk, 'sha256');
  const verifier = createDpopProofVerifier(now);
  const expect_ = (proof: string, overrides: { method?: string; path?: string; token?: string } = {}) =>
    verifier.verify({
      proof,
      method: overrides.method ?? 'GET',
      path: overrides.path ?? '/api/appointments',
      accessToken: overrides.token ?? TOKEN,
      jkt,
    });
  return { key, jkt, verifier, check: expect_ };
}

describe('DPoP proofs at the backend API', () => {
  it('accepts the console’s proof for this request once, refuses it replayed', async () => {
    const { key, check } = await setup();
    const proof = await dpopProof(key, 'GET', URL_, TOKEN);
    expect(await check(proof)).toEqual({ ok: true });
    expect(await check(proof)).toEqual({ ok: false, reason: 'proof replayed' });
  });

  it('accepts the path behind a proxy that served the backend under a prefix, ignores the query', async () => {
    const { key, check } = await setup();
    const proof = await dpopProof(key, 'GET', 'https://sas.example/regionale/api/appointments?x=1', TOKEN);
    expect(await check(proof, { path: '/api/appointments?since=2' })).toEqual({ ok: true });
  });

  it('refuses a proof for another method, another path or another token', async () => {
    const { key, check } = await setup();
    expect(await check(await dpopProof(key, 'POST', URL_, TOKEN))).toMatchObject({ ok: false, reason: 'htm' });
    expect(await check(await dpopProof(key, 'GET', 'https://sas.example/api/publishers', TOKEN))).toMatchObject({
      ok: false,
      reason: 'htu',
    });
    expect(await check(await dpopProof(key, 'GET', URL_, 'un-autre-jeton'))).toMatchObject({
      ok: false,
      reason: 'ath',
    });
  });

  it('refuses a proof signed by a key other than the one the token is bound to', async () => {
    const { check } = await setup();
    const thief = await newDpopKey();
    expect(await check(await dpopProof(thief, 'GET', URL_, TOKEN))).toMatchObject({ ok: false });
  });

  it('refuses a proof too old or from too far in the future', async () => {
    const late = await setup(() => Date.now() + 10 * 60 * 1000);
    expect(await late.check(await dpopProof(late.key, 'GET', URL_, TOKEN))).toMatchObject({ ok: false, reason: 'iat' });
    const early = await setup(() => Date.now() - 10 * 60 * 1000);
    expect(await early.check(await dpopProof(early.key, 'GET', URL_, TOKEN))).toMatchObject({ ok: false });
  });

  it('refuses a proof without the dpop+jwt type, or that is no JWT at all', async () => {
    const { key, check } = await setup();
    const wrongType = await new SignJWT({ htm: 'GET', htu: URL_ })
      .setProtectedHeader({ alg: 'ES256', typ: 'JWT', jwk: key.publicJwk })
      .setIssuedAt()
      .setJti('identifiant-de-preuve')
      .sign(key.keyPair.privateKey);
    expect(await check(wrongType)).toMatchObject({ ok: false });
    expect(await check('pas-un-jwt')).toMatchObject({ ok: false });
  });
});

describe('how a verified token must be presented', () => {
  const presented = (scheme: 'Bearer' | 'DPoP', proof?: string) => ({
    token: TOKEN,
    scheme,
    method: 'GET',
    path: '/api/appointments',
    ...(proof ? { proof } : {}),
  });

  it('a bound token only with the DPoP scheme and a proof; an unbound one only as a bearer', async () => {
    const { key, jkt, verifier } = await setup();
    expect(await boundCorrectly(presented('Bearer'), jkt, verifier)).toMatchObject({ ok: false });
    expect(await boundCorrectly(presented('DPoP'), jkt, verifier)).toMatchObject({ ok: false });
    const proof = await dpopProof(key, 'GET', URL_, TOKEN);
    expect(await boundCorrectly(presented('DPoP', proof), jkt, verifier)).toEqual({ ok: true });
    expect(await boundCorrectly(presented('Bearer'), undefined, verifier)).toEqual({ ok: true });
    expect(await boundCorrectly(presented('DPoP', proof), undefined, verifier)).toMatchObject({ ok: false });
  });
});
