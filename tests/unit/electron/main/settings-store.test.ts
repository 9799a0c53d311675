import { mkdtemp, readFile, rm, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConsoleSettings } from '@shared/api/console-api';
import { ConsoleError } from '@shared/api/errors';
import {
  ELECTRON_STORE_CHANNEL,
  ElectronSettingsStore,
  electronStoreFactory,
  type JsonFileStoreFactory,
  type JsonFileStoreOptions,
} from '@main/settings-store';
import { DEFAULT_SETTINGS, SettingsService } from '@services/settings';
import { FakeIpcMain } from '@tests/stubs/electron';

// electron-store is a thin subclass of `conf` that only adds Electron's user-data folder; importing it here would
// load the real `electron` package (whose binary cannot be downloaded). `conf` does all the file work, so the
// store runs on it, in a temporary folder.
let dir: string;
let opened: JsonFileStoreOptions[];

function confFactory(): JsonFileStoreFactory {
  return (options) => {
    opened.push(options);
    const { name, ...rest } = options;
    return new Conf<Record<string, unknown>>({ ...rest, configName: name, cwd: dir });
  };
}

const settingsFile = () => join(dir, 'settings.json');

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sas-settings-'));
  opened = [];
});
afterEach(async () => {
  await chmod(dir, 0o700).catch(() => {});
  await rm(dir, { recursive: true, force: true });
});

describe('ElectronSettingsStore', () => {
  it('first start: no file, defaults, no problem, nothing written', async () => {
    const service = new SettingsService(new ElectronSettingsStore(confFactory()));
    expect(service.get()).toEqual(DEFAULT_SETTINGS);
    expect(service.loadProblem).toBeUndefined();
    await expect(readFile(settingsFile(), 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('round-trips settings through the file, across restarts', async () => {
    const first = new SettingsService(new ElectronSettingsStore(confFactory()));
    first.update({
      environmentLabel: 'PRÉPRODUCTION',
      ui: { density: 'compact' },
    });
    const onDisk = JSON.parse(await readFile(settingsFile(), 'utf8')) as ConsoleSettings;
    expect(onDisk).toEqual({
      backendUrl: '',
      environmentLabel: 'PRÉPRODUCTION',
      bookingOrigin: 'sas',
      ui: { density: 'compact', showMap: true },
    });
    const second = new SettingsService(new ElectronSettingsStore(confFactory()));
    expect(second.get()).toEqual(onDisk);
    expect(second.loadProblem).toBeUndefined();
  });

  it('asks the file layer never to throw on a corrupt file, and not to watch it', () => {
    new SettingsService(new ElectronSettingsStore(confFactory()));
    expect(opened[0]).toMatchObject({
      name: 'settings',
      clearInvalidConfig: false,
      watch: false,
      accessPropertiesByDotNotation: false,
    });
  });

  it('a corrupt file: defaults, a French reason, and the next save repairs it', async () => {
    await writeFile(settingsFile(), '{"backendUrl": "https://sas.example.fr/", ');
    const service = new SettingsService(new ElectronSettingsStore(confFactory()));
    expect(service.get()).toEqual(DEFAULT_SETTINGS);
    expect(service.loadProblem).toMatch(
      /^Paramètres illisibles \(fichier des paramètres corrompu \(JSON invalide\)\)/u,
    );
    service.update({ ui: { showMap: false } });
    const reread = new SettingsService(new ElectronSettingsStore(confFactory()));
    expect(reread.loadProblem).toBeUndefined();
    expect(reread.get().ui.showMap).toBe(false);
  });

  it('a file that is JSON but not an object is reported too', async () => {
    await writeFile(settingsFile(), '["https://sas.example.fr/"]');
    const service = new SettingsService(new ElectronSettingsStore(confFactory()));
    expect(service.get()).toEqual(DEFAULT_SETTINGS);
    expect(service.loadProblem).toMatch(/ce n’est pas un objet JSON/u);
  });

  it('invalid fields fall back one by one (SettingsService validation on load)', async () => {
    await writeFile(
      settingsFile(),
      JSON.stringify({
        backendUrl: 'javascript:alert(1)',
        environmentLabel: 'RECETTE',
        bookingOrigin: 'sas',
        ui: { density: 'compact', showMap: true },
      }),
    );
    const service = new SettingsService(new ElectronSettingsStore(confFactory()));
    expect(service.get()).toMatchObject({ backendUrl: '', environmentLabel: 'RECETTE', ui: { density: 'compact' } });
    expect(service.loadProblem).toMatch(/backendUrl/u);
  });

  it('refuses to save any backend URL from the page, in French, and keeps the file as it was', async () => {
    const service = new SettingsService(new ElectronSettingsStore(confFactory()));
    service.update({ environmentLabel: 'RECETTE' });
    for (const backendUrl of ['javascript:alert(1)', 'file:///etc/passwd', 'https://sas.example.fr/']) {
      try {
        service.update({ backendUrl } as never);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(ConsoleError);
        expect(error).toMatchObject({
          code: 'invalid-settings',
          message: 'Paramètres refusés : valeur invalide pour backendUrl.',
        });
      }
    }
    expect(JSON.parse(await readFile(settingsFile(), 'utf8'))).toMatchObject({
      backendUrl: '',
      environmentLabel: 'RECETTE',
    });
  });

  it('writes only the settings fields, whatever the object carries', async () => {
    const store = new ElectronSettingsStore(confFactory());
    const withExtra = {
      ...DEFAULT_SETTINGS,
      patientAddress: '12 rue de la Paix',
      ui: { ...DEFAULT_SETTINGS.ui, lastSearch: 'Agen' },
    };
    store.write(withExtra as ConsoleSettings);
    const text = await readFile(settingsFile(), 'utf8');
    expect(text).not.toContain('Paix');
    expect(text).not.toContain('Agen');
    expect(JSON.parse(text)).toEqual(DEFAULT_SETTINGS);
  });

  it('an unreadable folder: a reason without the user’s path; a failed save is a console error in French', async () => {
    if (process.getuid?.() === 0) {
      // root reads through permissions: simulate the failure at the file layer instead.
      const failing = new ElectronSettingsStore(() => {
        throw Object.assign(new Error(`EACCES: permission denied, open '${settingsFile()}'`), { code: 'EACCES' });
      });
      expect(() => failing.read()).toThrow(/^fichier des paramètres inaccessible \(EACCES\)$/u);
      expect(() => failing.write(DEFAULT_SETTINGS)).toThrow(ConsoleError);
      try {
        failing.write(DEFAULT_SETTINGS);
      } catch (error) {
        expect((error as ConsoleError).code).toBe('settings-not-saved');
        expect((error as Error).message).not.toContain(dir);
      }
      return;
    }
    await chmod(dir, 0o000);
    const store = new ElectronSettingsStore(confFactory());
    expect(() => store.read()).toThrow(/inaccessible/u);
    expect(() => store.write(DEFAULT_SETTINGS)).toThrow(ConsoleError);
  });

  it('removes electron-store’s own IPC channel: the renderer has no use for it', () => {
    const ipcMain = new FakeIpcMain();
    class FakeElectronStore {
      store: Record<string, unknown> = {};
      readonly path = '/dev/null';
      constructor(_options: JsonFileStoreOptions) {
        // What electron-store does in its constructor, in the main process.
        ipcMain.on(ELECTRON_STORE_CHANNEL, () => {});
      }
    }
    const factory = electronStoreFactory(FakeElectronStore, ipcMain as never);
    factory({
      name: 'settings',
      clearInvalidConfig: false,
      accessPropertiesByDotNotation: false,
      watch: false,
      deserialize: JSON.parse,
    });
    expect(ipcMain.listenerCount(ELECTRON_STORE_CHANNEL)).toBe(0);
  });
});
