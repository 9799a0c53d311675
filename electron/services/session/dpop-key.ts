// The console instance's proof-of-possession key (DPoP, RFC 9449). The provider binds the console's refresh token and
// access tokens to it: a token copied out of this console (a log, a local process that ran its own login flow, a
// memory dump of another program) is useless without the key, which never leaves this console's secret store.
// One key per login; kept beside the refresh token so a restart can refresh with the key the token is bound to.
import { base64url, calculateJwkThumbprint, exportJWK, importJWK, type JWK, SignJWT } from 'jose';
import * as oidc from 'openid-client';

const ALG = 'ES256';

export interface DpopKey {
  keyPair: oidc.CryptoKeyPair;
  /** The public key as proofs carry it in their header. */
  publicJwk: JWK;
}

export async function newDpopKey(): Promise<DpopKey> {
  // Extractable so the private key can be kept in the secret store with the refresh token it is bound to.
  const keyPair = await oidc.randomDPoPKeyPair(ALG, { extractable: true });
  return { keyPair, publicJwk: await publicJwkOf(keyPair.publicKey) };
}

async function publicJwkOf(publicKey: oidc.CryptoKey): Promise<JWK> {
  const { kty, crv, x, y } = await exportJWK(publicKey);
  return { kty, crv, x, y } as JWK;
}

/** The private key as a JWK, to persist (only ever into the secret store). */
export function exportDpopKey(key: DpopKey): Promise<JWK> {
  return exportJWK(key.keyPair.privateKey);
}

/** A key persisted by `exportDpopKey`; rejects when the JWK is not an EC P-256 private key. */
export async function importDpopKey(jwk: JWK): Promise<DpopKey> {
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || typeof jwk.d !== 'string')
    throw new Error('DPoP key: not a P-256 key');
  const privateKey = (await importJWK(jwk, ALG, { extractable: true })) as oidc.CryptoKey;
  const publicJwk = { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y } as JWK;
  const publicKey = (await importJWK(publicJwk, ALG, { extractable: true })) as oidc.CryptoKey;
  return { keyPair: { privateKey, publicKey }, publicJwk };
}

/** openid-client's handle for the token endpoint (code exchange, refresh). */
export function dpopHandle(config: oidc.Configuration, key: DpopKey): oidc.DPoPHandle {
  return oidc.getDPoPHandle(config, key.keyPair);
}

export function dpopThumbprint(key: DpopKey): Promise<string> {
  return calculateJwkThumbprint(key.publicJwk, 'sha256');
}

async function accessTokenHash(accessToken: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(accessToken));
  return base64url.encode(new Uint8Array(digest));
}

/** A proof for one request to the backend API: method, URL without query or fragment, the token's hash. */
export async function dpopProof(key: DpopKey, method: string, url: string, accessToken: string): Promise<string> {
  const target = new URL(url);
  target.search = '';
  target.hash = '';
  return new SignJWT({
    htm: method.toUpperCase(),
    htu: target.href,
    ath: await accessTokenHash(accessToken),
  })
    .setProtectedHeader({ alg: ALG, typ: 'dpop+jwt', jwk: key.publicJwk })
    .setJti(crypto.randomUUID())
    .setIssuedAt()
    .sign(key.keyPair.privateKey);
}

/** What the backend API calls present: a bound token with its key, or (tests, older sessions) a bare token. */
export type ApiCredential = string | { token: string; key: DpopKey };

/** The `authorization` (and `dpop`) headers of one request. */
export async function authorizationHeaders(
  credential: ApiCredential,
  method: string,
  url: string,
): Promise<Record<string, string>> {
  if (typeof credential === 'string') return { authorization: `Bearer ${credential}` };
  return {
    authorization: `DPoP ${credential.token}`,
    dpop: await dpopProof(credential.key, method, url, credential.token),
  };
}

/** The access token itself (to read its claims; never to present alone when it is bound). */
export function tokenOf(credential: ApiCredential): string {
  return typeof credential === 'string' ? credential : credential.token;
}
