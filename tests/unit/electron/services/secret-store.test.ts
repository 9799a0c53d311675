import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSafeStorageSecretStore, decideSecretPersistence } from '@main/safe-storage';
import { MemorySecretStore } from '@services/secret-store';
import { EncryptedSecretStore, type SecretCipher, type SecretVault } from '@services/secret-store-encrypted';
import { FileSecretVault } from '@services/secret-store-file';
import { resetElectronStub, safeStorage } from '@tests/stubs/electron';

let dir: string;
beforeEach(async () => {
  resetElectronStub();
  dir = await mkdtemp(join(tmpdir(), 'sas-secrets-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const TOKEN = 'refresh-token-4f9c2a';

function store(platform: NodeJS.Platform = 'linux', reports: string[] = []) {
  return createSafeStorageSecretStore({
    safeStorage: safeStorage as never,
    platform,
    filePath: join(dir, 'secrets.json'),
    whenReady: async () => {},
    report: (line) => reports.push(line),
  });
}

describe('when secrets may be persisted', () => {
  it('never on Linux basic_text, nor before the backend is known, nor without encryption', () => {
    expect(
      decideSecretPersistence({ platform: 'linux', linuxBackend: 'basic_text', asyncEncryptionAvailable: true }),
    ).toMatchObject({
      persistent: false,
      reason: expect.stringMatching(/basic_text/u),
    });
    expect(
      decideSecretPersistence({ platform: 'linux', linuxBackend: 'unknown', asyncEncryptionAvailable: true })
        .persistent,
    ).toBe(false);
    expect(
      decideSecretPersistence({ platform: 'linux', linuxBackend: undefined, asyncEncryptionAvailable: true })
        .persistent,
    ).toBe(false);
    expect(
      decideSecretPersistence({ platform: 'win32', linuxBackend: undefined, asyncEncryptionAvailable: false })
        .persistent,
    ).toBe(false);
  });

  it('with a real key store: keyring or KWallet on Linux, DPAPI on Windows, Keychain on macOS', () => {
    for (const linuxBackend of ['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6']) {
      expect(decideSecretPersistence({ platform: 'linux', linuxBackend, asyncEncryptionAvailable: true })).toEqual({
        persistent: true,
      });
    }
    expect(
      decideSecretPersistence({ platform: 'win32', linuxBackend: undefined, asyncEncryptionAvailable: true }),
    ).toEqual({ persistent: true });
    expect(
      decideSecretPersistence({ platform: 'darwin', linuxBackend: undefined, asyncEncryptionAvailable: true }),
    ).toEqual({ persistent: true });
  });
});

describe('the safeStorage secret store', () => {
  it('refuses to persist on basic_text: memory only, nothing on disk', async () => {
    safeStorage.state.backend = 'basic_text';
    const reports: string[] = [];
    const secrets = store('linux', reports);
    expect(await secrets.isPersistent()).toBe(false);
    await secrets.set('session.refresh', TOKEN);
    expect(await secrets.get('session.refresh')).toBe(TOKEN);
    await expect(stat(join(dir, 'secrets.json'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(reports.join('\n')).toMatch(/basic_text.*pas conservée/u);
    // A restart forgets it.
    expect(await store('linux').get('session.refresh')).toBeUndefined();
  });

  it('refuses to persist when encryption is unavailable', async () => {
    safeStorage.state.asyncAvailable = false;
    const secrets = store('win32');
    await secrets.set('session.refresh', TOKEN);
    expect(await secrets.isPersistent()).toBe(false);
    await expect(stat(join(dir, 'secrets.json'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('with a real key store: encrypted on disk (never the clear value), readable after a restart', async () => {
    const secrets = store('linux');
    expect(await secrets.isPersistent()).toBe(true);
    await secrets.set('session.refresh', TOKEN);
    const file = join(dir, 'secrets.json');
    const text = await readFile(file, 'utf8');
    expect(text).not.toContain(TOKEN);
    expect(JSON.parse(text)).toMatchObject({ version: 1, secrets: { 'session.refresh': expect.any(String) } });
    expect((await stat(file)).mode & 0o077).toBe(0);
    expect(await store('linux').get('session.refresh')).toBe(TOKEN);
  });

  it('delete removes the persisted copy (logout), and the file when it is empty', async () => {
    const secrets = store('darwin');
    await secrets.set('session.refresh', TOKEN);
    await secrets.set('session.other', 'x');
    await secrets.delete('session.refresh');
    expect(await store('darwin').get('session.refresh')).toBeUndefined();
    expect(await store('darwin').get('session.other')).toBe('x');
    await secrets.delete('session.other');
    await expect(stat(join(dir, 'secrets.json'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('a ciphertext the key store cannot open is dropped, not retried', async () => {
    await writeFile(
      join(dir, 'secrets.json'),
      JSON.stringify({ version: 1, secrets: { 'session.refresh': Buffer.from('garbage').toString('base64') } }),
    );
    const reports: string[] = [];
    const secrets = store('win32', reports);
    expect(await secrets.get('session.refresh')).toBeUndefined();
    expect(reports.join('\n')).toMatch(/illisible/u);
    // It was the only entry: the file goes with it.
    await expect(stat(join(dir, 'secrets.json'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('re-encrypts when the key store asks to', async () => {
    await store('win32').set('session.refresh', TOKEN);
    const before = await readFile(join(dir, 'secrets.json'), 'utf8');
    safeStorage.state.shouldReEncrypt = true;
    let writes = 0;
    const vault = new FileSecretVault(join(dir, 'secrets.json'));
    const counting: SecretVault = {
      read: () => vault.read(),
      write: async (e) => {
        writes += 1;
        await vault.write(e);
      },
    };
    const secrets = new EncryptedSecretStore({
      decidePersistence: async () => ({ persistent: true }),
      cipher: {
        encrypt: (p) => safeStorage.encryptStringAsync(p),
        decrypt: async (d) => {
          const r = await safeStorage.decryptStringAsync(Buffer.from(d));
          return { plain: r.result, shouldReEncrypt: r.shouldReEncrypt };
        },
      },
      vault: counting,
    });
    expect(await secrets.get('session.refresh')).toBe(TOKEN);
    expect(writes).toBe(1);
    expect(await readFile(join(dir, 'secrets.json'), 'utf8')).toBe(before);
  });

  it('a damaged or foreign file is ignored with a note, and replaced on the next save', async () => {
    await writeFile(join(dir, 'secrets.json'), '{ not json');
    const reports: string[] = [];
    const secrets = store('win32', reports);
    expect(await secrets.get('session.refresh')).toBeUndefined();
    expect(reports.join('\n')).toMatch(/corrompu/u);
    await secrets.set('session.refresh', TOKEN);
    expect(await store('win32').get('session.refresh')).toBe(TOKEN);
    await writeFile(join(dir, 'secrets.json'), JSON.stringify({ version: 2, secrets: {} }));
    expect(await store('win32').get('session.refresh')).toBeUndefined();
  });
});

describe('EncryptedSecretStore', () => {
  const cipher: SecretCipher = {
    encrypt: async (plain) => new TextEncoder().encode(`x${plain}`),
    decrypt: async (data) => ({ plain: new TextDecoder().decode(data).slice(1), shouldReEncrypt: false }),
  };
  const memoryVault = () => {
    let entries: Record<string, string> = {};
    return {
      read: async () => ({ ...entries }),
      write: async (e: Record<string, string>) => void (entries = { ...e }),
      peek: () => entries,
    };
  };

  it('keeps parallel saves of different secrets (no lost update)', async () => {
    const vault = memoryVault();
    const secrets = new EncryptedSecretStore({ decidePersistence: async () => ({ persistent: true }), cipher, vault });
    await Promise.all(['a.one', 'a.two', 'a.three', 'a.four'].map((key) => secrets.set(key, key)));
    expect(Object.keys(vault.peek()).sort()).toEqual(['a.four', 'a.one', 'a.three', 'a.two']);
  });

  it('a delete during a read wins: the old value does not come back', async () => {
    const vault = memoryVault();
    const writer = new EncryptedSecretStore({ decidePersistence: async () => ({ persistent: true }), cipher, vault });
    await writer.set('session.refresh', TOKEN);
    const reader = new EncryptedSecretStore({ decidePersistence: async () => ({ persistent: true }), cipher, vault });
    const reading = reader.get('session.refresh');
    await reader.delete('session.refresh');
    await reading;
    expect(await reader.get('session.refresh')).toBeUndefined();
  });

  it('a failing key store decision means memory only, said once', async () => {
    const reports: string[] = [];
    const secrets = new EncryptedSecretStore({
      decidePersistence: () => Promise.reject(new Error('dbus')),
      cipher,
      vault: memoryVault(),
      report: (l) => reports.push(l),
    });
    expect(await secrets.isPersistent()).toBe(false);
    await secrets.set('session.refresh', TOKEN);
    expect(await secrets.isPersistent()).toBe(false);
    expect(reports).toHaveLength(1);
  });

  it('refuses odd secret names (they end up in a file)', async () => {
    const secrets = new MemorySecretStore();
    for (const key of ['', '../x', 'Session', 'a b', 'a'.repeat(65), '__proto__']) {
      await expect(secrets.set(key, 'v'), key).rejects.toThrow(/Nom de secret invalide/u);
    }
    await expect(secrets.set('ok', 42 as never)).rejects.toThrow(/chaîne/u);
  });

  it('property: memory store behaves as a map of the last value set', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c.d'), fc.option(fc.string(), { nil: undefined })), {
          maxLength: 20,
        }),
        async (operations) => {
          const secrets = new MemorySecretStore();
          const model = new Map<string, string>();
          for (const [key, value] of operations) {
            if (value === undefined) {
              await secrets.delete(key);
              model.delete(key);
            } else {
              await secrets.set(key, value);
              model.set(key, value);
            }
          }
          for (const key of ['a', 'b', 'c.d']) expect(await secrets.get(key)).toBe(model.get(key));
          expect(await secrets.isPersistent()).toBe(false);
        },
      ),
    );
  });
});
