// Memory of this process (the backend runs in it): a forced garbage collection when the runtime allows it, and a
// sampler of the peak while something runs. Figures only, for the hostile-publisher table; assertions on them stay
// generous (the point is "bounded", not a benchmark).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export interface MemoryFigures {
  /** heapUsed + arrayBuffers (Buffers live outside the V8 heap), in bytes. */
  used: number;
  rss: number;
}

function read(): MemoryFigures {
  const m = process.memoryUsage();
  return { used: m.heapUsed + m.arrayBuffers, rss: m.rss };
}

let gcFunction: (() => void) | undefined | null = null;

/** The runtime's `gc()`: exposed on demand through V8's flag when the process was not started with --expose-gc. */
export function garbageCollector(): (() => void) | undefined {
  if (gcFunction !== null) return gcFunction;
  const existing = (globalThis as { gc?: () => void }).gc;
  if (typeof existing === 'function') return (gcFunction = existing);
  try {
    setFlagsFromString('--expose-gc');
    const exposed: unknown = runInNewContext('gc');
    gcFunction = typeof exposed === 'function' ? (exposed as () => void) : undefined;
  } catch {
    gcFunction = undefined;
  }
  return gcFunction;
}

/** Memory after a full collection (twice: finalizers free more on the second pass). */
export function settledMemory(): MemoryFigures {
  const gc = garbageCollector();
  gc?.();
  gc?.();
  return read();
}

/** Runs `work` while sampling memory every `everyMs`; returns its result and the peak seen. */
export async function withPeakMemory<T>(
  work: () => Promise<T>,
  everyMs = 10,
): Promise<{ result: T; peak: MemoryFigures }> {
  const peak = read();
  const sample = () => {
    const now = read();
    peak.used = Math.max(peak.used, now.used);
    peak.rss = Math.max(peak.rss, now.rss);
  };
  const timer = setInterval(sample, everyMs);
  try {
    const result = await work();
    sample();
    return { result, peak };
  } finally {
    clearInterval(timer);
  }
}

export const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} Mio`;
