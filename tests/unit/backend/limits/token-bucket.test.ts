import { describe, expect, it } from 'vitest';
import { createTokenBucket } from '@backend/limits/token-bucket';

describe('token bucket (shared geocoder rate limiter)', () => {
  it('lets the burst through at once, then spaces requests at the rate, and refuses beyond the longest wait', async () => {
    let clock = 0;
    const bucket = createTokenBucket({ ratePerSecond: 10, burst: 3, now: () => clock });
    const immediate = await Promise.all([bucket.take(0), bucket.take(0), bucket.take(0)]);
    expect(immediate).toEqual([true, true, true]);
    // The fourth would wait 100 ms: refused when no wait is allowed, granted when it is.
    expect(await bucket.take(50)).toBe(false);
    const started = performance.now();
    expect(await bucket.take(200)).toBe(true);
    expect(performance.now() - started).toBeGreaterThanOrEqual(90);
    clock = 10_000;
    expect(await bucket.take(0)).toBe(true);
  });

  it('gives up at once when the caller has aborted', async () => {
    const bucket = createTokenBucket({ ratePerSecond: 1, burst: 1, now: () => 0 });
    expect(await bucket.take(0)).toBe(true);
    expect(await bucket.take(5_000, AbortSignal.abort())).toBe(false);
  });
});
