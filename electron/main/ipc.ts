// The one wrapper through which main answers the renderer: every call's sender frame is checked to be the app's
// own top frame, then its arguments are validated against the contract before a service sees them.
import type { IpcMain, IpcMainInvokeEvent, WebContents, WebFrameMain } from 'electron';
import { CONSOLE_EVENT_NAMES, callChannel, eventChannel } from '../../shared/api/console-api';
import { CONSOLE_CALL_NAMES } from '../../shared/api/console-api-schemas';
import type { CallOutcome } from '../../shared/api/errors';
import { dispatchCall } from '../services/call-dispatch';
import type { ConsoleCore } from '../services/console-core';
import { isAppUrl } from './app-origin';

/**
 * Only the console page itself may call main: the top frame (no parent), showing a page of the app's own origin.
 * A subframe, a page that navigated elsewhere, or a frame already gone (null) is refused.
 */
export function isTrustedFrame(frame: Pick<WebFrameMain, 'parent' | 'url'> | null | undefined): boolean {
  if (!frame || frame.parent !== null) return false;
  return isAppUrl(frame.url);
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
