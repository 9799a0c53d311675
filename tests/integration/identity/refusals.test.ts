// Refusals: each attack or failure ends with a clear French message and no session — neither in the console nor
// at the provider (a publisher asking silently gets `login_required`). Both legs are covered: console ⇄ backend
// (openid-client in the console service) and backend ⇄ PSC (openid-client in the backend's PSC client).
import { afterEach, describe, expect, it } from 'vitest';
import * as oidc from 'openid-client';
import type { SessionState } from '@shared/api/console-api';
import { REFUSAL_TEXT } from '@backend/identity/pages';
import { TestBrowser, textOf } from './browser';
import { startCallbackRecorder } from './callback-recorder';
import { ALICE, CHLOE, DAVID } from './fixtures';
import {
  type ConsoleUnderTest,
  consoleLogin,
  type IdentityStack,
  loginAtTrainingPsc,
  publisherAuthorize,
  startConsole,
  startIdentityStack,
} from './harness';

let stack: IdentityStack | undefined;

afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

/** A fetch that alters the ID token's payload in token responses, keeping the original signature. */
function tamperingFetch(): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    const type = response.headers.get('content-type') ?? '';
    if (!type.includes('application/json')) return response;
    const body = (await response.json()) as Record<string, unknown>;
    if (typeof body['id_token'] === 'string') {
      const [header, payload, signature] = body['id_token'].split('.');
      const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
      claims['family_name'] = 'Usurpateur';
      claims['SubjectNameID'] = '810000000000';
      body['id_token'] = [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
    }
    const headers = new Headers(response.headers);
    headers.delete('content-length');
    return new Response(JSON.stringify(body), { status: response.status, headers });
  };
}

function isConsoleCallback(url: string): boolean {
  return /^http:\/\/127\.0\.0\.1:\d+\/callback\?/u.test(url);
}

function withParam(url: string, name: string, value: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set(name, value);
  return parsed.href;
}

async function expectNoSession(current: IdentityStack, browser: TestBrowser, app?: ConsoleUnderTest): Promise<void> {
  const sso = await publisherAuthorize(current, browser, { prompt: 'none' });
  expect(sso.callback?.searchParams.get('error')).toBe('login_required');
  if (app) {
    expect(app.session.getState().status).toBe('logged-out');
    await expect(app.session.accessToken()).rejects.toThrow();
  }
}

function loggedOutWith(state: SessionState, text: string): void {
  expect(state.status).toBe('logged-out');
  expect(state.status === 'logged-out' ? state.message : '').toContain(text);
}

describe('refusals on the console ⇄ backend leg', () => {
  it('state mismatch: a callback whose state is not the console’s is refused', async () => {
    stack = await startIdentityStack();
    const app = startConsole(stack);
    const browser = new TestBrowser();
    browser.rewrite = (url) => (isConsoleCallback(url) ? withParam(url, 'state', 'forged-state') : url);
    const { state, page } = await consoleLogin(app, browser, ALICE.nationalId);
    loggedOutWith(state, 'paramètre « state » différent');
    expect(textOf(page.body)).toContain('Connexion refusée');
    await expect(app.session.accessToken()).rejects.toThrow('state');
  });

  it('nonce mismatch: an ID token minted for another nonce is refused', async () => {
    stack = await startIdentityStack();
    const app = startConsole(stack);
    const browser = new TestBrowser();
    browser.rewrite = (url) =>
      url.startsWith(`${stack!.issuer}/auth?`) ? withParam(url, 'nonce', 'attacker-nonce') : url;
    const { state } = await consoleLogin(app, browser, ALICE.nationalId);
    loggedOutWith(state, '« nonce » différent');
    expect(app.session.getState().status).toBe('logged-out');
  });

  it('PKCE verifier mismatch: a code bound to another challenge is refused at the token endpoint', async () => {
    stack = await startIdentityStack();
    const app = startConsole(stack);
    const browser = new TestBrowser();
    const otherChallenge = await oidc.calculatePKCECodeChallenge(oidc.randomPKCECodeVerifier());
    browser.rewrite = (url) =>
      url.startsWith(`${stack!.issuer}/auth?`) ? withParam(url, 'code_challenge', otherChallenge) : url;
    const { state } = await consoleLogin(app, browser, ALICE.nationalId);
    loggedOutWith(state, 'vérification PKCE échouée');
  });

  it('replayed authorization code: redeemed twice at the provider, the second is refused and the grant revoked', async () => {
    stack = await startIdentityStack();
    const browser = new TestBrowser();
    // Play the console client by hand to hold its code and verifier, as a thief who got both would.
    const config = new oidc.Configuration(
      (
        await oidc.discovery(new URL(stack.issuer), 'sas-console', undefined, oidc.None(), {
          execute: [oidc.allowInsecureRequests],
        })
      ).serverMetadata(),
      'sas-console',
      { token_endpoint_auth_method: 'none' },
      oidc.None(),
    );
    oidc.allowInsecureRequests(config);
    const callback = await startCallbackRecorder('/callback');
    try {
      const verifier = oidc.randomPKCECodeVerifier();
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: callback.url,
        scope: 'openid profile email sas:api',
        state: 'state-1',
        code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
      });
      const first = await browser.get(url.href);
      await loginAtTrainingPsc(browser, first, ALICE.nationalId, 'cps');
      const received = callback.received[0];
      if (!received) throw new Error('no callback');
      // The console client must bind its tokens to a key (DPoP); the thief has one of their own.
      const dpop = { DPoP: oidc.getDPoPHandle(config, await oidc.randomDPoPKeyPair()) };
      const tokens = await oidc.authorizationCodeGrant(
        config,
        received,
        { pkceCodeVerifier: verifier, expectedState: 'state-1' },
        undefined,
        dpop,
      );
      await expect(
        oidc.authorizationCodeGrant(
          config,
          received,
          { pkceCodeVerifier: verifier, expectedState: 'state-1' },
          undefined,
          dpop,
        ),
      ).rejects.toMatchObject({ error: 'invalid_grant' });
      // The provider treats the replay as a theft: the tokens of the first redemption are revoked.
      await expect(oidc.refreshTokenGrant(config, tokens.refresh_token ?? '', undefined, dpop)).rejects.toMatchObject({
        error: 'invalid_grant',
      });
    } finally {
      await callback.close();
    }
  });

  it('replayed callback to the console: its listener took one callback and is closed', async () => {
    stack = await startIdentityStack();
    const app = startConsole(stack);
    const browser = new TestBrowser();
    await consoleLogin(app, browser, ALICE.nationalId);
    const callbackUrl = browser.history.find(isConsoleCallback) ?? '';
    await expect(fetch(callbackUrl)).rejects.toThrow();
    expect(app.states.map((s) => s.status)).toEqual(['logging-in', 'logged-in']);
  });

  it('a code from another login (other PKCE verifier) is refused by the console’s exchange', async () => {
    stack = await startIdentityStack();
    const browser = new TestBrowser();
    const first = startConsole(stack);
    await consoleLogin(first, browser, ALICE.nationalId);
    const usedCode = new URL(browser.history.find(isConsoleCallback) ?? '').searchParams.get('code') ?? '';
    expect(usedCode).not.toBe('');
    const second = startConsole(stack);
    browser.rewrite = (url) => (isConsoleCallback(url) ? withParam(url, 'code', usedCode) : url);
    const { state } = await consoleLogin(second, browser, ALICE.nationalId);
    loggedOutWith(state, 'code déjà utilisé ou vérification PKCE échouée');
    await expect(second.session.accessToken()).rejects.toThrow();
  });

  it('console clock two hours ahead: its key proof (DPoP) is refused, the regulator is asked to check the time', async () => {
    stack = await startIdentityStack();
    const app = startConsole(stack, { now: () => Date.now() + 2 * 3600 * 1000 });
    const { state } = await consoleLogin(app, new TestBrowser(), ALICE.nationalId);
    loggedOutWith(state, 'Vérifiez l’heure de ce poste');
  });

  it('tampered ID token: a payload changed in transit fails the signature check', async () => {
    stack = await startIdentityStack();
    const app = startConsole(stack, { fetch: tamperingFetch() });
    const { state } = await consoleLogin(app, new TestBrowser(), ALICE.nationalId);
    loggedOutWith(state, 'signature du jeton d’identité est invalide');
  });

  it('login cancelled from the console while the user is at PSC', async () => {
    stack = await startIdentityStack();
    const app = startConsole(stack);
    const browser = new TestBrowser();
    const opened = app.nextOpened();
    const result = app.session.login();
    const pscPage = await browser.get(await opened);
    expect(app.session.getState().status).toBe('logging-in');
    await app.session.cancelLogin();
    loggedOutWith(await result, 'Connexion annulée.');
    // The browser finishing the PSC step finds the console listener closed: no session in the console.
    await loginAtTrainingPsc(browser, pscPage, ALICE.nationalId, 'cps').catch(() => undefined);
    expect(app.session.getState().status).toBe('logged-out');
    await expect(app.session.accessToken()).rejects.toThrow();
  });

  it('login timeout: nothing came back from the browser in time', async () => {
    stack = await startIdentityStack();
    const app = startConsole(stack, { loginTimeoutMs: 50 });
    const state = await app.session.login();
    loggedOutWith(state, 'Délai de connexion dépassé');
    expect(app.opened).toHaveLength(1);
  });
});

describe('refusals on the backend ⇄ PSC leg and by the regulator registry', () => {
  /** Runs a login expected to be refused by the backend; returns the refusal page and the console's final state. */
  async function refusedLogin(app: ConsoleUnderTest, browser: TestBrowser, nationalId: string) {
    const opened = app.nextOpened();
    const result = app.session.login();
    const first = await browser.get(await opened);
    const page = first.url.includes('/login-actions/')
      ? await loginAtTrainingPsc(browser, first, nationalId, 'cps')
      : first;
    // The refusal page offers the way back to the console, which then learns why.
    const back = await browser.follow(page, 'Revenir à la console');
    return { page, back, state: await result };
  }

  it('unknown national id: PSC login is valid but the SAS does not know this regulator', async () => {
    stack = await startIdentityStack();
    const app = startConsole(stack);
    const browser = new TestBrowser();
    const { page, back, state } = await refusedLogin(app, browser, CHLOE.nationalId);
    expect(page.status).toBe(403);
    expect(textOf(page.body)).toContain(REFUSAL_TEXT.regulator_unknown.message);
    expect(textOf(page.body)).toContain(CHLOE.nationalId);
    loggedOutWith(state, 'n’est pas enregistré comme régulateur du SAS');
    expect(textOf(back.body)).toContain('n’est pas enregistré comme régulateur');
    expect(stack.events['login-refused']).toMatchObject([
      { reason: 'regulator_unknown', nationalId: CHLOE.nationalId },
    ]);
    expect(stack.events['login-succeeded']).toEqual([]);
    await expectNoSession(stack, browser, app);
  });

  it('inactive regulator: access withdrawn at the SAS', async () => {
    stack = await startIdentityStack();
    const app = startConsole(stack);
    const browser = new TestBrowser();
    const { page, state } = await refusedLogin(app, browser, DAVID.nationalId);
    expect(textOf(page.body)).toContain(REFUSAL_TEXT.regulator_inactive.message);
    loggedOutWith(state, 'votre accès au SAS a été retiré');
    await expectNoSession(stack, browser, app);
  });

  it('PSC unreachable: a French page, and the console is told', async () => {
    stack = await startIdentityStack();
    await stack.stopPsc();
    const app = startConsole(stack);
    const browser = new TestBrowser();
    const { page, state } = await refusedLogin(app, browser, ALICE.nationalId);
    expect(textOf(page.body)).toContain(REFUSAL_TEXT.psc_unreachable.message);
    loggedOutWith(state, 'Pro Santé Connect est injoignable');
    expect(stack.events['login-refused']).toMatchObject([{ reason: 'psc_unreachable' }]);
    await expectNoSession(stack, browser, app);
  });

  it('login cancelled at PSC', async () => {
    stack = await startIdentityStack();
    const app = startConsole(stack);
    const browser = new TestBrowser();
    const opened = app.nextOpened();
    const result = app.session.login();
    const pscPage = await browser.get(await opened);
    const page = await browser.follow(pscPage, 'Annuler');
    expect(textOf(page.body)).toContain(REFUSAL_TEXT.psc_cancelled.message);
    await browser.follow(page, 'Revenir à la console');
    loggedOutWith(await result, 'Connexion annulée sur Pro Santé Connect.');
    await expectNoSession(stack, browser, app);
  });

  it('state mismatch at the PSC callback: unknown state, French page, no session', async () => {
    stack = await startIdentityStack();
    const app = startConsole(stack);
    const browser = new TestBrowser();
    browser.rewrite = (url) =>
      url.startsWith(`${stack!.issuer}/psc/callback?`) ? withParam(url, 'state', 'forged-state') : url;
    const opened = app.nextOpened();
    const result = app.session.login();
    const first = await browser.get(await opened);
    const page = await loginAtTrainingPsc(browser, first, ALICE.nationalId, 'cps');
    expect(page.status).toBe(400);
    expect(textOf(page.body)).toContain('ne correspond à aucune connexion en cours');
    expect(stack.events['login-succeeded']).toEqual([]);
    browser.rewrite = (url) => url;
    await expectNoSession(stack, browser);
    await app.session.cancelLogin();
    loggedOutWith(await result, 'Connexion annulée.');
  });

  it.each([
    ['nonce mismatch', 'nonce', 'nonce'],
    ['PKCE verifier mismatch', 'code_challenge', 'invalid_grant'],
  ])('%s towards PSC: the backend refuses PSC’s answer', async (_name, param, logged) => {
    stack = await startIdentityStack();
    const app = startConsole(stack);
    const browser = new TestBrowser();
    const replacement =
      param === 'nonce' ? 'attacker-nonce' : await oidc.calculatePKCECodeChallenge(oidc.randomPKCECodeVerifier());
    browser.rewrite = (url) =>
      url.startsWith(`${stack!.psc.issuer}/protocol/openid-connect/auth?`) ? withParam(url, param, replacement) : url;
    const { page, state } = await refusedLogin(app, browser, ALICE.nationalId);
    expect(textOf(page.body)).toContain(REFUSAL_TEXT.psc_failed.message);
    loggedOutWith(state, 'La réponse de Pro Santé Connect n’a pas pu être vérifiée');
    expect(JSON.stringify(stack.logs.filter((l) => l.level === 'warn'))).toContain(logged);
    await expectNoSession(stack, browser, app);
  });

  it('replayed PSC callback (same code and state): the state is single-use, no session', async () => {
    stack = await startIdentityStack();
    const firstBrowser = new TestBrowser();
    await consoleLogin(startConsole(stack), firstBrowser, ALICE.nationalId);
    const pscCallback = firstBrowser.history.find((u) => u.startsWith(`${stack!.issuer}/psc/callback?`)) ?? '';
    expect(pscCallback).not.toBe('');
    const attacker = new TestBrowser();
    const page = await attacker.get(pscCallback);
    expect(page.status).toBe(400);
    expect(textOf(page.body)).toContain('ne correspond à aucune connexion en cours');
    await expectNoSession(stack, attacker);
  });

  it('a PSC code from another login (replayed under a new state) is refused by PSC', async () => {
    stack = await startIdentityStack();
    const firstBrowser = new TestBrowser();
    await consoleLogin(startConsole(stack), firstBrowser, ALICE.nationalId);
    const pscCallback = firstBrowser.history.find((u) => u.startsWith(`${stack!.issuer}/psc/callback?`));
    const usedCode = new URL(pscCallback ?? '').searchParams.get('code') ?? '';
    expect(usedCode).not.toBe('');

    const app = startConsole(stack);
    const browser = new TestBrowser();
    browser.rewrite = (url) =>
      url.startsWith(`${stack!.issuer}/psc/callback?`) ? withParam(url, 'code', usedCode) : url;
    const { page, state } = await refusedLogin(app, browser, ALICE.nationalId);
    expect(textOf(page.body)).toContain(REFUSAL_TEXT.psc_failed.message);
    loggedOutWith(state, 'n’a pas pu être vérifiée');
    expect(JSON.stringify(stack.logs)).toContain('invalid_grant');
    browser.rewrite = (url) => url;
    await expectNoSession(stack, browser, app);
  });

  it('tampered PSC ID token: signature check fails', async () => {
    stack = await startIdentityStack({
      provider: (config) => ({ ...config, psc: { ...config.psc, fetch: tamperingFetch() } }),
    });
    const app = startConsole(stack);
    const browser = new TestBrowser();
    const { state } = await refusedLogin(app, browser, ALICE.nationalId);
    loggedOutWith(state, 'n’a pas pu être vérifiée');
    expect(JSON.stringify(stack.logs)).toMatch(/signature/iu);
    await expectNoSession(stack, browser, app);
  });

  it('expired PSC ID token: refused (backend clock two hours ahead)', async () => {
    stack = await startIdentityStack({
      provider: (config) => ({ ...config, psc: { ...config.psc, now: () => Date.now() + 2 * 3600 * 1000 } }),
    });
    const app = startConsole(stack);
    const browser = new TestBrowser();
    const { state } = await refusedLogin(app, browser, ALICE.nationalId);
    loggedOutWith(state, 'n’a pas pu être vérifiée');
    expect(JSON.stringify(stack.logs)).toContain('OAUTH_JWT_TIMESTAMP_CHECK_FAILED');
    await expectNoSession(stack, browser, app);
  });
});
