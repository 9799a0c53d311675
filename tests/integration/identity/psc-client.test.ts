// The backend's PSC client discovery rules, against a loopback server publishing chosen metadata documents
// (the real PSC cannot be reached from here).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { assertPscClientConfig, createPscClient } from '@backend/identity/psc-client';

interface MetadataServer {
  issuer: string;
  requested: string[];
  close(): Promise<void>;
}

let server: MetadataServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Serves `documents[path]` as JSON under the realm path; 404 elsewhere. */
async function metadataServer(documents: (issuer: string) => Record<string, unknown>): Promise<MetadataServer> {
  const requested: string[] = [];
  let issuer = '';
  const http = createServer((req, res) => {
    requested.push(req.url ?? '');
    const doc = documents(issuer)[new URL(req.url ?? '/', issuer).pathname.replace('/auth/realms/esante-wallet', '')];
    res.statusCode = doc ? 200 : 404;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(doc ?? {}));
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', () => resolve()));
  issuer = `http://127.0.0.1:${(http.address() as AddressInfo).port}/auth/realms/esante-wallet`;
  return {
    issuer,
    requested,
    close: () =>
      new Promise<void>((resolve) => {
        http.close(() => resolve());
        http.closeAllConnections();
      }),
  };
}

function metadata(issuer: string, overrides: Record<string, unknown> = {}) {
  return {
    issuer,
    authorization_endpoint: `${issuer}/protocol/openid-connect/auth`,
    token_endpoint: `${issuer}/protocol/openid-connect/token`,
    userinfo_endpoint: `${issuer}/protocol/openid-connect/userinfo`,
    jwks_uri: `${issuer}/protocol/openid-connect/certs`,
    ...overrides,
  };
}

const client = (issuer: string, extra: Record<string, unknown> = {}) =>
  createPscClient({
    issuer,
    clientId: 'sas',
    clientSecret: 'secret-0123456789',
    redirectUri: 'http://127.0.0.1:9/psc/callback',
    ...extra,
  });

describe('PSC client discovery', () => {
  it('reads PSC’s wallet-openid-configuration path, not the standard one', async () => {
    server = await metadataServer((issuer) => ({ '/.well-known/wallet-openid-configuration': metadata(issuer) }));
    const start = await client(server.issuer).beginLogin();
    expect(start.ok).toBe(true);
    expect(server.requested).toEqual(['/auth/realms/esante-wallet/.well-known/wallet-openid-configuration']);
    if (start.ok) expect(start.url.startsWith(`${server.issuer}/protocol/openid-connect/auth?`)).toBe(true);
  });

  it('falls back to the standard path only when configured to', async () => {
    server = await metadataServer((issuer) => ({ '/.well-known/openid-configuration': metadata(issuer) }));
    expect(await client(server.issuer).beginLogin()).toMatchObject({ ok: false, reason: 'psc-invalid-response' });
    expect(await client(server.issuer, { discovery: 'wallet-then-standard' }).beginLogin()).toMatchObject({ ok: true });
  });

  it('refuses metadata of another issuer, or with plain-HTTP endpoints off this machine', async () => {
    server = await metadataServer(() => ({
      '/.well-known/wallet-openid-configuration': metadata('https://auth.evil.example/auth/realms/esante-wallet'),
    }));
    expect(await client(server.issuer).beginLogin()).toMatchObject({
      ok: false,
      reason: 'psc-invalid-response',
      detail: expect.stringContaining('émetteur'),
    });
    await server.close();
    server = await metadataServer((issuer) => ({
      '/.well-known/wallet-openid-configuration': metadata(issuer, { token_endpoint: 'http://token.example/token' }),
    }));
    expect(await client(server.issuer).beginLogin()).toMatchObject({
      ok: false,
      detail: expect.stringContaining('token_endpoint'),
    });
  });

  it('reports an unreachable PSC as such', async () => {
    server = await metadataServer(() => ({}));
    const issuer = server.issuer;
    await server.close();
    server = undefined;
    expect(await client(issuer).beginLogin()).toMatchObject({ ok: false, reason: 'psc-unreachable' });
  });

  it('refuses configurations that cannot be a confidential client over a safe transport', () => {
    const base = { clientId: 'sas', clientSecret: 'secret', redirectUri: 'https://sas.example/oidc/psc/callback' };
    expect(() => assertPscClientConfig({ ...base, issuer: 'http://psc.example/auth/realms/esante-wallet' })).toThrow(
      'HTTPS obligatoire',
    );
    expect(() => assertPscClientConfig({ ...base, issuer: 'https://psc.example/r', clientSecret: '' })).toThrow(
      'clients confidentiels',
    );
    expect(() =>
      assertPscClientConfig({ ...base, issuer: 'https://psc.example/r', redirectUri: 'http://sas.example/cb' }),
    ).toThrow('Adresse de retour PSC refusée');
  });
});
