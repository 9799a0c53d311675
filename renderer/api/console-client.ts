// The renderer's single way to the console: the preload's `window.sasConsole` under Electron, else the web
// harness's bridge. No other renderer code knows which one it got.
import type { ConsoleApi } from '../../shared/api/console-api';
import { createBridgeClient } from './bridge-client';

declare global {
  interface Window {
    sasConsole?: ConsoleApi;
  }
}

let api: ConsoleApi | undefined;

export function getConsoleApi(): ConsoleApi {
  if (api) return api;
  if (window.sasConsole) {
    api = window.sasConsole;
    return api;
  }
  const token = document.querySelector<HTMLMetaElement>('meta[name="sas-bridge-token"]')?.content ?? '';
  api = createBridgeClient({
    baseUrl: window.location.origin,
    token,
    openWindow: (url) => {
      window.open(url, '_blank', 'noopener');
    },
  });
  return api;
}
