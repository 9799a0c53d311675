// P6: the backend under 50 concurrent searches (one regulator's token, the bench's search, all publishers
// healthy so every search waits for real answers, not for a timeout), against a single search in the same run.
import { percentile } from '../lib/stats';
import type { RowSpec, RunMeasure } from '../lib/rows';
import type { BenchStack } from '../setup/bench-stack';
import { benchQuery, withoutFaults } from './bench-search';
import { searchMoments } from './stream-client';

export const P6: RowSpec = {
  id: 'P6',
  title: 'p95 of concurrent searches (complete) vs a single search',
  unit: 'ms',
  direction: 'at-most',
  targetRule: '≤ 1.3 × single',
};
export const P6_ERRORS: RowSpec = {
  id: 'P6e',
  title: 'errors among the concurrent searches',
  unit: 'errors',
  direction: 'at-most',
  targetRule: '0 errors',
  constantTarget: true,
};

export interface ConcurrencyOptions {
  runs: number;
  warmups: number;
  concurrent: number;
}

export interface ConcurrencyRows {
  p95: RunMeasure[];
  errors: RunMeasure[];
  notes: string[];
}

export async function benchConcurrency(stack: BenchStack, options: ConcurrencyOptions): Promise<ConcurrencyRows> {
  await withoutFaults(stack);
  const rows: ConcurrencyRows = { p95: [], errors: [], notes: [] };
  let peak = 0;
  for (let i = 0; i < options.warmups + options.runs; i += 1) {
    const single = searchMoments(await stack.search(benchQuery, { skipSlots: true }));
    if (single.doneMs === undefined || single.errors.length > 0)
      throw new Error(`single search failed: ${single.errors.join('; ')}`);
    await stack.takeTraffic();
    const cpuBefore = await stack.cpuTime();
    const clientBefore = process.cpuUsage();
    const burstStarted = performance.now();
    const all = (
      await Promise.all(Array.from({ length: options.concurrent }, () => stack.search(benchQuery, { skipSlots: true })))
    ).map((s) => searchMoments(s));
    const burstMs = performance.now() - burstStarted;
    const client = process.cpuUsage(clientBefore);
    const cpuAfter = await stack.cpuTime();
    const traffic = await stack.takeTraffic();
    if (i < options.warmups) continue;
    peak = Math.max(peak, ...Object.values(traffic.maxInFlight));
    const done = all.map((m) => m.doneMs ?? Number.NaN);
    const errors = all.filter((m) => m.errors.length > 0 || m.doneMs === undefined).length;
    const sourceFailures = all.reduce((sum, m) => sum + m.statuses.filter((s) => s.state !== 'answered').length, 0);
    const p95 = percentile(done, 95);
    rows.p95.push({
      figure: p95,
      target: 1.3 * single.doneMs,
      extra: {
        'single search ms': single.doneMs,
        'p50 ms': percentile(done, 50),
        'max ms': Math.max(...done),
        'p95 / single': p95 / single.doneMs,
        'burst wall ms': burstMs,
        'backend CPU ms during the burst': cpuAfter.backend - cpuBefore.backend,
        'publishers CPU ms during the burst': cpuAfter.publishers - cpuBefore.publishers,
        'bench client CPU ms during the burst': (client.user + client.system) / 1000,
      },
    });
    rows.errors.push({
      figure: errors,
      target: 0,
      extra: { 'sources not answered (timeout/error/skipped)': sourceFailures },
    });
  }
  rows.notes.push(
    `${options.concurrent} searches started at once on a fresh backend (publisher budget ${stack.budgetMs} ms); ` +
      `most requests one simulated publisher had in progress at once: ${peak}.`,
  );
  return rows;
}
