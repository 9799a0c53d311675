import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { retryDelayMs } from '@backend/lrm/backoff';

describe('délai avant un nouvel essai', () => {
  const limits = { firstMs: 1_000, maxMs: 60_000 };

  it('doubles from the first delay, without jitter when the draw is zero, up to the cap', () => {
    expect([1, 2, 3, 4, 7, 50].map((attempts) => retryDelayMs(attempts, limits, () => 0))).toEqual([
      1_000, 2_000, 4_000, 8_000, 60_000, 60_000,
    ]);
  });

  it('adds at most a fifth, never beyond the cap, and never less than the first delay', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -5, max: 10_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (attempts, draw) => {
          const delay = retryDelayMs(attempts, limits, () => draw);
          expect(delay).toBeGreaterThanOrEqual(limits.firstMs);
          expect(delay).toBeLessThanOrEqual(limits.maxMs);
          expect(delay).toBeLessThanOrEqual(retryDelayMs(attempts, limits, () => 0) * 1.2 + 1);
        },
      ),
    );
  });
});
