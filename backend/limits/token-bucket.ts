// One rate limiter for the street-level geocoder, shared by every search of the instance: the national address
// service answers 429 beyond 50 requests/s per address, and a burst of searches must queue below that rate rather
// than be refused and fall back to the commune centre.
export interface TokenBucketOptions {
  /** Tokens added per second (the steady rate). */
  ratePerSecond: number;
  /** Tokens available at once (the burst). */
  burst: number;
  now?: () => number;
}

export interface RateLimiter {
  /** Resolves true once a token is taken, false when none would be free within `maxWaitMs` (or on abort). */
  take(maxWaitMs: number, signal?: AbortSignal): Promise<boolean>;
}

export function createTokenBucket(options: TokenBucketOptions): RateLimiter {
  const now = options.now ?? (() => performance.now());
  const msPerToken = 1000 / options.ratePerSecond;
  // GCRA: `due` is when the bucket would be empty again; a request may run up to `slack` before it (the burst).
  const slack = (Math.max(1, options.burst) - 1) * msPerToken;
  let due = now();
  return {
    async take(maxWaitMs, signal) {
      const current = now();
      const start = Math.max(due, current);
      const wait = start - slack - current;
      if (wait > maxWaitMs || signal?.aborted) return false;
      due = start + msPerToken;
      if (wait <= 0) return true;
      return new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(true), wait);
        signal?.addEventListener(
          'abort',
          () => {
            clearTimeout(timer);
            resolve(false);
          },
          { once: true },
        );
      });
    },
  };
}
