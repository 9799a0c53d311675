// An expired access token at the backend API. The training environment's tokens live 5 minutes, so this runs the
// identity chain (training PSC, backend provider, console session) with 2-second tokens (with 1 s, `expires_in` can
// round down to 0), in front of the backend's own API routes and bearer check (apiRoutes + authenticate, wired to the
// provider as backend/app.ts does). The real clock runs past the token's expiry: refused with the console's French
// message; the console then gets a fresh token (refresh) that is accepted.
import { type ApiCredential, authorizationHeaders, tokenOf } from '@services/session/dpop-key';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiCaller } from '@backend/api/auth';
import { apiRoutes } from '@backend/api/routes';
import { createRouter } from '@backend/http/router';
import type { SearchServiceDeps } from '@backend/search/search-service';
import { TestBrowser } from '../identity/browser';
import { ALICE } from '../identity/fixtures';
import {
  type ConsoleUnderTest,
  consoleLogin,
  type IdentityStack,
  startConsole,
  startIdentityStack,
} from '../identity/harness';
import { jwtClaims } from './attacker';

let stack: IdentityStack;
let app: ConsoleUnderTest;
let apiUrl = '';
let closeApi: () => Promise<void> = async () => {};

beforeAll(async () => {
  stack = await startIdentityStack({ provider: (config) => ({ ...config, accessTokenTtlSeconds: 2 }) });
  // Expiry alone is under test here: the binding (DPoP) is the backend's, in api-tokens.test.ts.
  const verifyAccessToken = async ({ token }: { token: string }): Promise<ApiCaller | undefined> => {
    const check = await stack.provider.verifyAccessToken(token);
    return check.ok
      ? {
          nationalId: check.regulator.nationalId,
          familyName: check.regulator.familyName,
          givenName: check.regulator.givenName,
        }
      : undefined;
  };
  const routes = apiRoutes({
    search: {} as SearchServiceDeps, // not called: only GET /api/publishers is used here
    verifyAccessToken,
    suggestLocations: async () => [],
    publishers: () => [{ id: 'editeur-demo', name: 'Éditeur de démonstration', bookingOrigins: [] }],
    version: 'test',
    onUnexpected: () => {},
  });
  const router = createRouter(routes, [], () => {});
  const server = createServer((request, response) => void router(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  closeApi = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  // No early refresh: the token must be allowed to expire.
  app = startConsole(stack, { refreshMarginMs: 0 });
  const { state } = await consoleLogin(app, new TestBrowser(), ALICE.nationalId);
  expect(state.status).toBe('logged-in');
}, 60_000);

afterAll(async () => {
  await app?.session.close();
  await closeApi();
  await stack?.close();
});

const publishersWith = async (credential: ApiCredential) => {
  const url = `${apiUrl}/api/publishers`;
  const response = await fetch(url, { headers: await authorizationHeaders(credential, 'GET', url) });
  return { status: response.status, body: (await response.json()) as { error?: unknown } };
};

describe('an expired access token at the API', () => {
  it('is accepted while valid, refused once expired with a French message, and replaced by the console', async () => {
    const token = await app.session.accessToken();
    expect((await publishersWith(token)).status).toBe(200);
    const expiresAt = Number(jwtClaims(tokenOf(token))['exp']) * 1000;
    // The real clock, no fake: wait until the token is past its expiry (about two seconds).
    while (Date.now() <= expiresAt + 200) await new Promise((resolve) => setTimeout(resolve, 100));
    const expired = await publishersWith(token);
    expect(expired.status).toBe(401);
    expect(expired.body.error).toEqual({
      code: 'invalid-token',
      message: 'Session expirée ou invalide : reconnectez-vous.',
    });
    // What the provider's verifier says underneath, for logs.
    expect(await stack.provider.verifyAccessToken(tokenOf(token))).toMatchObject({ ok: false, code: 'expired' });
    const fresh = await app.session.accessToken();
    expect(tokenOf(fresh)).not.toBe(tokenOf(token));
    expect((await publishersWith(fresh)).status).toBe(200);
  });
});
