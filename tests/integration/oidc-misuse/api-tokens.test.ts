// Tokens misused at the backend API (training environment, real login): the console's own ID token presented as an
// access token (wrong audience and type), a token minted with a key the provider never had, an unsigned one. Each is
// refused with 401 and the French message the console shows; the console's access token is the control.
// The console's tokens are bound to its instance's key (DPoP): presented without a proof of that key — as a bearer,
// with another key's proof, with a replayed proof or one made for another request — they are refused too, and its
// refresh token is useless without the key.
// (An expired access token: api-token-expiry.test.ts, which needs a provider with short-lived tokens.)
import * as oidc from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiCredential, authorizationHeaders, dpopProof, newDpopKey, tokenOf } from '@services/session/dpop-key';
import { generateSigningJwks } from '@backend/identity/keys';
import { startTrainingEnvironment, type TrainingEnvironment } from '@backend/training/environment';
import { MemorySecretStore } from '@services/secret-store';
import { createSessionService, type SessionService } from '@services/session/session-service';
import { TestBrowser } from '../identity/browser';
import { loginAtTrainingPsc } from '../identity/harness';
import { ALICE } from '../support/training-session';
import { jwtClaims, signWith } from './attacker';

const REFUSED = { code: 'invalid-token', message: 'Session expirée ou invalide : reconnectez-vous.' };

let env: TrainingEnvironment;
let session: SessionService;
let credential: ApiCredential;
let accessToken: string;
let idToken: string;
let refreshToken: string;

beforeAll(async () => {
  env = await startTrainingEnvironment({ latency: { minMs: 0, maxMs: 5 } });
  // The console's login, keeping the token response the session service receives (it never exposes the ID token).
  const browser = new TestBrowser();
  let opened: (url: string) => void = () => {};
  const openedUrl = new Promise<string>((resolve) => (opened = resolve));
  session = createSessionService({
    issuer: env.backend.identity.issuer,
    secretStore: new MemorySecretStore(),
    openExternal: (url) => opened(url),
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      if (String(input instanceof Request ? input.url : input).endsWith('/oidc/token')) {
        const body = (await response.clone().json()) as { id_token?: string; refresh_token?: string };
        if (body.id_token) idToken = body.id_token;
        if (body.refresh_token) refreshToken = body.refresh_token;
      }
      return response;
    },
  });
  const result = session.login();
  await loginAtTrainingPsc(browser, await browser.get(await openedUrl), ALICE, 'cps');
  expect((await result).status).toBe('logged-in');
  credential = await session.accessToken();
  accessToken = tokenOf(credential);
}, 60_000);

afterAll(async () => {
  await session?.close();
  await env?.close();
});

type Answer = { status: number; body: { error?: { code: string; message: string } } };

const appointmentsUrl = () => `${env.backendUrl}/api/appointments`;

async function appointmentsWithHeaders(headers: Record<string, string>): Promise<Answer> {
  const response = await fetch(appointmentsUrl(), { headers });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

const appointmentsWith = (token: string) => appointmentsWithHeaders({ authorization: `Bearer ${token}` });

describe('tokens at the backend API', () => {
  it('control: the console’s access token with a proof of its key is accepted', async () => {
    expect(typeof credential).toBe('object');
    expect(
      (await appointmentsWithHeaders(await authorizationHeaders(credential, 'GET', appointmentsUrl()))).status,
    ).toBe(200);
    expect(jwtClaims(accessToken)).toMatchObject({ aud: `${new URL(env.backendUrl).origin}/api`, sub: ALICE });
  });

  it('the ID token presented as an access token is refused (audience: the console, not the API)', async () => {
    expect(jwtClaims(idToken)).toMatchObject({ aud: 'sas-console', sub: ALICE });
    const answer = await appointmentsWith(idToken);
    expect(answer.status).toBe(401);
    expect(answer.body.error).toEqual(REFUSED);
  });

  it('a token with every right claim but signed by a key the provider never had is refused', async () => {
    const foreign = (await generateSigningJwks()).keys[0]!;
    const forged = await signWith(
      { ...foreign, kid: String(JSON.parse(Buffer.from(accessToken.split('.')[0]!, 'base64url').toString()).kid) },
      jwtClaims(accessToken),
      'at+jwt',
    );
    const answer = await appointmentsWith(forged);
    expect(answer.status).toBe(401);
    expect(answer.body.error).toEqual(REFUSED);
  });

  it('an unsigned token (alg none) is refused', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'at+jwt' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify(jwtClaims(accessToken))).toString('base64url');
    const answer = await appointmentsWith(`${header}.${payload}.`);
    expect(answer.status).toBe(401);
    expect(answer.body.error).toEqual(REFUSED);
  });
});

describe('the console’s tokens are bound to its key (DPoP)', () => {
  it('its access token presented as a plain bearer is refused', async () => {
    const answer = await appointmentsWith(accessToken);
    expect(answer.status).toBe(401);
    expect(answer.body.error).toEqual(REFUSED);
  });

  it('with the DPoP scheme but no proof, or a proof signed by another key, it is refused', async () => {
    expect((await appointmentsWithHeaders({ authorization: `DPoP ${accessToken}` })).status).toBe(401);
    const thief = await newDpopKey();
    const answer = await appointmentsWithHeaders({
      authorization: `DPoP ${accessToken}`,
      dpop: await dpopProof(thief, 'GET', appointmentsUrl(), accessToken),
    });
    expect(answer.status).toBe(401);
    expect(answer.body.error).toEqual(REFUSED);
  });

  it('a proof made for another request, or replayed, is refused', async () => {
    if (typeof credential === 'string') throw new Error('unbound token');
    const forPost = await dpopProof(credential.key, 'POST', appointmentsUrl(), accessToken);
    expect((await appointmentsWithHeaders({ authorization: `DPoP ${accessToken}`, dpop: forPost })).status).toBe(401);
    const forOther = await dpopProof(credential.key, 'GET', `${env.backendUrl}/api/publishers`, accessToken);
    expect((await appointmentsWithHeaders({ authorization: `DPoP ${accessToken}`, dpop: forOther })).status).toBe(401);
    const once = await dpopProof(credential.key, 'GET', appointmentsUrl(), accessToken);
    expect((await appointmentsWithHeaders({ authorization: `DPoP ${accessToken}`, dpop: once })).status).toBe(200);
    expect((await appointmentsWithHeaders({ authorization: `DPoP ${accessToken}`, dpop: once })).status).toBe(401);
  });

  it('its refresh token is refused at the provider without the key it is bound to', async () => {
    expect(refreshToken).toMatch(/^[\w.~-]{20,}$/u);
    const config = await oidc.discovery(new URL(env.backend.identity.issuer), 'sas-console', undefined, oidc.None(), {
      execute: [oidc.allowInsecureRequests],
    });
    const withoutKey = await oidc.refreshTokenGrant(config, refreshToken).catch((error: unknown) => error);
    expect(withoutKey).toBeInstanceOf(oidc.ResponseBodyError);
    const withAnotherKey = await oidc
      .refreshTokenGrant(config, refreshToken, undefined, {
        DPoP: oidc.getDPoPHandle(config, (await newDpopKey()).keyPair),
      })
      .catch((error: unknown) => error);
    expect(withAnotherKey).toMatchObject({ error: 'invalid_grant' });
  });
});
