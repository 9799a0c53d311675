// A publisher that keeps failing is set aside for a while, so every search does not wait for its timeout:
// a regulator on the phone needs the others' answers, and the strip says which publisher was set aside.
export interface CircuitBreakerOptions {
  /** Consecutive failed searches before the publisher is set aside. */
  failureThreshold: number;
  /** How long it stays aside before one search tries it again. */
  coolDownMs: number;
  now?: () => number;
}

interface BreakerState {
  consecutiveFailures: number;
  openUntil: number;
}

export class CircuitBreaker {
  private readonly states = new Map<string, BreakerState>();
  private readonly now: () => number;

  constructor(private readonly options: CircuitBreakerOptions) {
    this.now = options.now ?? Date.now;
  }

  /** True when the publisher may be asked now (closed, or half-open after the cool-down). */
  allows(publisherId: string): boolean {
    const state = this.states.get(publisherId);
    return !state || state.openUntil <= this.now();
  }

  recordSuccess(publisherId: string): void {
    this.states.delete(publisherId);
  }

  recordFailure(publisherId: string): void {
    const state = this.states.get(publisherId) ?? { consecutiveFailures: 0, openUntil: 0 };
    state.consecutiveFailures += 1;
    if (state.consecutiveFailures >= this.options.failureThreshold)
      state.openUntil = this.now() + this.options.coolDownMs;
    this.states.set(publisherId, state);
  }
}
