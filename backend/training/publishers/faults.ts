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
