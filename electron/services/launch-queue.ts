// Launches from the LRM wait here until the renderer takes them. Valid launches wait for a session too: a
// regulator who is not logged in yet must not lose the call's context; a malformed launch is shown at once.
import type { LaunchEvent } from '../../shared/api/console-api';
import type { LaunchParseResult } from '../../shared/domain/launch';

export interface LaunchQueueDeps {
  parse: (input: string | readonly string[]) => LaunchParseResult;
  now: () => Date;
  newId: () => string;
  /** Called when a launch becomes available to the renderer. */
  onReady: (event: LaunchEvent) => void;
  /** Called when the number of launches waiting for a login changes. */
  onWaitingChange?: (count: number) => void;
}

/** At most this many launches wait: an LRM stuck in a loop must not grow memory without bound. */
const MAX_WAITING = 50;

export class LaunchQueue {
  private readonly waiting: LaunchEvent[] = [];
  private loggedIn = false;

  constructor(private readonly deps: LaunchQueueDeps) {}

  /** Parses and queues one launch; returns it so callers (main) can log its outcome without patient data. */
  receive(input: string | readonly string[]): LaunchEvent {
    const event: LaunchEvent = {
      id: this.deps.newId(),
      receivedAt: this.deps.now().toISOString(),
      result: this.deps.parse(input),
    };
    this.waiting.push(event);
    if (this.waiting.length > MAX_WAITING) this.waiting.shift();
    if (this.isDeliverable(event)) this.deps.onReady(event);
    else this.deps.onWaitingChange?.(this.pendingCount());
    return event;
  }

  setLoggedIn(loggedIn: boolean): void {
    const becameLoggedIn = loggedIn && !this.loggedIn;
    this.loggedIn = loggedIn;
    if (becameLoggedIn) {
      for (const event of this.waiting) if (event.result.ok) this.deps.onReady(event);
      this.deps.onWaitingChange?.(0);
    }
  }

  /** Removes and returns what the renderer may show now; valid launches stay queued until login. */
  take(): LaunchEvent[] {
    const ready = this.waiting.filter((event) => this.isDeliverable(event));
    const kept = this.waiting.filter((event) => !this.isDeliverable(event));
    this.waiting.splice(0, this.waiting.length, ...kept);
    return ready;
  }

  /** Number of launches waiting for a session (shown on the login screen). */
  pendingCount(): number {
    return this.waiting.filter((event) => !this.isDeliverable(event)).length;
  }

  private isDeliverable(event: LaunchEvent): boolean {
    return !event.result.ok || this.loggedIn;
  }
}
