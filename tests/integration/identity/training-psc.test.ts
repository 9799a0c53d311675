// The training PSC driven by the backend's PSC client, both real, on loopback.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPscClient, type PscClient } from '@backend/identity/psc-client';
import { PSC_REALM_PATH, startTrainingPsc, type TrainingPsc } from '@backend/training/psc/training-psc';
import { TestBrowser, textOf } from './browser';
import { startCallbackRecorder, type CallbackRecorder } from './callback-recorder';
import { ALICE, BRUNO, TRAINING_IDENTITIES } from './fixtures';

let psc: TrainingPsc;
let rp: CallbackRecorder;
let jsonClient: PscClient;
let jwtClient: PscClient;
/** Content types of the userinfo answers the JWT client received. */
const jwtUserinfoTypes: string[] = [];

beforeAll(async () => {
  rp = await startCallbackRecorder('/psc/callback');
  psc = await startTrainingPsc({
    identities: TRAINING_IDENTITIES,
    clients: [
      { clientId: 'sas-json', clientSecret: 'secret-json-0123456789', redirectUris: [rp.url] },
      { clientId: 'sas-jwt', clientSecret: 'secret-jwt-0123456789', redirectUris: [rp.url], userinfoFormat: 'jwt' },
    ],
  });
  jsonClient = createPscClient({
    issuer: psc.issuer,
    clientId: 'sas-json',
    clientSecret: 'secret-json-0123456789',
    redirectUri: rp.url,
  });
  jwtClient = createPscClient({
    issuer: psc.issuer,
    clientId: 'sas-jwt',
    clientSecret: 'secret-jwt-0123456789',
    redirectUri: rp.url,
    userinfoSignedResponseAlg: 'RS256',
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      if (String(input).endsWith('/protocol/openid-connect/userinfo'))
        jwtUserinfoTypes.push(response.headers.get('content-type') ?? '');
      return response;
    },
  });
});

afterAll(async () => {
  await psc.close();
  await rp.close();
});

async function loginAtPsc(
  client: PscClient,
  browser: TestBrowser,
  choose: (login: Awaited<ReturnType<TestBrowser['get']>>) => Promise<unknown>,
) {
  const start = await client.beginLogin();
  if (!start.ok) throw new Error(start.detail);
  const before = rp.received.length;
  const loginPage = await browser.get(start.url);
  await choose(loginPage);
  const callback = rp.received[before];
  if (!callback) throw new Error('no callback');
  return { start, callback, outcome: await client.completeLogin(callback, start.pending) };
}

describe('training Pro Santé Connect', () => {
  it('lives at the realm path and serves discovery at the wallet path too', async () => {
    expect(new URL(psc.issuer).pathname).toBe(PSC_REALM_PATH);
    const wallet = await (await fetch(`${psc.issuer}/.well-known/wallet-openid-configuration`)).json();
    const standard = await (await fetch(`${psc.issuer}/.well-known/openid-configuration`)).json();
    expect(wallet).toEqual(standard);
    expect(wallet.issuer).toBe(psc.issuer);
    expect(wallet.token_endpoint).toBe(`${psc.issuer}/protocol/openid-connect/token`);
    expect(wallet.scopes_supported).toContain('scope_all');
    expect(wallet.claims_supported).toEqual(expect.arrayContaining(['SubjectNameID', 'SubjectRefPro', 'otherIds']));
    expect(wallet.acr_values_supported).toEqual(['eidas1', 'eidas2', 'eidas3']);
    expect(wallet.code_challenge_methods_supported).toEqual(['S256']);
  });

  it('shows a French login page marked FORMATION with the identities and both methods', async () => {
    const start = await jsonClient.beginLogin();
    if (!start.ok) throw new Error(start.detail);
    const page = await new TestBrowser().get(start.url);
    const text = textOf(page.body);
    expect(page.status).toBe(200);
    expect(text).toContain('FORMATION');
    expect(text).toContain('Alice Martin');
    expect(text).toContain('Bruno Durand');
    expect(text).toContain('Carte CPS');
    expect(text).toContain('e-CPS');
    expect(text).toContain('1234');
    // The request the backend makes: openid scope_all, eidas1, PKCE S256, state, nonce.
    const auth = new URL(start.url);
    expect(auth.searchParams.get('scope')).toBe('openid scope_all');
    expect(auth.searchParams.get('acr_values')).toBe('eidas1');
    expect(auth.searchParams.get('code_challenge_method')).toBe('S256');
    expect(auth.searchParams.get('state')).toBe(start.pending.state);
    expect(auth.searchParams.get('nonce')).toBe(start.pending.nonce);
  });

  it('logs in with the card and PIN: eidas2, authMode CARD, scope_all claims as JSON userinfo', async () => {
    const browser = new TestBrowser();
    const { callback, outcome } = await loginAtPsc(jsonClient, browser, (page) =>
      browser.submit(page, { identity: ALICE.nationalId, method: 'cps', pin: '1234' }),
    );
    expect(callback.searchParams.get('iss')).toBe(psc.issuer);
    expect(outcome).toMatchObject({
      ok: true,
      identity: {
        nationalId: ALICE.nationalId,
        givenName: 'Alice',
        familyName: 'Martin',
        acr: 'eidas2',
        authMode: 'CARD',
        idpConnect: 'psc-cps',
      },
    });
    if (!outcome.ok) return;
    expect(outcome.identity.sub).not.toBe(ALICE.nationalId);
    expect(outcome.identity.userinfo.SubjectRefPro).toMatchObject({ exercices: [{ codeProfession: '10' }] });
  });

  it('logs in with e-CPS after the « Validez sur votre téléphone » step: eidas1, JWT userinfo', async () => {
    const browser = new TestBrowser();
    let ecpsText = '';
    const { outcome } = await loginAtPsc(jwtClient, browser, async (page) => {
      const waiting = await browser.submit(page, { identity: BRUNO.nationalId, method: 'ecps' });
      ecpsText = textOf(waiting.body);
      return browser.submit(waiting);
    });
    expect(ecpsText).toContain('Validez sur votre téléphone');
    expect(jwtUserinfoTypes).toEqual([expect.stringContaining('application/jwt')]);
    expect(outcome).toMatchObject({
      ok: true,
      identity: { nationalId: BRUNO.nationalId, acr: 'eidas1', idpConnect: 'psc-ecps' },
    });
  });

  it('refuses a wrong PIN with a French message and stays on the login page', async () => {
    const start = await jsonClient.beginLogin();
    if (!start.ok) throw new Error(start.detail);
    const browser = new TestBrowser();
    const before = rp.received.length;
    const page = await browser.get(start.url);
    const again = await browser.submit(page, { identity: ALICE.nationalId, method: 'cps', pin: '0000' });
    expect(again.status).toBe(400);
    expect(textOf(again.body)).toContain('Code PIN incorrect');
    expect(rp.received.length).toBe(before);
  });

  it('returns access_denied when the user cancels, which the client reports as a cancellation', async () => {
    const browser = new TestBrowser();
    const { outcome } = await loginAtPsc(jsonClient, browser, (page) => browser.follow(page, 'Annuler'));
    expect(outcome).toMatchObject({ ok: false, reason: 'psc-cancelled' });
  });

  it('accepts only confidential clients with PKCE', async () => {
    const start = await jsonClient.beginLogin();
    if (!start.ok) throw new Error(start.detail);
    const withoutPkce = new URL(start.url);
    withoutPkce.searchParams.delete('code_challenge');
    withoutPkce.searchParams.delete('code_challenge_method');
    const page = await new TestBrowser().get(withoutPkce.href);
    // oidc-provider sends the error back to the registered redirect URI.
    expect(page.url).toContain('error=invalid_request');
    const token = await fetch(`${psc.issuer}/protocol/openid-connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: 'x',
        client_id: 'sas-json',
        redirect_uri: rp.url,
      }),
    });
    expect(token.status).toBe(401);
  });
});
