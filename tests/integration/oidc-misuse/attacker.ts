// The attacker's tools for the OpenID Connect misuse tests: fetch wrappers that swap the ID token of a token response
// in transit (for one obtained by another client, or one re-signed with changed claims), and a confidential client
// driven by hand in the victim's browser (as a malicious relying party with a session cookie in the same browser
// would). Everything is loopback; the servers under test are real.
import { SignJWT, importJWK, type JWK } from 'jose';
import * as oidc from 'openid-client';
import type { TestBrowser } from '../identity/browser';
import type { CallbackRecorder } from '../identity/callback-recorder';

export type Fetch = typeof fetch;

function requestUrl(input: Parameters<Fetch>[0]): string {
  return typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
}

/**
 * A fetch that, on the answer of `tokenEndpoint`, replaces `id_token` with what `swap` returns (given the original).
 * Every other request goes through untouched.
 */
export function idTokenSwappingFetch(
  tokenEndpoint: () => string | undefined,
  swap: (original: string) => Promise<string>,
): Fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    const endpoint = tokenEndpoint();
    if (!endpoint || requestUrl(input).split('?')[0] !== endpoint) return response;
    const body = (await response.json()) as Record<string, unknown>;
    if (typeof body['id_token'] === 'string') body['id_token'] = await swap(body['id_token']);
    const headers = new Headers(response.headers);
    headers.delete('content-length');
    headers.delete('content-encoding');
    return new Response(JSON.stringify(body), { status: response.status, headers });
  };
}

/** The claims of a JWT (no check). */
export function jwtClaims(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** Signs `claims` with a private JWK (its `kid` in the header): a token that passes the signature check. */
export async function signWith(privateJwk: JWK, claims: Record<string, unknown>, typ = 'JWT'): Promise<string> {
  const key = await importJWK(privateJwk, 'RS256');
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', typ, ...(privateJwk.kid ? { kid: privateJwk.kid } : {}) })
    .sign(key);
}

/** Reads a query parameter of the first URL of `history` that starts with `prefix` (or matches it). */
export function paramOfVisited(
  history: readonly string[],
  prefix: string | ((url: string) => boolean),
  name: string,
): string | undefined {
  const url = history.find((u) => (typeof prefix === 'string' ? u.startsWith(prefix) : prefix(u)));
  return url ? (new URL(url).searchParams.get(name) ?? undefined) : undefined;
}

export interface HandDrivenClient {
  issuer: string;
  clientId: string;
  clientSecret: string;
  callback: CallbackRecorder;
  scope: string;
}

/**
 * Runs an authorization-code flow for `client` in `browser` (silently: the browser already holds a session) with the
 * given nonce, redeems the code at the token endpoint and returns the ID token the provider minted for that client.
 */
export async function idTokenFor(client: HandDrivenClient, browser: TestBrowser, nonce: string): Promise<string> {
  const verifier = oidc.randomPKCECodeVerifier();
  const discovery = (await (await fetch(`${client.issuer}/.well-known/openid-configuration`)).json()) as {
    authorization_endpoint: string;
    token_endpoint: string;
  };
  const url = new URL(discovery.authorization_endpoint);
  url.search = new URLSearchParams({
    client_id: client.clientId,
    response_type: 'code',
    redirect_uri: client.callback.url,
    scope: client.scope,
    state: oidc.randomState(),
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
  }).toString();
  const before = client.callback.received.length;
  await browser.get(url.href);
  const code = client.callback.received[before]?.searchParams.get('code');
  if (!code)
    throw new Error(`no code for ${client.clientId}: ${client.callback.received[before]?.href ?? 'no callback'}`);
  const response = await fetch(discovery.token_endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${encodeURIComponent(client.clientId)}:${encodeURIComponent(client.clientSecret)}`).toString('base64')}`,
    },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: client.callback.url,
      code_verifier: verifier,
    }).toString(),
  });
  const tokens = (await response.json()) as { id_token?: string; error?: string };
  if (!tokens.id_token) throw new Error(`no ID token for ${client.clientId}: ${tokens.error ?? response.status}`);
  return tokens.id_token;
}
