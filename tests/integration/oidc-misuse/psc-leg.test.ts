// OpenID Connect misuse on the backend ⇄ Pro Santé Connect leg, completing the identity suite (which covers state,
// nonce, PKCE, replayed callback and code, tampered and expired PSC ID tokens):
// - wrong `iss`: PSC's callback rewritten to name another issuer (the production PSC: a mix-up between realms);
// - wrong `aud`: the ID token PSC issued to another service for the same user and the same nonce (a genuine token,
//   valid signature) swapped into the backend's token response.
// Each ends with PSC's answer refused by the backend, the French refusal page, and the console told why.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { REFUSAL_TEXT } from '@backend/identity/pages';
import { createIdentityProvider, type IdentityProvider } from '@backend/identity/provider';
import { PSC_ISSUERS } from '@backend/identity/psc-client';
import { arrayRegulatorAccounts } from '@backend/identity/regulator-accounts';
import { startTrainingPsc, type TrainingPsc } from '@backend/training/psc/training-psc';
import type { SessionState } from '@shared/api/console-api';
import { TestBrowser, textOf } from '../identity/browser';
import { startCallbackRecorder, type CallbackRecorder } from '../identity/callback-recorder';
import { ALICE, regulatorAccounts, TRAINING_IDENTITIES } from '../identity/fixtures';
import {
  type ConsoleUnderTest,
  type IdentityStack,
  loginAtTrainingPsc,
  PSC_CLIENT,
  startConsole,
  startIdentityStack,
} from '../identity/harness';
import { idTokenFor, idTokenSwappingFetch, jwtClaims, paramOfVisited } from './attacker';

const PSC_FAILED = 'La réponse de Pro Santé Connect n’a pas pu être vérifiée : connexion refusée.';
/** Another service registered at PSC (any e-santé application): its ID tokens are not for the SAS backend. */
const OTHER_SERVICE = { clientId: 'autre-service-esante', clientSecret: 'autre-service-secret-0000000001' };

const closers: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close().catch(() => undefined);
});

function refusedWith(state: SessionState, message: string): void {
  expect(state.status).toBe('logged-out');
  expect(state.status === 'logged-out' ? state.message : '').toBe(message);
}

/** A login expected to be refused by the backend; returns the refusal page and the console's final state. */
async function refusedLogin(app: ConsoleUnderTest, browser: TestBrowser) {
  const opened = app.nextOpened();
  const result = app.session.login();
  const first = await browser.get(await opened);
  const page = await loginAtTrainingPsc(browser, first, ALICE.nationalId, 'cps');
  const back = await browser.follow(page, 'Revenir à la console');
  return { page, back, state: await result };
}

describe('wrong issuer at the PSC callback', () => {
  it('a callback naming the production PSC realm is refused by the backend', async () => {
    const stack = await startIdentityStack();
    closers.push(() => stack.close());
    const app = startConsole(stack);
    const browser = new TestBrowser();
    browser.rewrite = (url) => {
      if (!url.startsWith(`${stack.issuer}/psc/callback?`)) return url;
      const forged = new URL(url);
      forged.searchParams.set('iss', PSC_ISSUERS.production);
      return forged.href;
    };
    const { page, back, state } = await refusedLogin(app, browser);
    expect(textOf(page.body)).toContain(REFUSAL_TEXT.psc_failed.message);
    expect(textOf(back.body)).toContain('Connexion refusée');
    refusedWith(state, PSC_FAILED);
    expect(stack.events['login-refused']).toMatchObject([{ reason: 'psc_failed' }]);
    expect(stack.events['login-succeeded']).toEqual([]);
    expect(JSON.stringify(stack.logs)).toMatch(/iss/u);
  });

  it('control: PSC does name itself in the callback, which the backend checks', async () => {
    const stack = await startIdentityStack();
    closers.push(() => stack.close());
    const browser = new TestBrowser();
    const app = startConsole(stack);
    const opened = app.nextOpened();
    const result = app.session.login();
    await loginAtTrainingPsc(browser, await browser.get(await opened), ALICE.nationalId, 'cps');
    expect((await result).status).toBe('logged-in');
    expect(paramOfVisited(browser.history, `${stack.issuer}/psc/callback?`, 'iss')).toBe(stack.psc.issuer);
  });
});

interface TwoClientPsc {
  issuer: string;
  provider: IdentityProvider;
  psc: TrainingPsc;
  other: CallbackRecorder;
  logs: string[];
  refusals: string[];
}

/**
 * The identity chain with a training PSC that also knows another service. The backend's PSC client goes through
 * `pscFetch` (the attacker's vantage point: between the backend and PSC's token endpoint).
 */
async function startWithOtherPscClient(
  pscFetch: (context: { pscIssuer: () => string }) => typeof fetch,
): Promise<TwoClientPsc> {
  const mounted: { provider?: IdentityProvider } = {};
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (!mounted.provider) res.writeHead(503).end();
    else void mounted.provider.handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/oidc`;
  const other = await startCallbackRecorder('/retour');
  closers.push(() => other.close());
  const psc = await startTrainingPsc({
    identities: TRAINING_IDENTITIES,
    clients: [
      { ...PSC_CLIENT, redirectUris: [`${issuer}/psc/callback`] },
      { ...OTHER_SERVICE, redirectUris: [other.url] },
    ],
  });
  closers.push(() => psc.close());
  const logs: string[] = [];
  const log = (message: string, fields?: Record<string, unknown>) =>
    logs.push(`${message} ${JSON.stringify(fields ?? {})}`);
  const provider = await createIdentityProvider({
    issuer,
    psc: { issuer: psc.issuer, ...PSC_CLIENT, fetch: pscFetch({ pscIssuer: () => psc.issuer }) },
    accounts: arrayRegulatorAccounts(regulatorAccounts()),
    logger: { info: log, warn: log, error: log },
  });
  closers.push(() => provider.close());
  mounted.provider = provider;
  const refusals: string[] = [];
  provider.events.on('login-refused', (e) => refusals.push(e.reason));
  return { issuer, provider, psc, other, logs, refusals };
}

describe('wrong audience from PSC', () => {
  it('the ID token PSC issued to another service, for the same user and nonce, is refused by the backend', async () => {
    const browser = new TestBrowser();
    let swapped: Record<string, unknown> | undefined;
    let pscIssuer = '';
    const chain = await startWithOtherPscClient(({ pscIssuer: issuerOf }) =>
      idTokenSwappingFetch(
        () => `${issuerOf()}/protocol/openid-connect/token`,
        async () => {
          pscIssuer = issuerOf();
          // The backend's nonce is in the authorization request the browser sent to PSC; PSC's session cookie makes
          // the other service's request silent.
          const nonce = paramOfVisited(browser.history, `${pscIssuer}/protocol/openid-connect/auth?`, 'nonce');
          if (!nonce) throw new Error('backend nonce not seen');
          const token = await idTokenFor(
            {
              issuer: pscIssuer,
              clientId: OTHER_SERVICE.clientId,
              clientSecret: OTHER_SERVICE.clientSecret,
              callback: chain.other,
              scope: 'openid scope_all',
            },
            browser,
            nonce,
          );
          swapped = jwtClaims(token);
          return token;
        },
      ),
    );
    const app = startConsole({ issuer: chain.issuer } as IdentityStack);
    const { page, state } = await refusedLogin(app, browser);
    expect(swapped).toMatchObject({ iss: pscIssuer, aud: OTHER_SERVICE.clientId });
    expect(textOf(page.body)).toContain(REFUSAL_TEXT.psc_failed.message);
    refusedWith(state, PSC_FAILED);
    expect(chain.refusals).toEqual(['psc_failed']);
    expect(chain.logs.join('\n')).toMatch(/aud/u);
  });

  it('control: without the swap, the same chain logs the regulator in', async () => {
    const chain = await startWithOtherPscClient(() => fetch);
    const app = startConsole({ issuer: chain.issuer } as IdentityStack);
    const browser = new TestBrowser();
    const opened = app.nextOpened();
    const result = app.session.login();
    await loginAtTrainingPsc(browser, await browser.get(await opened), ALICE.nationalId, 'cps');
    expect((await result).status).toBe('logged-in');
    await app.session.close();
  });
});
