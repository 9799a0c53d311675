// How a training publisher misbehaves, for demonstrations, tests and benchmarks: the console must stay useful when
// a publisher is slow, down or wrong.
export type PublisherFault =
  | { kind: 'none' }
  | { kind: 'hang' }
  | { kind: 'status'; status: number }
  | { kind: 'malformed-json' }
  | { kind: 'wrong-content-type' }
  | { kind: 'slow-drip'; intervalMs: number }
  | { kind: 'huge-body'; bytes: number }
  | { kind: 'redirect'; location: string };

export interface LatencyProfile {
  /** Answer time is drawn uniformly in [minMs, maxMs]. */
  minMs: number;
  maxMs: number;
}

/** A small deterministic generator (mulberry32) so latencies repeat from one run to the next. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
