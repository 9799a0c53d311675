// The console API over HTTP, for the web harness: calls are POSTs, events arrive as server-sent events.
// Same contract as the preload, checked by `satisfies ConsoleApi`.
import {
  CONSOLE_EVENT_NAMES,
  type ConsoleApi,
  type ConsoleEventName,
  type ConsoleEvents,
} from '../../shared/api/console-api';
import { ConsoleError, TRANSPORT_FAILURE, settleOutcome } from '../../shared/api/errors';
import { makeConsoleCalls } from '../../shared/api/make-calls';

/** Harness-only event: the harness's "open in the system browser" opens a page of this same browser. */
const OPEN_EXTERNAL_EVENT = 'open-external';

export interface BridgeOptions {
  baseUrl: string;
  openWindow: (url: string) => void;
}

export function createBridgeClient(options: BridgeOptions) {
  const calls = makeConsoleCalls(async (name, args) => {
    let response: Response;
    try {
      response = await fetch(`${options.baseUrl}/api/call/${name}`, {
        method: 'POST',
        // The bridge's token travels in its HttpOnly cookie (this page never sees it); the header proves a script of
        // this page sent the call, not a form or a link of another site.
        headers: { 'content-type': 'application/json', 'x-sas-bridge': '1' },
        credentials: 'same-origin',
        body: JSON.stringify({ args }),
      });
    } catch {
      throw new ConsoleError(TRANSPORT_FAILURE.code, TRANSPORT_FAILURE.message);
    }
    // The bridge answers every call with its outcome; anything else (a refusal, a broken page) is a transport failure.
    return settleOutcome(await response.json().catch(() => undefined));
  });

  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const source = new EventSource(`${options.baseUrl}/api/events`);
  for (const name of CONSOLE_EVENT_NAMES) {
    source.addEventListener(name, (message) => {
      const payload: unknown = JSON.parse((message as MessageEvent<string>).data);
      for (const listener of listeners.get(name) ?? []) listener(payload);
    });
  }
  source.addEventListener(OPEN_EXTERNAL_EVENT, (message) => {
    const { url } = JSON.parse((message as MessageEvent<string>).data) as { url: string };
    options.openWindow(url);
  });

  return {
    ...calls,
    on<E extends ConsoleEventName>(event: E, listener: (payload: ConsoleEvents[E]) => void) {
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
      }
      const entry = listener as (payload: unknown) => void;
      set.add(entry);
      return () => {
        set.delete(entry);
      };
    },
  } satisfies ConsoleApi;
}
