// Order statistics for benchmark figures: machines here are shared and noisy, so every figure is reported as
// min / median / max over several runs, and frame times as percentiles.

export interface Spread {
  min: number;
  median: number;
  max: number;
}

/** Percentile by linear interpolation between closest ranks (p in [0, 100]); NaN for no values. */
export function percentile(values: readonly number[], p: number): number {
  const finite = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (finite.length === 0) return Number.NaN;
  const rank = (Math.min(100, Math.max(0, p)) / 100) * (finite.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const a = finite[low] ?? Number.NaN;
  const b = finite[high] ?? Number.NaN;
  return a + (b - a) * (rank - low);
}

export function spread(values: readonly number[]): Spread {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return { min: Number.NaN, median: Number.NaN, max: Number.NaN };
  return { min: Math.min(...finite), median: percentile(finite, 50), max: Math.max(...finite) };
}
