// The breaker on one instance (no shared state): set aside after the threshold of consecutive failures, tried again
// after the cool-down, closed by a success. The shared version runs in tests/integration/multi-instance.
import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from '@backend/search/circuit-breaker';

describe('circuit breaker (one instance)', () => {
  it('sets a publisher aside after the threshold, then lets one search try it after the cool-down', () => {
    let now = 1_000;
    const breaker = new CircuitBreaker({ failureThreshold: 3, coolDownMs: 60_000, now: () => now });
    breaker.recordFailure('p');
    breaker.recordFailure('p');
    expect(breaker.allows('p')).toBe(true);
    breaker.recordFailure('p');
    expect(breaker.allows('p')).toBe(false);
    expect(breaker.allows('other')).toBe(true);
    now += 60_000;
    expect(breaker.allows('p')).toBe(true);
    breaker.recordSuccess('p');
    breaker.recordFailure('p');
    expect(breaker.allows('p')).toBe(true);
  });
});
