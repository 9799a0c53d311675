// The breaker on one instance (no shared state): set aside after the threshold of consecutive failures, tried again
// after the cool-down, closed by a success. The shared version runs in tests/integration/multi-instance.
import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from '@backend/search/circuit-breaker';

describe('CircuitBreaker', () => {
  it('sets a publisher aside after consecutive failures, then lets one search try it after the cool-down', () => {
    let now = 0;
    const breaker = new CircuitBreaker({ failureThreshold: 3, coolDownMs: 60_000, now: () => now });
    breaker.recordFailure('p');
    breaker.recordFailure('p');
    expect(breaker.allows('p')).toBe(true);
    breaker.recordFailure('p');
    expect(breaker.allows('p')).toBe(false);
    expect(breaker.allows('other')).toBe(true);
    now = 59_999;
    expect(breaker.allows('p')).toBe(false);
    now = 60_000;
    expect(breaker.allows('p')).toBe(true);
    // Half-open: one more failure closes it again at once.
    breaker.recordFailure('p');
    expect(breaker.allows('p')).toBe(false);
  });

  it('a success clears the count', () => {
    const breaker = new CircuitBreaker({ failureThreshold: 2, coolDownMs: 1_000, now: () => 0 });
    breaker.recordFailure('p');
    breaker.recordSuccess('p');
    breaker.recordFailure('p');
    expect(breaker.allows('p')).toBe(true);
  });
});
