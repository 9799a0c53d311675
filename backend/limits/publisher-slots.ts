// Caps the publisher requests in flight across every search of this instance: overall (the instance's sockets and
// memory) and per publisher (one publisher is not flooded by a burst of searches). A request over the cap waits its
// turn, but never longer than what is left of its search's budget: then it gives up and says why.
import type { PublisherResponse } from '../search/publisher-client';

export interface PublisherSlotLimits {
  overall: number;
  perPublisher: number;
}

interface Waiter {
  key: string;
  grant: () => void;
}

export interface PublisherSlots {
  /** A release function once a slot is free, or undefined when `waitMs` ran out or `signal` aborted first. */
  acquire(key: string, waitMs: number, signal?: AbortSignal): Promise<(() => void) | undefined>;
  inFlight(): { overall: number; byPublisher: ReadonlyMap<string, number> };
}

export function createPublisherSlots(limits: PublisherSlotLimits): PublisherSlots {
  let overall = 0;
  const byKey = new Map<string, number>();
  const waiting: Waiter[] = [];
  const fits = (key: string) => overall < limits.overall && (byKey.get(key) ?? 0) < limits.perPublisher;
  const take = (key: string) => {
    overall += 1;
    byKey.set(key, (byKey.get(key) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      overall -= 1;
      const left = (byKey.get(key) ?? 1) - 1;
      if (left === 0) byKey.delete(key);
      else byKey.set(key, left);
      // First in line whose publisher has room: a saturated publisher does not hold the others back.
      const next = waiting.findIndex((w) => fits(w.key));
      if (next >= 0) waiting.splice(next, 1)[0]?.grant();
    };
  };
  return {
    acquire(key, waitMs, signal) {
      if (fits(key) && waiting.length === 0) return Promise.resolve(take(key));
      if (waitMs <= 0 || signal?.aborted) return Promise.resolve(undefined);
      return new Promise((resolve) => {
        const waiter: Waiter = {
          key,
          grant: () => {
            cleanup();
            resolve(take(key));
          },
        };
        const giveUp = () => {
          cleanup();
          const index = waiting.indexOf(waiter);
          if (index >= 0) waiting.splice(index, 1);
          resolve(undefined);
        };
        const timer = setTimeout(giveUp, waitMs);
        signal?.addEventListener('abort', giveUp, { once: true });
        const cleanup = () => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', giveUp);
        };
        waiting.push(waiter);
      });
    },
    inFlight: () => ({ overall, byPublisher: byKey }),
  };
}

const SATURATED_REASON = 'trop de requêtes en cours vers les éditeurs : source non interrogée dans le délai';

type Get = (url: string, signal: AbortSignal, timeoutMs: number) => Promise<PublisherResponse>;

/** `get` behind the slots; the wait counts against the request's own budget. */
export function withPublisherSlots(slots: PublisherSlots, get: Get, now: () => number = () => performance.now()): Get {
  return async (url, signal, timeoutMs) => {
    const started = now();
    const release = await slots.acquire(new URL(url).origin, timeoutMs, signal);
    const waited = Math.round(now() - started);
    if (!release) return { ok: false, kind: 'saturated', reason: SATURATED_REASON, durationMs: waited };
    try {
      return await get(url, signal, Math.max(1, timeoutMs - waited));
    } finally {
      release();
    }
  };
}
