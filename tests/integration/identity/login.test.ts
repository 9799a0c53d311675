// Console login end to end on loopback: console session service → backend identity provider → training PSC, the
// test playing the browser; then RDV V2 SSO for a publisher in the same browser, refresh, logout, restore.
import { dpopThumbprint, tokenOf } from '@services/session/dpop-key';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import type { SecretStore } from '@services/secret-store';
import { DPOP_KEY_SECRET, REFRESH_TOKEN_SECRET } from '@services/session/session-service';
import { TestBrowser, textOf } from './browser';
import { ALICE, BRUNO } from './fixtures';
import { consoleLogin, type IdentityStack, publisherAuthorize, startConsole, startIdentityStack } from './harness';

let stack: IdentityStack | undefined;

afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

/** A secret store that says it is backed by the OS key store. */
class PersistentTestStore implements SecretStore {
  readonly values = new Map<string, string>();
  async isPersistent() {
    return true;
  }
  async get(key: string) {
    return this.values.get(key);
  }
  async set(key: string, value: string) {
    this.values.set(key, value);
  }
  async delete(key: string) {
    this.values.delete(key);
  }
}

describe('console login through the backend and the training PSC', () => {
  it('logs a regulator in with the CPS card: who, until when, how (idp_connect), no token in the state', async () => {
    stack = await startIdentityStack();
    const app = startConsole(stack);
    const browser = new TestBrowser();
    const { state, page } = await consoleLogin(app, browser, ALICE.nationalId, 'cps');

    expect(state).toMatchObject({
      status: 'logged-in',
      user: {
        nationalId: ALICE.nationalId,
        familyName: 'Martin',
        givenName: 'Alice',
        email: 'alice.martin@sas75.test',
      },
      idpConnect: 'psc-cps',
    });
    if (state.status !== 'logged-in') return;
    // The shift: 12 hours from the login, by default.
    const hoursLeft = (Date.parse(state.expiresAt) - Date.now()) / 3_600_000;
    expect(hoursLeft).toBeGreaterThan(11.9);
    expect(hoursLeft).toBeLessThanOrEqual(12);
    expect(app.states.map((s) => s.status)).toEqual(['logging-in', 'logged-in']);
    expect(JSON.stringify(app.states)).not.toMatch(/eyJ/u);

    // The browser ends on the console's loopback page.
    expect(page.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback\?/u);
    expect(textOf(page.body)).toContain('Connexion réussie, vous pouvez revenir à la console');
    // The console asked for a loopback redirect with PKCE S256, state and nonce.
    const authorize = new URL(app.opened[0] ?? '');
    expect(authorize.origin + authorize.pathname).toBe(`${stack.issuer}/auth`);
    expect(authorize.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/u);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{16,}$/u);
    expect(authorize.searchParams.get('nonce')).toMatch(/^[A-Za-z0-9_-]{16,}$/u);
    // The backend went to PSC with its own PKCE, state and nonce.
    const toPsc = new URL(browser.history.find((u) => u.startsWith(stack!.psc.issuer)) ?? '');
    expect(toPsc.searchParams.get('scope')).toBe('openid scope_all');
    expect(toPsc.searchParams.get('acr_values')).toBe('eidas1');

    expect(stack.events['login-succeeded']).toHaveLength(1);
    expect(stack.events['login-succeeded'][0]).toMatchObject({
      regulator: { nationalId: ALICE.nationalId },
      idpConnect: 'psc-cps',
      acr: 'eidas2',
    });

    // The access token is a JWT for the backend API that the backend's verifier accepts.
    const credential = await app.session.accessToken();
    const token = tokenOf(credential);
    expect(decodeJwt(token)).toMatchObject({
      aud: stack.provider.apiResource,
      sub: ALICE.nationalId,
      client_id: 'sas-console',
    });
    expect(await stack.provider.verifyAccessToken(token)).toMatchObject({
      ok: true,
      regulator: { nationalId: ALICE.nationalId },
    });
    // Bound to this console instance's key (DPoP): the key stays in the console, the token names its thumbprint.
    if (typeof credential === 'string') throw new Error('the console got an unbound token');
    expect(decodeJwt(token)['cnf']).toEqual({ jkt: await dpopThumbprint(credential.key) });
    await app.session.close();
  });

  it('logs in with e-CPS, then a publisher gets a code silently in the same browser (RDV V2 SSO)', async () => {
    stack = await startIdentityStack({ pscUserinfoJwt: true });
    const app = startConsole(stack);
    const browser = new TestBrowser();
    const { state } = await consoleLogin(app, browser, BRUNO.nationalId, 'ecps');
    expect(state).toMatchObject({
      status: 'logged-in',
      user: { nationalId: BRUNO.nationalId },
      idpConnect: 'psc-ecps',
    });

    const pscVisitsBefore = browser.history.filter((u) => u.startsWith(stack!.psc.issuer)).length;
    const sso = await publisherAuthorize(stack, browser);
    // No login form anywhere: straight back to the publisher with a code.
    expect(browser.history.filter((u) => u.startsWith(stack!.psc.issuer)).length).toBe(pscVisitsBefore);
    expect(sso.callback?.searchParams.get('code')).toMatch(/^\S{10,}$/u);
    const tokens = await sso.exchange();
    expect(tokens.claims()).toMatchObject({
      sub: BRUNO.nationalId,
      national_id: BRUNO.nationalId,
      email: 'bruno.durand@sas75.test',
      family_name: 'Durand',
      given_name: 'Bruno',
      idp_connect: 'psc-ecps',
    });
    // Publishers get no API access token: theirs is not a JWT for the backend API.
    expect(await stack.provider.verifyAccessToken(tokens.access_token)).toMatchObject({ ok: false, code: 'invalid' });
    await app.session.close();
  });

  it('accepts a loopback redirect on any port for the console, never another host', async () => {
    stack = await startIdentityStack();
    const app = startConsole(stack);
    const browser = new TestBrowser();
    await consoleLogin(app, browser, ALICE.nationalId);
    const second = startConsole(stack);
    const { state } = await consoleLogin(second, browser, ALICE.nationalId);
    expect(state.status).toBe('logged-in');
    const ports = [app.opened[0], second.opened[0]].map(
      (u) => new URL(new URL(u ?? '').searchParams.get('redirect_uri') ?? '').port,
    );
    expect(ports[0]).not.toBe(ports[1]);

    const evil = new URL(app.opened[0] ?? '');
    evil.searchParams.set('redirect_uri', 'http://attacker.example:8080/callback');
    const page = await browser.get(evil.href);
    expect(page.status).toBe(400);
    expect(page.url).toContain(stack.issuer);
    await app.session.close();
    await second.session.close();
  });

  it('refreshes the tokens before expiry on a scheduled timer, keeping the session', async () => {
    stack = await startIdentityStack();
    const scheduled: { callback: () => void; ms: number }[] = [];
    const app = startConsole(stack, {
      timers: {
        set: (callback, ms) => {
          const entry = { callback, ms };
          scheduled.push(entry);
          return entry;
        },
        clear: (handle) => {
          const index = scheduled.indexOf(handle as (typeof scheduled)[number]);
          if (index >= 0) scheduled.splice(index, 1);
        },
      },
    });
    await consoleLogin(app, new TestBrowser(), ALICE.nationalId);
    const before = await app.session.accessToken();
    // One timer left: the refresh, due one minute before the 5-minute access token expires.
    expect(scheduled).toHaveLength(1);
    expect(scheduled[0]!.ms).toBeGreaterThan(200_000);
    expect(scheduled[0]!.ms).toBeLessThanOrEqual(240_000);
    const changes = app.states.length;
    // The timer fires (and, being fired, is no longer pending).
    scheduled.splice(0, 1)[0]!.callback();
    await app.session.refresh();
    expect(app.states.length).toBe(changes + 1);
    expect(app.session.getState()).toMatchObject({ status: 'logged-in', user: { nationalId: ALICE.nationalId } });
    const after = await app.session.accessToken();
    expect(tokenOf(after)).not.toBe(tokenOf(before));
    expect(await stack.provider.verifyAccessToken(tokenOf(after))).toMatchObject({ ok: true });
    expect(scheduled).toHaveLength(1);
  });

  it('logs out: local state cleared, refresh token revoked, browser session ended at the provider', async () => {
    stack = await startIdentityStack();
    const app = startConsole(stack);
    const browser = new TestBrowser();
    await consoleLogin(app, browser, ALICE.nationalId);
    await app.session.logout();
    expect(app.session.getState()).toEqual({ status: 'logged-out', message: 'Vous êtes déconnecté.' });
    await expect(app.session.accessToken()).rejects.toThrow('Vous êtes déconnecté.');
    // The publisher can no longer get the user silently: the provider session is gone.
    const sso = await publisherAuthorize(stack, browser, { prompt: 'none' });
    expect(sso.callback?.searchParams.get('error')).toBe('login_required');
  });

  it('persists the refresh token only in a persistent secret store, and resumes from it', async () => {
    stack = await startIdentityStack();
    const memoryOnly = startConsole(stack);
    await consoleLogin(memoryOnly, new TestBrowser(), ALICE.nationalId);
    expect(await memoryOnly.secrets.get(REFRESH_TOKEN_SECRET)).toBeUndefined();
    await memoryOnly.session.close();

    const store = new PersistentTestStore();
    const first = startConsole(stack, { secretStore: store });
    await consoleLogin(first, new TestBrowser(), BRUNO.nationalId);
    // An opaque refresh token, stored as such (not a JSON blob of the whole session).
    expect(store.values.get(REFRESH_TOKEN_SECRET)).toMatch(/^[A-Za-z0-9_.~-]{20,}$/u);
    // Beside it, the private key it is bound to (DPoP), and nothing else of the session.
    expect(JSON.parse(store.values.get(DPOP_KEY_SECRET) ?? '{}')).toMatchObject({ kty: 'EC', crv: 'P-256' });
    expect([...store.values.keys()].sort()).toEqual([DPOP_KEY_SECRET, REFRESH_TOKEN_SECRET].sort());
    await first.session.close();

    const restarted = startConsole(stack, { secretStore: store });
    const state = await restarted.session.restore();
    expect(state).toMatchObject({ status: 'logged-in', user: { nationalId: BRUNO.nationalId } });
    expect(restarted.opened).toEqual([]);
    await restarted.session.logout();
    expect(store.values.has(REFRESH_TOKEN_SECRET)).toBe(false);
    expect(store.values.has(DPOP_KEY_SECRET)).toBe(false);
  });

  it('ends the console session at the next refresh when the regulator loses access', async () => {
    stack = await startIdentityStack();
    const app = startConsole(stack);
    await consoleLogin(app, new TestBrowser(), ALICE.nationalId);
    const token = tokenOf(await app.session.accessToken());
    stack.accounts[0]!.active = false;
    // The API refuses the current token at once...
    expect(await stack.provider.verifyAccessToken(token)).toMatchObject({ ok: false, code: 'regulator_inactive' });
    // ...and the next refresh logs the console out.
    const state = await app.session.refresh();
    expect(state).toEqual({
      status: 'logged-out',
      message: 'Votre session a expiré ou a été fermée : reconnectez-vous.',
    });
  });

  it('says the shift is over at its end (12 h by default, shortened here)', async () => {
    stack = await startIdentityStack({ provider: (config) => ({ ...config, session: { shiftSeconds: 600 } }) });
    let offsetMs = 0;
    const scheduled: { callback: () => void; ms: number }[] = [];
    const app = startConsole(stack, {
      now: () => Date.now() + offsetMs,
      timers: {
        set: (callback, ms) => {
          const entry = { callback, ms };
          scheduled.push(entry);
          return entry;
        },
        clear: (handle) => {
          const index = scheduled.indexOf(handle as (typeof scheduled)[number]);
          if (index >= 0) scheduled.splice(index, 1);
        },
      },
    });
    const { state } = await consoleLogin(app, new TestBrowser(), ALICE.nationalId);
    if (state.status !== 'logged-in') throw new Error('not logged in');
    expect(Date.parse(state.expiresAt) - Date.now()).toBeLessThanOrEqual(600_000);
    offsetMs = 601_000;
    scheduled.splice(0, 1)[0]!.callback();
    await expect
      .poll(() => app.session.getState())
      .toEqual({
        status: 'logged-out',
        message: 'Votre session de travail est terminée : reconnectez-vous.',
      });
  });
});
