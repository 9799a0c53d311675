// A SecretStore that persists secrets encrypted by the OS key store, and only when that key store is real.
// The cipher (Electron safeStorage in main) and the file are injected, so this runs in plain Node tests.
import { assertSecretKey, assertSecretValue, type SecretStore } from './secret-store';

/** The OS-backed encryption (safeStorage's async API in main). */
export interface SecretCipher {
  encrypt(plain: string): Promise<Uint8Array>;
  /** `shouldReEncrypt`: the OS rotated its key; the value should be written again. */
  decrypt(data: Uint8Array): Promise<{ plain: string; shouldReEncrypt: boolean }>;
}

/** Where ciphertexts live between runs: key → base64 ciphertext. */
export interface SecretVault {
  read(): Promise<Record<string, string>>;
  write(entries: Record<string, string>): Promise<void>;
}

export type SecretPersistence = { persistent: true } | { persistent: false; reason: string };

export interface EncryptedSecretStoreDeps {
  /** Asked once, on first use (after Electron's `ready`: the OS backend is unknown before). */
  decidePersistence: () => Promise<SecretPersistence>;
  cipher: SecretCipher;
  vault: SecretVault;
  /** French notes for the log: memory-only mode, unreadable entries. Never a secret's value. */
  report?: (message: string) => void;
}

export class EncryptedSecretStore implements SecretStore {
  private readonly memory = new Map<string, string>();
  /** Bumped by set/delete: a read that started before must not bring back an older value. */
  private readonly versions = new Map<string, number>();
  private decision: Promise<SecretPersistence> | undefined;
  /** Vault reads and writes run one after the other: two `set`s must not lose one another's entry. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: EncryptedSecretStoreDeps) {}

  async isPersistent(): Promise<boolean> {
    return (await this.persistence()).persistent;
  }

  async get(key: string): Promise<string | undefined> {
    assertSecretKey(key);
    const known = this.memory.get(key);
    if (known !== undefined) return known;
    if (!(await this.isPersistent())) return undefined;
    const version = this.versions.get(key) ?? 0;
    return this.serialised(async () => {
      if ((this.versions.get(key) ?? 0) !== version) return this.memory.get(key);
      const entries = await this.deps.vault.read();
      const stored = Object.hasOwn(entries, key) ? entries[key] : undefined;
      if (stored === undefined) return undefined;
      let opened: { plain: string; shouldReEncrypt: boolean };
      try {
        opened = await this.deps.cipher.decrypt(Buffer.from(stored, 'base64'));
      } catch {
        // Another user's or machine's key, or a damaged file: the secret is gone; drop it so it is not retried.
        delete entries[key];
        await this.deps.vault.write(entries);
        this.deps.report?.(`Secret « ${key} » illisible (clé du trousseau changée ?) : supprimé.`);
        return undefined;
      }
      // A set or delete that came while decrypting wins: its value (or absence) is the current one.
      if ((this.versions.get(key) ?? 0) !== version) return this.memory.get(key);
      this.memory.set(key, opened.plain);
      if (opened.shouldReEncrypt) {
        try {
          await this.writeEntry(entries, key, opened.plain);
        } catch {
          this.deps.report?.(
            `Secret « ${key} » non rechiffré : l’ancienne copie reste lisible jusqu’au prochain enregistrement.`,
          );
        }
      }
      return opened.plain;
    });
  }

  async set(key: string, value: string): Promise<void> {
    assertSecretKey(key);
    assertSecretValue(value);
    this.bump(key);
    this.memory.set(key, value);
    if (!(await this.isPersistent())) return;
    await this.serialised(async () => {
      try {
        await this.writeEntry(await this.deps.vault.read(), key, value);
      } catch {
        // Kept in memory: the session goes on, it just will not survive a restart.
        this.deps.report?.(
          `Secret « ${key} » non enregistré (chiffrement ou écriture impossible) : gardé en mémoire seulement.`,
        );
      }
    });
  }

  async delete(key: string): Promise<void> {
    assertSecretKey(key);
    this.bump(key);
    this.memory.delete(key);
    // Even in memory-only mode: a copy left by an earlier run (with a real key store) must go at logout too.
    await this.serialised(async () => {
      const entries = await this.deps.vault.read();
      if (!Object.hasOwn(entries, key)) return;
      delete entries[key];
      await this.deps.vault.write(entries);
    });
  }

  private bump(key: string): void {
    this.versions.set(key, (this.versions.get(key) ?? 0) + 1);
  }

  private persistence(): Promise<SecretPersistence> {
    this.decision ??= this.deps.decidePersistence().then(
      (decision) => {
        if (!decision.persistent) this.deps.report?.(decision.reason);
        return decision;
      },
      (): SecretPersistence => {
        const reason = 'Trousseau du système indisponible : la session ne sera pas conservée après fermeture.';
        this.deps.report?.(reason);
        return { persistent: false, reason };
      },
    );
    return this.decision;
  }

  private async writeEntry(entries: Record<string, string>, key: string, plain: string): Promise<void> {
    const encrypted = await this.deps.cipher.encrypt(plain);
    await this.deps.vault.write({ ...entries, [key]: Buffer.from(encrypted).toString('base64') });
  }

  private serialised<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
