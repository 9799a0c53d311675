// The renderer's only door to the console: named functions over IPC, never ipcRenderer itself (design.md §4-5).
// Bundled as one CommonJS file: a sandboxed preload can require nothing but `electron`.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  CONSOLE_EVENT_NAMES,
  callChannel,
  eventChannel,
  type ConsoleApi,
  type ConsoleEventName,
  type ConsoleEvents,
} from '../../shared/api/console-api';
import { encodeConsoleError, type CallOutcome } from '../../shared/api/errors';
import { makeConsoleCalls } from '../../shared/api/make-calls';

const calls = makeConsoleCalls(async (name, args) => {
  const outcome = (await ipcRenderer.invoke(callChannel(name), args)) as CallOutcome<unknown>;
  if (outcome.ok) return outcome.value;
  throw new Error(encodeConsoleError(outcome.error));
});

export const preloadApi = {
  ...calls,
  on<E extends ConsoleEventName>(event: E, listener: (payload: ConsoleEvents[E]) => void) {
    if (!(CONSOLE_EVENT_NAMES as readonly string[]).includes(event)) throw new Error(`Événement inconnu : ${String(event)}`);
    const channel = eventChannel(event);
    const handler = (_event: IpcRendererEvent, payload: ConsoleEvents[E]) => listener(payload);
    ipcRenderer.on(channel, handler);
    return () => {
      ipcRenderer.removeListener(channel, handler);
    };
  },
} satisfies ConsoleApi;

contextBridge.exposeInMainWorld('sasConsole', preloadApi);
