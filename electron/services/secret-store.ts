// Where main keeps secrets (the backend refresh token): never in settings, never in the renderer (docs/design.md §9).
// Persisted only through the OS key store (Electron safeStorage, electron/main/safe-storage.ts); in memory
// otherwise — the harness, the tests, and workstations whose OS offers no real key store.

export interface SecretStore {
  /** Whether secrets survive a restart (an OS key store protects them); false means memory only. */
  isPersistent(): Promise<boolean>;
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
}

/** Secret names are chosen by code, not by users: a short fixed alphabet keeps them out of paths and logs. */
const SECRET_KEY = /^[a-z][a-z0-9.-]{0,63}$/u;

export function assertSecretKey(key: string): void {
  if (typeof key !== 'string' || !SECRET_KEY.test(key)) {
    throw new TypeError(`Nom de secret invalide (attendu : ${SECRET_KEY.source}).`);
  }
}

export function assertSecretValue(value: string): void {
  if (typeof value !== 'string') throw new TypeError('Un secret est une chaîne de caractères.');
}

/** Secrets for this process's life only. */
export class MemorySecretStore implements SecretStore {
  private readonly values = new Map<string, string>();

  async isPersistent(): Promise<boolean> {
    return false;
  }

  async get(key: string): Promise<string | undefined> {
    assertSecretKey(key);
    return this.values.get(key);
  }

  async set(key: string, value: string): Promise<void> {
    assertSecretKey(key);
    assertSecretValue(value);
    this.values.set(key, value);
  }

  async delete(key: string): Promise<void> {
    assertSecretKey(key);
    this.values.delete(key);
  }
}
