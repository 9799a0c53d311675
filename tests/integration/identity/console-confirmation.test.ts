// A local process must not obtain the regulator's tokens by opening the browser on its own console authorization
// request while the browser holds a SAS session: every console login passes an explicit step in the browser —
// Pro Santé Connect in that same request, or the confirmation page and its button.
import { afterEach, describe, expect, it } from 'vitest';
import * as oidc from 'openid-client';
import { TestBrowser } from './browser';
import { type CallbackRecorder, startCallbackRecorder } from './callback-recorder';
import { ALICE } from './fixtures';
import { consoleLogin, type IdentityStack, isConsoleConfirmation, startConsole, startIdentityStack } from './harness';

let stack: IdentityStack | undefined;
let recorder: CallbackRecorder | undefined;

afterEach(async () => {
  await recorder?.close();
  await stack?.close();
  recorder = undefined;
  stack = undefined;
});

/** What a local process can do: its own PKCE request as the console's public client, to its own loopback port. */
async function localProcessAuthorization(issuer: string, redirectUri: string): Promise<string> {
  const discovered = await oidc.discovery(new URL(issuer), 'sas-console', undefined, oidc.None(), {
    execute: [oidc.allowInsecureRequests],
  });
  const verifier = oidc.randomPKCECodeVerifier();
  return oidc.buildAuthorizationUrl(discovered, {
    redirect_uri: redirectUri,
    scope: 'openid profile email',
    state: oidc.randomState(),
    nonce: oidc.randomNonce(),
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
  }).href;
}

describe('console login: an explicit step in the browser, always', () => {
  it('a second flow started by a local process, with the browser session present, gets no code without the click', async () => {
    stack = await startIdentityStack();
    const app = startConsole(stack);
    const browser = new TestBrowser();
    const first = await consoleLogin(app, browser, ALICE.nationalId);
    expect(first.state.status).toBe('logged-in');
    // The first login passed Pro Santé Connect: no confirmation page was needed.
    expect(isConsoleConfirmation(first.page)).toBe(false);

    recorder = await startCallbackRecorder('/callback');
    const page = await browser.get(await localProcessAuthorization(stack.issuer, recorder.url));
    expect(isConsoleConfirmation(page)).toBe(true);
    expect(page.body).toContain('Connecter la SAS Console');
    expect(page.body).toContain(`port ${new URL(recorder.url).port}`);
    expect(recorder.received).toEqual([]);

    // The process cannot press the button itself: without the browser's interaction cookie the post finds nothing.
    const action = /<form method="post" action="([^"]+)"/u.exec(page.body)?.[1] ?? '';
    expect(action).toMatch(/\/interaction\/[\w-]+\/confirm$/u);
    const outsider = new TestBrowser();
    const forged = await outsider.request('POST', action, new URLSearchParams({ confirm: 'yes' }));
    expect(forged.status).toBe(400);
    // Nor does a bare GET of the confirmation address, or a post without the button's value.
    expect((await browser.get(action)).status).toBeGreaterThanOrEqual(400);
    expect((await browser.request('POST', action, new URLSearchParams())).status).toBe(400);
    expect(recorder.received).toEqual([]);

    // The regulator's own click is what releases a code.
    await browser.submit(page, { confirm: 'yes' });
    expect(recorder.received).toHaveLength(1);
    expect(recorder.received[0]?.searchParams.get('code')).toMatch(/^[A-Za-z0-9_-]{16,}$/u);
    await app.session.close();
  });

  it('a fresh browser goes through Pro Santé Connect, and needs no confirmation', async () => {
    stack = await startIdentityStack();
    const browser = new TestBrowser();
    recorder = await startCallbackRecorder('/callback');
    const page = await browser.get(await localProcessAuthorization(stack.issuer, recorder.url));
    expect(page.url).toContain('/login-actions/');
    expect(recorder.received).toEqual([]);
  });
});
