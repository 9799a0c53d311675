// Where the directory CLI reads and writes: a JSON file (`--out` / `--directory`), the embedded database of a
// folder (`--data-dir`, PGlite: the backend using that folder must be stopped, PGlite is single-process), or the
// database of a backend configuration file (`--config`, PostgreSQL: running backends switch to the new version).
import { resolve } from 'node:path';
import { loadBackendConfig } from '../config';
import { openStorage, type Storage } from '../storage/index';

export interface StorageOptions {
  'data-dir'?: string | undefined;
  config?: string | undefined;
}

/** The storage named by the options, migrated; undefined when neither option is given. */
export async function openCliStorage(options: StorageOptions): Promise<Storage | undefined> {
  if (options['data-dir'] && options.config) throw new Error('--data-dir et --config sont exclusifs');
  if (options['data-dir']) return openStorage({ driver: 'pglite', dataDir: resolve(options['data-dir']) });
  if (!options.config) return undefined;
  const config = await loadBackendConfig(options.config, process.env);
  const storage = config.storage;
  return openStorage(
    storage.driver === 'pglite' && storage.dataDir
      ? { ...storage, dataDir: resolve(config.baseDir, storage.dataDir) }
      : storage,
  );
}
