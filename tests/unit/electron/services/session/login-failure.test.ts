// Login failures are sorted on what openid-client's errors carry (class, `code`, OAuth `error`, `cause`), never on
// their wording. Each case feeds the classifier an error openid-client itself threw, against a token endpoint on
// loopback where the case needs one. (ID token checks — nonce, expiry, signature — run in the identity suite.)
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as oidc from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyLoginError } from '@services/session/failure';

let server: Server;
let issuer: string;
/** What the token endpoint answers next. */
let tokenAnswer: { status: number; body: unknown } = { status: 400, body: { error: 'invalid_grant' } };

beforeAll(async () => {
  server = createServer((req, res) => {
    res.setHeader('Content-Type', 'application/json');
    res.statusCode = tokenAnswer.status;
    res.end(JSON.stringify(tokenAnswer.body));
    req.resume();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function configuration(): oidc.Configuration {
  const cfg = new oidc.Configuration(
    { issuer, token_endpoint: `${issuer}/token`, authorization_response_iss_parameter_supported: true },
    'sas-console',
    { token_endpoint_auth_method: 'none' },
    oidc.None(),
  );
  oidc.allowInsecureRequests(cfg);
  return cfg;
}

async function thrownBy(action: () => Promise<unknown>): Promise<unknown> {
  try {
    await action();
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

function exchange(callback: string, expectedState: string) {
  return oidc.authorizationCodeGrant(configuration(), new URL(callback), {
    pkceCodeVerifier: oidc.randomPKCECodeVerifier(),
    expectedState,
    idTokenExpected: true,
  });
}

describe('login failures from openid-client', () => {
  it('a callback carrying another state is a state mismatch', async () => {
    const error = await thrownBy(() =>
      exchange(`http://127.0.0.1/callback?code=c&state=other&iss=${encodeURIComponent(issuer)}`, 'mine'),
    );
    expect(classifyLoginError(error, { state: 'mine' }).code).toBe('state-mismatch');
  });

  it('a callback without state is a state mismatch too', async () => {
    const error = await thrownBy(() =>
      exchange(`http://127.0.0.1/callback?code=c&iss=${encodeURIComponent(issuer)}`, 'mine'),
    );
    expect(classifyLoginError(error, { state: 'mine' }).code).toBe('state-mismatch');
  });

  it('a callback naming another issuer is an invalid response, not a state mismatch', async () => {
    const error = await thrownBy(() =>
      exchange('http://127.0.0.1/callback?code=c&state=mine&iss=https%3A%2F%2Fother.example', 'mine'),
    );
    expect(classifyLoginError(error, { state: 'mine' }).code).toBe('invalid-response');
  });

  it('access_denied is a denial, with the provider’s reason code', async () => {
    const callback = `http://127.0.0.1/callback?error=access_denied&error_description=regulator_unknown&state=mine&iss=${encodeURIComponent(issuer)}`;
    const failure = classifyLoginError(await thrownBy(() => exchange(callback, 'mine')), { state: 'mine' });
    expect(failure.code).toBe('denied');
    expect(failure.denialReason).toBe('regulator_unknown');
  });

  it('invalid_grant at the token endpoint is a refused code', async () => {
    tokenAnswer = { status: 400, body: { error: 'invalid_grant', error_description: 'grant request is invalid' } };
    const error = await thrownBy(() =>
      exchange(`http://127.0.0.1/callback?code=c&state=mine&iss=${encodeURIComponent(issuer)}`, 'mine'),
    );
    expect(classifyLoginError(error, { state: 'mine' }).code).toBe('code-refused');
  });

  it('another OAuth error at the token endpoint is an invalid response', async () => {
    tokenAnswer = { status: 400, body: { error: 'invalid_client' } };
    const error = await thrownBy(() => oidc.refreshTokenGrant(configuration(), 'rt'));
    expect(classifyLoginError(error).code).toBe('invalid-response');
  });

  it('a server error page is an invalid response (RESPONSE_IS_NOT_CONFORM)', async () => {
    tokenAnswer = { status: 500, body: 'boom' };
    const error = await thrownBy(() => oidc.refreshTokenGrant(configuration(), 'rt'));
    expect((error as { code?: unknown }).code).toBe('OAUTH_RESPONSE_IS_NOT_CONFORM');
    expect(classifyLoginError(error).code).toBe('invalid-response');
  });

  it('an outage answer (503, 502, 504) is an unreachable backend: the session is kept and retried', async () => {
    for (const status of [503, 502, 504]) {
      tokenAnswer = { status, body: { error: 'temporarily_unavailable' } };
      const error = await thrownBy(() => oidc.refreshTokenGrant(configuration(), 'rt'));
      expect(classifyLoginError(error).code).toBe('backend-unreachable');
    }
  });

  it('a refused connection is an unreachable backend, read from the cause chain', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', () => resolve()));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await thrownBy(() =>
      oidc.discovery(new URL(`http://127.0.0.1:${port}`), 'sas-console', undefined, oidc.None(), {
        execute: [oidc.allowInsecureRequests],
      }),
    );
    expect(classifyLoginError(error).code).toBe('backend-unreachable');
  });

  it('a timestamp check failure is an expired token, whatever its message says', () => {
    const inner = Object.assign(new Error('reworded'), { code: 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED' });
    // openid-client's own wrapper, as its errorHandler builds it (the constructor's options are typed without `code`).
    const options = { cause: inner, code: 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED' } as ErrorOptions;
    const error = new oidc.ClientError('JWT timestamp claim value failed validation', options);
    expect(classifyLoginError(error).code).toBe('token-expired');
  });
});
