import { beforeEach, describe, expect, it } from 'vitest';
import { openMainWindow, PRELOAD_PATH, revealWindow } from '@main/window';
import { BrowserWindow, resetElectronStub } from '@tests/stubs/electron';

beforeEach(() => resetElectronStub());

describe('the console window', () => {
  it('is sandboxed, isolated and without Node, with our preload only', () => {
    const { window } = openMainWindow();
    const prefs = (window as unknown as BrowserWindow).options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(prefs.preload).toBe(PRELOAD_PATH);
    expect(PRELOAD_PATH).toMatch(/preload[\\/]preload\.cjs$/u);
    // Nothing that would loosen the defaults.
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
  });

  it('loads the app page from the app origin, never file://', async () => {
    const { window, loaded } = openMainWindow({ preloadPath: '/x/preload.cjs' });
    await loaded;
    const fake = window as unknown as BrowserWindow;
    expect(fake.loadedUrls).toEqual(['app://console/index.html']);
    expect((fake.options.webPreferences as Record<string, unknown>).preload).toBe('/x/preload.cjs');
  });

  it('is brought to the front on a launch: restored when minimised, shown, focused', () => {
    const fake = new BrowserWindow();
    fake.minimized = true;
    revealWindow(fake as never);
    expect(fake.calls).toEqual(['restore', 'show', 'focus']);

    const other = new BrowserWindow();
    revealWindow(other as never);
    expect(other.calls).toEqual(['show', 'focus']);
  });

  it('ignores a launch when there is no window yet, or it is gone', () => {
    expect(() => revealWindow(undefined)).not.toThrow();
    const gone = new BrowserWindow();
    gone.destroyed = true;
    revealWindow(gone as never);
    expect(gone.calls).toEqual([]);
  });
});
