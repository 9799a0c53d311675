// The console window: sandboxed, isolated, no Node, loaded from the app's own origin (docs/design.md §9).
// The options are written inline in `new BrowserWindow({...})` on purpose: that is where Electronegativity reads
// them, and where a security review looks for them.
import { fileURLToPath } from 'node:url';
import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from './app-origin';

export const PRELOAD_PATH = fileURLToPath(new URL('../preload/preload.cjs', import.meta.url));
export const RENDERER_DIR = fileURLToPath(new URL('../renderer', import.meta.url));

export interface MainWindowOptions {
  preloadPath?: string;
  url?: string;
}

export interface OpenedWindow {
  window: BrowserWindow;
  /** Settles when the console page has loaded (or failed to). */
  loaded: Promise<void>;
}

/** Creates the console window and starts loading the app's page; the window exists at once for launches to reveal. */
export function openMainWindow(options: MainWindowOptions = {}): OpenedWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    title: 'SAS Console',
    show: true,
    backgroundColor: '#f6f6f6',
    webPreferences: {
      // Electronegativity asks for a review of any preload. Reviewed: it is our own bundle (dist/preload/preload.cjs,
      // from electron/preload/preload.ts), requires nothing but `electron`, and exposes named console calls through
      // contextBridge, never ipcRenderer itself.
      preload: options.preloadPath ?? PRELOAD_PATH, // eng-disable PRELOAD_JS_CHECK
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // A middle click on a link would open a new window; the window-open guard refuses it anyway.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  return { window, loaded: window.loadURL(options.url ?? APP_ENTRY_URL) };
}

/** Brings the console in front of the regulator when the LRM launches it: restored, shown and focused. */
export function revealWindow(
  window: Pick<BrowserWindow, 'isDestroyed' | 'isMinimized' | 'restore' | 'show' | 'focus'> | undefined,
): void {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
