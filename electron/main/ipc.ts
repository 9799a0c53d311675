// The one wrapper through which main answers the renderer: every call's sender frame is checked to be the app's
// own top frame, then its arguments are validated against the contract before a service sees them.
import type { IpcMain, IpcMainInvokeEvent, WebContents, WebFrameMain } from 'electron';
import { CONSOLE_EVENT_NAMES, callChannel, eventChannel } from '../../shared/api/console-api';
import { CONSOLE_CALL_NAMES } from '../../shared/api/console-api-schemas';
import type { CallOutcome } from '../../shared/api/errors';
import { dispatchCall } from '../services/call-dispatch';
import type { ConsoleCore } from '../services/console-core';

/** The app's own pages are served from this origin (see app-protocol.ts). */
export const APP_ORIGIN = 'app://console';

export function isTrustedFrame(frame: WebFrameMain | null | undefined): boolean {
  if (!frame || frame.parent !== null) return false;
  try {
    return new URL(frame.url).origin === APP_ORIGIN || frame.url.startsWith(`${APP_ORIGIN}/`);
  } catch {
    return false;
  }
}

const REFUSED: CallOutcome<never> = {
  ok: false,
  error: { code: 'forbidden-sender', message: 'Appel refusé : il ne provient pas de la console.' },
};

export function registerConsoleIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  core: ConsoleCore,
  onUnexpected: (where: string, error: unknown) => void,
): () => void {
  for (const name of CONSOLE_CALL_NAMES) {
    ipcMain.handle(callChannel(name), (event: IpcMainInvokeEvent, args: unknown) => {
      if (!isTrustedFrame(event.senderFrame)) return REFUSED;
      return dispatchCall(core.calls, name, args, (call, error) => onUnexpected(`ipc ${call}`, error));
    });
  }
  return () => {
    for (const name of CONSOLE_CALL_NAMES) ipcMain.removeHandler(callChannel(name));
  };
}

/** Forwards the services' events to the console window, and only to it. */
export function forwardConsoleEvents(core: ConsoleCore, target: () => WebContents | undefined): () => void {
  const unsubscribe = CONSOLE_EVENT_NAMES.map((name) =>
    core.bus.on(name, (payload) => {
      const contents = target();
      if (contents && !contents.isDestroyed()) contents.send(eventChannel(name), payload);
    }),
  );
  return () => {
    for (const u of unsubscribe) u();
  };
}
