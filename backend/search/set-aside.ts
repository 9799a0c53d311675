import type { CircuitBreaker } from './circuit-breaker';

/** Training and tests: publishers kept set aside for the whole run, as the breaker would after repeated failures. */
export function withSetAside(breaker: CircuitBreaker, setAside: readonly string[]): CircuitBreaker {
  if (setAside.length === 0) return breaker;
  const aside = new Set(setAside);
  const allows = breaker.allows.bind(breaker);
  breaker.allows = (publisherId) => !aside.has(publisherId) && allows(publisherId);
  return breaker;
}
