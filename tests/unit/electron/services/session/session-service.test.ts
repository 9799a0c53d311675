// Console session service failures that need no identity provider: a backend that is refused, unreachable, or a
// browser that cannot be opened. (The full flows run in tests/integration/identity.)
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { MemorySecretStore } from '@services/secret-store';
import type { ConsoleSession } from '@services/compose';
import { createSessionService } from '@services/session/session-service';
import type { Logger } from '@shared/util/logger';

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
    expect(state).toEqual({
      status: 'logged-out',
      message: 'Adresse du serveur SAS refusée : HTTPS obligatoire hors de ce poste.',
    });
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

/** A key store that says it persists, holding a refresh token from an earlier run (or failing to be read). */
class StoredTokenStore extends MemorySecretStore {
  constructor(private readonly unreadable = false) {
    super();
  }
  override async isPersistent(): Promise<boolean> {
    return true;
  }
  override async get(key: string): Promise<string | undefined> {
    if (this.unreadable) throw new Error('key store locked');
    return key === 'session.refresh-token' ? 'stored-refresh-token' : undefined;
  }
}

function recordingLogger(lines: { level: string; message: string; fields?: unknown }[]): Logger {
  const logger: Logger = {
    debug: (message, fields) => lines.push({ level: 'debug', message, fields }),
    info: (message, fields) => lines.push({ level: 'info', message, fields }),
    warn: (message, fields) => lines.push({ level: 'warn', message, fields }),
    error: (message, fields) => lines.push({ level: 'error', message, fields }),
    child: () => logger,
    unexpected: (where, error) => lines.push({ level: 'error', message: where, fields: String(error) }),
  };
  return logger;
}

describe('console session restore at start', () => {
  it('says automatic reconnection failed when the backend is unreachable, logs it, and keeps the stored token', async () => {
    const lines: { level: string; message: string; fields?: unknown }[] = [];
    const store = new StoredTokenStore();
    const session = createSessionService({
      issuer: `http://127.0.0.1:${await closedPort()}/oidc`,
      openExternal: () => undefined,
      secretStore: store,
      logger: recordingLogger(lines),
    });
    const state = await session.restore();
    expect(state).toEqual({
      status: 'logged-out',
      message: expect.stringContaining('Reconnexion automatique impossible'),
    });
    expect(state).toMatchObject({ message: expect.stringContaining('injoignable') });
    expect(lines).toContainEqual(expect.objectContaining({ level: 'warn', message: 'session not restored' }));
    expect(await store.get('session.refresh-token')).toBe('stored-refresh-token');
  });

  it('says automatic reconnection failed when the key store cannot be read', async () => {
    const lines: { level: string; message: string; fields?: unknown }[] = [];
    const session = createSessionService({
      issuer: `http://127.0.0.1:${await closedPort()}/oidc`,
      openExternal: () => undefined,
      secretStore: new StoredTokenStore(true),
      logger: recordingLogger(lines),
    });
    expect(await session.restore()).toEqual({
      status: 'logged-out',
      message: expect.stringContaining('Reconnexion automatique impossible'),
    });
    expect(lines).toContainEqual(expect.objectContaining({ level: 'warn', message: 'session not restored' }));
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
