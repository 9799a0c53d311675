// OpenID Connect misuse on the console ⇄ backend provider leg, completing the identity suite's refusals
// (tests/integration/identity/refusals.test.ts: state, nonce, PKCE, replayed code, expired and tampered ID token):
// - wrong `iss`: a callback claiming another issuer (mix-up, RFC 9207), and an ID token validly signed but issued
//   in another issuer's name;
// - wrong `aud`: the ID token a publisher got for the same user (valid signature, same nonce) swapped into the
//   console's token response, and a re-signed one for another audience;
// - a publisher client asking for another client's redirect URI (another publisher's, the console's loopback one,
//   a look-alike of its own).
// Each ends refused, with a clear message, and without a session.
import { afterEach, describe, expect, it } from 'vitest';
import { generateSigningJwks, type PrivateJwks } from '@backend/identity/keys';
import type { SessionState } from '@shared/api/console-api';
import { TestBrowser, textOf } from '../identity/browser';
import { startCallbackRecorder, type CallbackRecorder } from '../identity/callback-recorder';
import { ALICE } from '../identity/fixtures';
import { consoleLogin, type IdentityStack, PUBLISHER, startConsole, startIdentityStack } from '../identity/harness';
import { idTokenFor, idTokenSwappingFetch, jwtClaims, paramOfVisited, signWith } from './attacker';

const REFUSED_RESPONSE = 'Réponse du serveur d’identité invalide : connexion refusée par sécurité.';
const OTHER_PUBLISHER = { clientId: 'editeur-autre', clientSecret: 'autre-editeur-secret-000000001' };

let stack: IdentityStack | undefined;
const recorders: CallbackRecorder[] = [];

afterEach(async () => {
  await stack?.close();
  stack = undefined;
  for (const r of recorders.splice(0)) await r.close();
});

function refusedWith(state: SessionState, message: string): void {
  expect(state.status).toBe('logged-out');
  expect(state.status === 'logged-out' ? state.message : '').toBe(message);
}

/** Stack whose provider signs with keys the test knows (to forge tokens that pass the signature check). */
async function stackWithKnownKeys(): Promise<{ stack: IdentityStack; keys: PrivateJwks }> {
  const keys = await generateSigningJwks();
  return { stack: await startIdentityStack({ provider: (config) => ({ ...config, jwks: keys }) }), keys };
}

const isConsoleCallback = (url: string) => /^http:\/\/127\.0\.0\.1:\d+\/callback\?/u.test(url);

describe('wrong issuer', () => {
  it('a callback naming another issuer (mix-up) is refused by the console', async () => {
    stack = await startIdentityStack();
    const app = startConsole(stack);
    const browser = new TestBrowser();
    browser.rewrite = (url) => {
      if (!isConsoleCallback(url)) return url;
      const forged = new URL(url);
      forged.searchParams.set('iss', 'https://idp-pirate.example/oidc');
      return forged.href;
    };
    const { state, page } = await consoleLogin(app, browser, ALICE.nationalId);
    refusedWith(state, REFUSED_RESPONSE);
    expect(textOf(page.body)).toContain('Connexion refusée');
    await expect(app.session.accessToken()).rejects.toThrow();
  });

  it('the provider does say who it is in the callback (what makes the mix-up check possible)', async () => {
    stack = await startIdentityStack();
    const app = startConsole(stack);
    const browser = new TestBrowser();
    const { state } = await consoleLogin(app, browser, ALICE.nationalId);
    expect(state.status).toBe('logged-in');
    expect(paramOfVisited(browser.history, isConsoleCallback, 'iss')).toBe(stack.issuer);
  });

  it('an ID token signed with the provider’s key but issued in another name is refused', async () => {
    const known = await stackWithKnownKeys();
    stack = known.stack;
    const key = known.keys.keys[0]!;
    const tokenEndpoint = `${stack.issuer}/token`;
    const app = startConsole(stack, {
      fetch: idTokenSwappingFetch(
        () => tokenEndpoint,
        async (original) => signWith(key, { ...jwtClaims(original), iss: 'https://idp-pirate.example/oidc' }),
      ),
    });
    const { state } = await consoleLogin(app, new TestBrowser(), ALICE.nationalId);
    refusedWith(state, REFUSED_RESPONSE);
  });
});

describe('wrong audience', () => {
  it('the ID token a publisher obtained for the same user and nonce, swapped in transit, is refused', async () => {
    stack = await startIdentityStack();
    const current = stack;
    const browser = new TestBrowser();
    let swapped: Record<string, unknown> | undefined;
    const app = startConsole(current, {
      fetch: idTokenSwappingFetch(
        () => `${current.issuer}/token`,
        async () => {
          // The attacker relies on the browser's session at the provider and on the nonce the console sent.
          const nonce = paramOfVisited(browser.history, `${current.issuer}/auth?`, 'nonce');
          if (!nonce) throw new Error('console nonce not seen');
          const token = await idTokenFor(
            {
              issuer: current.issuer,
              clientId: PUBLISHER.clientId,
              clientSecret: PUBLISHER.clientSecret,
              callback: current.publisherCallback,
              scope: 'openid profile email',
            },
            browser,
            nonce,
          );
          swapped = jwtClaims(token);
          return token;
        },
      ),
    });
    const { state } = await consoleLogin(app, browser, ALICE.nationalId);
    // The substitute was genuine: right issuer, same user, same nonce; only the audience differs.
    expect(swapped).toMatchObject({ iss: current.issuer, sub: ALICE.nationalId, aud: PUBLISHER.clientId });
    refusedWith(state, REFUSED_RESPONSE);
    await expect(app.session.accessToken()).rejects.toThrow();
  });

  it('a re-signed ID token for another audience is refused', async () => {
    const known = await stackWithKnownKeys();
    stack = known.stack;
    const key = known.keys.keys[0]!;
    const issuer = stack.issuer;
    const app = startConsole(stack, {
      fetch: idTokenSwappingFetch(
        () => `${issuer}/token`,
        async (original) =>
          signWith(key, { ...jwtClaims(original), aud: ['sas-console-pirate'], azp: 'sas-console-pirate' }),
      ),
    });
    const { state } = await consoleLogin(app, new TestBrowser(), ALICE.nationalId);
    refusedWith(state, REFUSED_RESPONSE);
  });
});

describe('a publisher client asking for a redirect URI that is not its own', () => {
  async function stackWithTwoPublishers(): Promise<{ other: CallbackRecorder }> {
    const other = await startCallbackRecorder('/sso/callback');
    recorders.push(other);
    stack = await startIdentityStack({
      provider: (config) => ({
        ...config,
        publishers: [
          ...(config.publishers ?? []),
          { ...OTHER_PUBLISHER, redirectUris: [other.url], name: 'Autre éditeur' },
        ],
      }),
    });
    return { other };
  }

  async function authorizeAs(clientId: string, redirectUri: string, browser: TestBrowser) {
    const url = new URL(`${stack!.issuer}/auth`);
    url.search = new URLSearchParams({
      client_id: clientId,
      response_type: 'code',
      redirect_uri: redirectUri,
      scope: 'openid profile email',
      state: 'etat-1',
      nonce: 'nonce-1',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
    }).toString();
    return browser.get(url.href);
  }

  it.each([
    ['another publisher’s redirect URI', (other: CallbackRecorder) => other.url],
    ['the console’s loopback redirect URI', () => 'http://127.0.0.1:45678/callback'],
    ['a look-alike of its own (suffix)', () => `${stack!.publisherCallback.url}.pirate.example`],
    ['its own with another path', () => `${stack!.publisherCallback.url}/../../autre`],
  ])('%s: refused on a French page, no code sent anywhere', async (_name, target) => {
    const { other } = await stackWithTwoPublishers();
    const browser = new TestBrowser();
    // Even with a live session in the browser (a silent SSO would otherwise hand out a code).
    await consoleLogin(startConsole(stack!), browser, ALICE.nationalId);
    const page = await authorizeAs(PUBLISHER.clientId, target(other), browser);
    expect(page.status).toBe(400);
    expect(textOf(page.body)).toContain('La demande n’a pas pu aboutir (invalid_redirect_uri)');
    expect(page.chain).toHaveLength(1);
    expect(other.received).toEqual([]);
    expect(stack!.publisherCallback.received).toEqual([]);
  });

  it('control: with its own redirect URI, the same request gets a code silently', async () => {
    const { other } = await stackWithTwoPublishers();
    const browser = new TestBrowser();
    await consoleLogin(startConsole(stack!), browser, ALICE.nationalId);
    await authorizeAs(OTHER_PUBLISHER.clientId, other.url, browser);
    expect(other.received[0]?.searchParams.get('code')).toMatch(/^\S{10,}$/u);
  });
});
