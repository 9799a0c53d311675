// Typed publish/subscribe between the console's services and whichever transport (IPC or the web harness's
// event stream) carries events to the renderer.
import type { ConsoleEventName, ConsoleEvents, Unsubscribe } from '../../shared/api/console-api';

type Listener<E extends ConsoleEventName> = (payload: ConsoleEvents[E]) => void;

export class ConsoleEventBus {
  private readonly listeners = new Map<ConsoleEventName, Set<Listener<ConsoleEventName>>>();

  on<E extends ConsoleEventName>(event: E, listener: Listener<E>): Unsubscribe {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    const entry = listener as Listener<ConsoleEventName>;
    set.add(entry);
    return () => set.delete(entry);
  }

  emit<E extends ConsoleEventName>(event: E, payload: ConsoleEvents[E]): void {
    for (const listener of this.listeners.get(event) ?? []) {
      // One failing transport (a closed window, a dropped stream) must not stop the others.
      try {
        listener(payload);
      } catch {
        /* the transport reports its own failures */
      }
    }
  }
}
