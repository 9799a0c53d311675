// The secret store of the real app: secrets encrypted by Electron's safeStorage (async API) in a file of the
// user-data folder — and only when the OS key store is real. On Linux without a keyring, Chromium falls back to
// `basic_text`, a hard-coded key: "encrypted" data there is readable by anyone who copies the file, so the console
// keeps secrets in memory instead (docs/design.md §9: never persisted when the OS offers no real key store).
import type { SafeStorage } from 'electron';
import { EncryptedSecretStore, type SecretCipher, type SecretPersistence } from '../services/secret-store-encrypted';
import { FileSecretVault } from '../services/secret-store-file';
import type { SecretStore } from '../services/secret-store';

type SafeStorageApi = Pick<
  SafeStorage,
  'encryptStringAsync' | 'decryptStringAsync' | 'isAsyncEncryptionAvailable' | 'getSelectedStorageBackend'
>;

export interface PersistenceFacts {
  platform: NodeJS.Platform;
  /** Linux only: `safeStorage.getSelectedStorageBackend()`; `unknown` before `ready`. */
  linuxBackend: string | undefined;
  asyncEncryptionAvailable: boolean;
}

const MEMORY_ONLY = 'la session ne sera pas conservée après fermeture de la console';

/** Whether secrets may be written to disk. Pure: the facts are read from safeStorage by `readPersistenceFacts`. */
export function decideSecretPersistence(facts: PersistenceFacts): SecretPersistence {
  if (!facts.asyncEncryptionAvailable) {
    return { persistent: false, reason: `Chiffrement du système indisponible : ${MEMORY_ONLY}.` };
  }
  if (facts.platform === 'linux') {
    if (facts.linuxBackend === 'basic_text') {
      return { persistent: false, reason: `Aucun trousseau du système (stockage « basic_text ») : ${MEMORY_ONLY}.` };
    }
    if (facts.linuxBackend === undefined || facts.linuxBackend === 'unknown') {
      return { persistent: false, reason: `Trousseau du système non identifié : ${MEMORY_ONLY}.` };
    }
  }
  return { persistent: true };
}

async function readPersistenceFacts(safeStorage: SafeStorageApi, platform: NodeJS.Platform): Promise<PersistenceFacts> {
  const asyncEncryptionAvailable = await safeStorage.isAsyncEncryptionAvailable();
  // getSelectedStorageBackend exists on Linux only.
  const linuxBackend = platform === 'linux' ? safeStorage.getSelectedStorageBackend() : undefined;
  return { platform, linuxBackend, asyncEncryptionAvailable };
}

function safeStorageCipher(safeStorage: Pick<SafeStorage, 'encryptStringAsync' | 'decryptStringAsync'>): SecretCipher {
  return {
    encrypt: async (plain) => safeStorage.encryptStringAsync(plain),
    decrypt: async (data) => {
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(Buffer.from(data));
      return { plain: result, shouldReEncrypt };
    },
  };
}

export interface SafeStorageSecretStoreDeps {
  safeStorage: SafeStorageApi;
  platform: NodeJS.Platform;
  /** The vault file, in the user-data folder. */
  filePath: string;
  /** Resolves once Electron is ready: before, the Linux backend reads `unknown`. */
  whenReady: () => Promise<unknown>;
  report: (message: string) => void;
}

export function createSafeStorageSecretStore(deps: SafeStorageSecretStoreDeps): SecretStore {
  return new EncryptedSecretStore({
    decidePersistence: async () => {
      await deps.whenReady();
      return decideSecretPersistence(await readPersistenceFacts(deps.safeStorage, deps.platform));
    },
    cipher: safeStorageCipher(deps.safeStorage),
    vault: new FileSecretVault(deps.filePath, deps.report),
    report: deps.report,
  });
}
