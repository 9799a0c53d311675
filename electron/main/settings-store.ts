// Console settings on disk through electron-store (docs/design.md §2): one JSON file in the user's data folder.
// It holds only ConsoleSettings (backend URL, environment label, booking origin, UI preferences), never patient
// data: `write` copies those fields by name, so nothing else can slip into the file.
// Validation is SettingsService's (zod, field by field with a French report); the file layer only has to never
// throw a corrupt file at main's start, and to say what was wrong with it.
import type { IpcMain } from 'electron';
import type { ConsoleSettings } from '../../shared/api/console-api';
import { consoleSettingsSchema } from '../../shared/api/console-settings';
import { ConsoleError } from '../../shared/api/errors';
import type { SettingsStore } from '../services/settings';

/** What this module needs of electron-store (and of `conf`, its base class). */
export interface JsonFileStore {
  store: Record<string, unknown>;
  readonly path: string;
}

export interface JsonFileStoreOptions {
  /** File name without extension, in the app's user-data folder. */
  name: string;
  /** Throwing on a corrupt file would stop the console at start; `deserialize` below reports it instead. */
  clearInvalidConfig: false;
  accessPropertiesByDotNotation: false;
  watch: false;
  deserialize: (text: string) => Record<string, unknown>;
}

export type JsonFileStoreFactory = (options: JsonFileStoreOptions) => JsonFileStore;

/**
 * electron-store registers an IPC channel of its own (`electron-store-get-data`, for renderer-side stores) that
 * answers any renderer with the user-data path. The console's renderer never uses it: it is removed, so the only
 * IPC surface left is the checked console API.
 */
export const ELECTRON_STORE_CHANNEL = 'electron-store-get-data';

export function electronStoreFactory(
  Store: new (options: JsonFileStoreOptions) => JsonFileStore,
  ipcMain: Pick<IpcMain, 'removeAllListeners'>,
): JsonFileStoreFactory {
  return (options) => {
    const store = new Store(options);
    ipcMain.removeAllListeners(ELECTRON_STORE_CHANNEL);
    return store;
  };
}

/** The fields kept on disk: the settings schema's own, nothing else (an object schema drops unknown keys). */
function storedSettings(settings: ConsoleSettings): ConsoleSettings {
  return consoleSettingsSchema.parse(settings);
}

export class ElectronSettingsStore implements SettingsStore {
  private file: JsonFileStore | undefined;
  /** Set by `deserialize` when the file on disk is not a JSON object; read back by `read`. */
  private problem: string | undefined;

  constructor(
    private readonly openFile: JsonFileStoreFactory,
    private readonly name = 'settings',
  ) {}

  /** The stored object, undefined at first start; throws a French reason when the file is unusable. */
  read(): unknown {
    let data: Record<string, unknown>;
    try {
      const file = this.open();
      this.problem = undefined;
      data = file.store;
    } catch (error) {
      // Node's messages carry the file path (the user's name): only the error code is kept.
      throw new Error(`fichier des paramètres inaccessible (${errorCode(error)})`);
    }
    if (this.problem !== undefined) throw new Error(this.problem);
    return Object.keys(data).length === 0 ? undefined : data;
  }

  write(settings: ConsoleSettings): void {
    try {
      this.open().store = { ...storedSettings(settings) };
    } catch (error) {
      throw new ConsoleError(
        'settings-not-saved',
        `Paramètres non enregistrés : le fichier des paramètres n’est pas accessible en écriture (${errorCode(error)}).`,
      );
    }
  }

  private open(): JsonFileStore {
    this.file ??= this.openFile({
      name: this.name,
      clearInvalidConfig: false,
      accessPropertiesByDotNotation: false,
      watch: false,
      deserialize: (text) => this.deserialize(text),
    });
    return this.file;
  }

  private deserialize(text: string): Record<string, unknown> {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      this.problem = 'fichier des paramètres corrompu (JSON invalide)';
      return {};
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.problem = 'fichier des paramètres corrompu (ce n’est pas un objet JSON)';
      return {};
    }
    return value as Record<string, unknown>;
  }
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[A-Z0-9_]{1,30}$/u.test(code) ? code : 'erreur inconnue';
}
