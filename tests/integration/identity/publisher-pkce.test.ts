// Publishers (confidential clients) must use PKCE too: an authorization request without a code challenge gets no
// code, even with the browser's SAS session present; with PKCE the same publisher gets its code silently (RDV V2).
import { afterEach, describe, expect, it } from 'vitest';
import { TestBrowser } from './browser';
import { ALICE } from './fixtures';
import {
  consoleLogin,
  type IdentityStack,
  PUBLISHER,
  publisherAuthorize,
  startConsole,
  startIdentityStack,
} from './harness';

let stack: IdentityStack | undefined;

afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

describe('publisher clients and PKCE', () => {
  it('refuses a publisher authorization without PKCE, and serves the same one with it', async () => {
    stack = await startIdentityStack();
    const app = startConsole(stack);
    const browser = new TestBrowser();
    expect((await consoleLogin(app, browser, ALICE.nationalId)).state.status).toBe('logged-in');

    const withoutPkce = new URL(`${stack.issuer}/auth`);
    for (const [name, value] of Object.entries({
      client_id: PUBLISHER.clientId,
      redirect_uri: stack.publisherCallback.url,
      response_type: 'code',
      scope: 'openid profile',
      state: 'etat-0001',
      nonce: 'nonce-0001',
    }))
      withoutPkce.searchParams.set(name, value);
    const before = stack.publisherCallback.received.length;
    await browser.get(withoutPkce.href);
    const refused = stack.publisherCallback.received.slice(before);
    expect(refused).toHaveLength(1);
    expect(refused[0]?.searchParams.get('code')).toBeNull();
    expect(refused[0]?.searchParams.get('error')).toBe('invalid_request');
    expect(refused[0]?.searchParams.get('error_description')).toMatch(/PKCE/u);

    // A plain challenge is no better than none.
    withoutPkce.searchParams.set('code_challenge', 'a'.repeat(43));
    withoutPkce.searchParams.set('code_challenge_method', 'plain');
    const again = stack.publisherCallback.received.length;
    await browser.get(withoutPkce.href);
    expect(stack.publisherCallback.received.slice(again)[0]?.searchParams.get('code')).toBeNull();

    const authorized = await publisherAuthorize(stack, browser);
    expect(authorized.callback?.searchParams.get('code')).toMatch(/^[A-Za-z0-9_-]{16,}$/u);
    const tokens = await authorized.exchange();
    expect(tokens.claims()?.sub).toBe(ALICE.nationalId);
    await app.session.close();
  });
});
