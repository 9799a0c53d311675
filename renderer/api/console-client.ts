// The renderer's single way to the console: the preload's `window.sasConsole` under Electron, else the web
// harness's bridge. No other renderer code knows which one it got: both reject a failed call with a ConsoleError.
import type { ConsoleApi } from '../../shared/api/console-api';
import { callsFromOutcomes, type ConsoleBridge } from '../../shared/api/make-calls';
import { createBridgeClient } from './bridge-client';

declare global {
  interface Window {
    /** Set by the preload: each call resolves with its outcome (a thrown error would lose its code on the way). */
    sasConsole?: ConsoleBridge;
  }
}

let api: ConsoleApi | undefined;

export function getConsoleApi(): ConsoleApi {
  if (api) return api;
  const bridge = window.sasConsole;
  if (bridge) {
    api = { ...callsFromOutcomes(bridge), on: (event, listener) => bridge.on(event, listener) };
    return api;
  }
  api = createBridgeClient({
    baseUrl: window.location.origin,
    openWindow: (url) => {
      window.open(url, '_blank', 'noopener');
    },
  });
  return api;
}
