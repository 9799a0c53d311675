// The renderer's only door to the console: named functions over IPC, never ipcRenderer itself (docs/design.md §4, §9).
// Bundled as one CommonJS file: a sandboxed preload can require nothing but `electron`.
// Each call resolves with its outcome object, failures included: contextBridge would strip a thrown error down to
// its message. The renderer's console client turns a failed outcome into a rejected ConsoleError.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  CONSOLE_EVENT_NAMES,
  callChannel,
  eventChannel,
  type ConsoleEventName,
  type ConsoleEvents,
} from '../../shared/api/console-api';
import { TRANSPORT_FAILURE, type CallOutcome } from '../../shared/api/errors';
import { makeOutcomeCalls, type ConsoleBridge } from '../../shared/api/make-calls';

const calls = makeOutcomeCalls(async (name, args): Promise<CallOutcome<unknown>> => {
  try {
    return (await ipcRenderer.invoke(callChannel(name), args)) as CallOutcome<unknown>;
  } catch {
    return { ok: false, error: TRANSPORT_FAILURE };
  }
});

export const preloadApi = {
  ...calls,
  on<E extends ConsoleEventName>(event: E, listener: (payload: ConsoleEvents[E]) => void) {
    if (!(CONSOLE_EVENT_NAMES as readonly string[]).includes(event))
      throw new Error(`Événement inconnu : ${String(event)}`);
    const channel = eventChannel(event);
    const handler = (_event: IpcRendererEvent, payload: ConsoleEvents[E]) => listener(payload);
    ipcRenderer.on(channel, handler);
    return () => {
      ipcRenderer.removeListener(channel, handler);
    };
  },
} satisfies ConsoleBridge;

contextBridge.exposeInMainWorld('sasConsole', preloadApi);
