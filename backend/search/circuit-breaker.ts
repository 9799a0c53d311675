// A publisher that keeps failing is set aside for a while, so every search does not wait for its timeout:
// a regulator on the phone needs the others' answers, and the strip says which publisher was set aside.
//
// Several instances behind a load balancer share one breaker per publisher (`shared`): failures are counted in the
// database, so the publisher is set aside after `failureThreshold` failed searches whichever instances ran them,
// and every instance stops asking it. Decisions stay synchronous and local (a search never waits on the database to
// know whom to ask): each instance keeps a copy, updated by its own writes and re-read every `refreshMs`.
import type { BreakerRecord, PublisherBreakerRepository } from '../storage/publisher-breakers';

export interface CircuitBreakerOptions {
  /** Consecutive failed searches before the publisher is set aside. */
  failureThreshold: number;
  /** How long it stays aside before one search tries it again. */
  coolDownMs: number;
  now?: () => number;
  /** Shared state across instances; absent: this process only. */
  shared?: {
    repository: PublisherBreakerRepository;
    /** How often the other instances' decisions are read (default 2 s). */
    refreshMs?: number;
    onError: (error: unknown) => void;
  };
}

interface BreakerState {
  consecutiveFailures: number;
  openUntil: number;
}

export class CircuitBreaker {
  private states = new Map<string, BreakerState>();
  private readonly now: () => number;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: CircuitBreakerOptions) {
    this.now = options.now ?? Date.now;
    const shared = options.shared;
    if (shared) {
      this.timer = setInterval(() => void this.refresh(), shared.refreshMs ?? 2_000);
      this.timer.unref();
    }
  }

  /** True when the publisher may be asked now (closed, or half-open after the cool-down). */
  allows(publisherId: string): boolean {
    const state = this.states.get(publisherId);
    return !state || state.openUntil <= this.now();
  }

  recordSuccess(publisherId: string): void {
    this.states.delete(publisherId);
    const shared = this.options.shared;
    shared?.repository.recordSuccess(publisherId).catch(shared.onError);
  }

  recordFailure(publisherId: string): void {
    const state = this.states.get(publisherId) ?? { consecutiveFailures: 0, openUntil: 0 };
    state.consecutiveFailures += 1;
    if (state.consecutiveFailures >= this.options.failureThreshold)
      state.openUntil = this.now() + this.options.coolDownMs;
    this.states.set(publisherId, state);
    const shared = this.options.shared;
    if (!shared) return;
    // The database's count is the one that holds: it includes the other instances' failures.
    shared.repository
      .recordFailure(publisherId, this.options.failureThreshold, this.options.coolDownMs)
      .then((record) => this.adopt(record))
      .catch(shared.onError);
  }

  /** Reads every instance's decisions now (also done every `refreshMs`). */
  async refresh(): Promise<void> {
    const shared = this.options.shared;
    if (!shared) return;
    try {
      const records = await shared.repository.list();
      this.states = new Map();
      for (const record of records) this.adopt(record);
    } catch (error) {
      // Storage unreachable: keep deciding on what this instance knows.
      shared.onError(error);
    }
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private adopt(record: BreakerRecord): void {
    this.states.set(record.publisherId, {
      consecutiveFailures: record.consecutiveFailures,
      openUntil: record.openUntil,
    });
  }
}
