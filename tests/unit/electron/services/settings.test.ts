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
    // '' would mean training: a damaged address is flagged so the console says it is misconfigured instead.
    expect(load.backendUrlDamaged).toBe(true);
  });

  it('flags the backend address as damaged only when it was present and invalid, or unreadable', () => {
    expect(loadSettings(new MemorySettingsStore({ bookingOrigin: 'a b' })).backendUrlDamaged).toBeUndefined();
    expect(loadSettings(new MemorySettingsStore({ backendUrl: 'https://sas.example.fr' })).backendUrlDamaged).toBe(
      undefined,
    );
    expect(loadSettings(new MemorySettingsStore([1, 2])).backendUrlDamaged).toBe(true);
    expect(loadSettings(new MemorySettingsStore('texte')).backendUrlDamaged).toBe(true);
    expect(loadSettings(new MemorySettingsStore({ backendUrl: 'javascript:alert(1)' })).backendUrlDamaged).toBe(true);
    const unreadable = loadSettings({
      read: () => {
        throw new SyntaxError('Unexpected end of JSON input');
      },
      write: () => {},
    });
    expect(unreadable.backendUrlDamaged).toBe(true);
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
    const next = service.update({ environmentLabel: 'PRÉPRODUCTION', ui: { showMap: false } });
    expect(next.environmentLabel).toBe('PRÉPRODUCTION');
    expect(next.ui).toEqual({ density: 'comfortable', showMap: false });
    expect(store.read()).toEqual(next);
    expect(() => service.update({ bookingOrigin: 'a b' })).toThrow(
      /Paramètres refusés : valeur invalide pour bookingOrigin/u,
    );
    expect(service.get().bookingOrigin).toBe('sas');
  });

  it('refuses a backend address from the renderer: set by the administrator only, readable by the page', () => {
    const store = new MemorySettingsStore({ ...DEFAULT_SETTINGS, backendUrl: 'https://sas.example.fr' });
    const service = new SettingsService(store);
    for (const backendUrl of ['https://attacker.example', '', 'http://127.0.0.1:9']) {
      expect(() => service.update({ backendUrl } as never)).toThrow(/Paramètres refusés/u);
    }
    expect(service.get().backendUrl).toBe('https://sas.example.fr');
    expect((store.read() as { backendUrl: string }).backendUrl).toBe('https://sas.example.fr');
  });
});
