// Console session service failures that need no identity provider: a backend that is refused, unreachable, or a
// browser that cannot be opened. (The full flows run in tests/integration/identity.)
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { MemorySecretStore } from '../../../electron/services/secret-store';
import type { ConsoleSession } from '../../../electron/services/compose';
import { createSessionService } from '../../../electron/services/session/session-service';

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('console session service without a provider', () => {
  it('refuses a plain-HTTP backend that is not on this machine, without any request', async () => {
    const requests: string[] = [];
    const session = createSessionService({
      issuer: 'http://sas.example/oidc',
      openExternal: () => undefined,
      secretStore: new MemorySecretStore(),
      fetch: async (input) => {
        requests.push(String(input));
        throw new Error('no network in this test');
      },
    });
    const state = await session.login();
    expect(state).toEqual({ status: 'logged-out', message: 'Adresse du serveur SAS refusée : HTTPS obligatoire hors de ce poste.' });
    expect(requests).toEqual([]);
  });

  it('says the identity server is unreachable', async () => {
    const session = createSessionService({
      issuer: `http://127.0.0.1:${await closedPort()}/oidc`,
      openExternal: () => undefined,
      secretStore: new MemorySecretStore(),
    });
    const states: string[] = [];
    session.onChange((s) => states.push(s.status));
    const state = await session.login();
    expect(state).toMatchObject({ status: 'logged-out', message: expect.stringContaining('injoignable') });
    expect(states).toEqual(['logging-in', 'logged-out']);
    await expect(session.accessToken()).rejects.toThrow('injoignable');
  });

  it('has nothing to restore from a memory-only store and stays logged out', async () => {
    const session = createSessionService({
      issuer: `http://127.0.0.1:${await closedPort()}/oidc`,
      openExternal: () => undefined,
      secretStore: new MemorySecretStore(),
    });
    expect(await session.restore()).toEqual({ status: 'logged-out' });
    await session.logout();
    expect(session.getState()).toEqual({ status: 'logged-out', message: 'Vous êtes déconnecté.' });
  });
});

describe('console session service contract', () => {
  it('is the ConsoleSession the console services are composed with', () => {
    const session: ConsoleSession = createSessionService({
      issuer: 'https://sas.example/oidc',
      openExternal: () => undefined,
      secretStore: new MemorySecretStore(),
    });
    expect(session.getState()).toEqual({ status: 'logged-out' });
  });
});
