import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, loadSettings, MemorySettingsStore, SettingsService } from '@services/settings';

describe('settings', () => {
  it('starts from defaults (training) with no stored file', () => {
    expect(loadSettings(new MemorySettingsStore())).toEqual({ settings: DEFAULT_SETTINGS });
  });

  it('keeps valid fields of a damaged file and names the bad ones in French', () => {
    const load = loadSettings(
      new MemorySettingsStore({
        backendUrl: 'pas une url',
        bookingOrigin: 'sas',
        ui: { density: 'compact', showMap: 'oui' },
      }),
    );
    expect(load.settings.backendUrl).toBe('');
    expect(load.settings.ui).toEqual({ density: 'compact', showMap: true });
    expect(load.problem).toMatch(/Paramètres invalides \(.*backendUrl.*\)/u);
  });

  it('survives a store that throws or holds a non-object', () => {
    expect(
      loadSettings({
        read: () => {
          throw new Error('EACCES');
        },
        write: () => {},
      }).problem,
    ).toMatch(/illisibles/u);
    expect(loadSettings(new MemorySettingsStore('texte')).settings).toEqual(DEFAULT_SETTINGS);
  });

  it('updates by patch, validates, and writes', () => {
    const store = new MemorySettingsStore();
    const service = new SettingsService(store);
    const next = service.update({ backendUrl: 'https://sas.example.fr', ui: { showMap: false } });
    expect(next.backendUrl).toBe('https://sas.example.fr');
    expect(next.ui).toEqual({ density: 'comfortable', showMap: false });
    expect(store.read()).toEqual(next);
    expect(() => service.update({ bookingOrigin: 'a b' })).toThrow(
      /Paramètres refusés : valeur invalide pour bookingOrigin/u,
    );
    expect(service.get().bookingOrigin).toBe('sas');
  });
});
