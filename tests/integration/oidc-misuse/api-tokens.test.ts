// Tokens misused at the backend API (training environment, real login): the console's own ID token presented as an
// access token (wrong audience and type), a token minted with a key the provider never had, an unsigned one. Each is
// refused with 401 and the French message the console shows; the console's access token is the control.
// (An expired access token: api-token-expiry.test.ts, which needs a provider with short-lived tokens.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
let accessToken: string;
let idToken: string;

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
        const body = (await response.clone().json()) as { id_token?: string };
        if (body.id_token) idToken = body.id_token;
      }
      return response;
    },
  });
  const result = session.login();
  await loginAtTrainingPsc(browser, await browser.get(await openedUrl), ALICE, 'cps');
  expect((await result).status).toBe('logged-in');
  accessToken = await session.accessToken();
}, 60_000);

afterAll(async () => {
  await session?.close();
  await env?.close();
});

async function appointmentsWith(
  token: string,
): Promise<{ status: number; body: { error?: { code: string; message: string } } }> {
  const response = await fetch(`${env.backendUrl}/api/appointments`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, body: (await response.json()) as { error?: { code: string; message: string } } };
}

describe('tokens at the backend API', () => {
  it('control: the console’s access token is accepted', async () => {
    expect((await appointmentsWith(accessToken)).status).toBe(200);
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
