// P1 / P2: search latency against its physical limits. Twenty publishers answering in 50 to 800 ms, one hanging
// and one answering 500; each run times a search through `/api/search` (first publisher card, all answering
// sources done, complete) and then replays the requests the backend sent to the publishers directly (fastest
// answer, slowest answer), so figure and limit come from the same run.
import type { RowSpec, RunMeasure } from '../lib/rows';
import type { BenchStack } from '../setup/bench-stack';
import { benchQuery, resetBreaker, withFaults } from './bench-search';
import { PublisherProbe, type PhysicalLimits } from './physical-limits';
import { searchMoments, type SearchMoments } from './stream-client';

export const P1: RowSpec = {
  id: 'P1',
  title: 'first card (publisher slots)',
  unit: 'ms',
  direction: 'at-most',
  targetRule: '≤ fastest publisher + 100 ms',
};
export const P2_ANSWERING: RowSpec = {
  id: 'P2a',
  title: 'all answering sources done',
  unit: 'ms',
  direction: 'at-most',
  targetRule: '≤ slowest answering publisher + 50 ms',
};
export const P2_COMPLETE: RowSpec = {
  id: 'P2b',
  title: 'complete (done event), one publisher hanging',
  unit: 'ms',
  direction: 'at-most',
  targetRule: '≤ timeout budget',
};
export const P2_SET_ASIDE: RowSpec = {
  id: 'P2c',
  title: 'complete once the circuit breaker sets the 2 faulty publishers aside',
  unit: 'ms',
  direction: 'at-most',
  targetRule: '≤ slowest answering publisher + 50 ms',
};

export interface LatencyOptions {
  runs: number;
  warmups: number;
}

interface MeasuredRun {
  moments: SearchMoments;
  limits: PhysicalLimits;
}

async function measuredSearch(stack: BenchStack, probe: PublisherProbe): Promise<MeasuredRun> {
  await stack.takeTraffic();
  const search = await stack.search(benchQuery);
  const moments = searchMoments(search);
  if (moments.errors.length > 0 || moments.doneMs === undefined)
    throw new Error(`search failed: ${moments.errors.join('; ') || 'no done event'}`);
  const traffic = await stack.takeTraffic();
  const limits = await probe.measure(traffic.urls);
  return { moments, limits };
}

function stateOf(moments: SearchMoments, sourceId: string): string | undefined {
  return moments.statuses.find((s) => s.source.id === sourceId)?.state;
}

export interface LatencyRows {
  p1: RunMeasure[];
  answering: RunMeasure[];
  complete: RunMeasure[];
  notes: string[];
}

export async function benchLatency(stack: BenchStack, options: LatencyOptions): Promise<LatencyRows> {
  const probe = new PublisherProbe(stack.budgetMs);
  const rows: LatencyRows = { p1: [], answering: [], complete: [], notes: [] };
  try {
    await withFaults(stack);
    for (let i = 0; i < options.warmups + options.runs; i += 1) {
      const { moments, limits } = await measuredSearch(stack, probe);
      await resetBreaker(stack);
      if (i < options.warmups) continue;
      const hangingState = stateOf(moments, stack.faulty.hanging);
      const failingState = stateOf(moments, stack.faulty.failing);
      if (hangingState !== 'timeout' || failingState !== 'error') {
        throw new Error(`faulty publishers not seen as such (hanging: ${hangingState}, failing: ${failingState})`);
      }
      rows.p1.push({
        figure: moments.firstPublisherSlotsMs ?? Number.NaN,
        target: limits.fastestMs + 100,
        extra: {
          'fastest publisher (direct) ms': limits.fastestMs,
          'first slots, any source (SAS agenda is local) ms': moments.firstSlotsMs ?? Number.NaN,
        },
      });
      rows.answering.push({
        figure: moments.allAnsweringDoneMs ?? Number.NaN,
        target: limits.slowestAnsweringMs + 50,
        extra: { 'slowest answering publisher (direct) ms': limits.slowestAnsweringMs },
      });
      rows.complete.push({
        figure: moments.doneMs ?? Number.NaN,
        target: stack.budgetMs,
        extra: { 'done − budget ms': (moments.doneMs ?? Number.NaN) - stack.budgetMs },
      });
    }
  } finally {
    await probe.close();
  }
  rows.notes.push(
    `${stack.publishers.length} publishers + SAS agenda; latencies ${stack.plan.map((p) => p.latencyMs).join('/')} ms; ` +
      `hanging: ${stack.faulty.hanging}, HTTP 500: ${stack.faulty.failing}; budget ${stack.budgetMs} ms (the platform gives 7 s; shortened so 5 runs fit).`,
  );
  return rows;
}

/** P2c: the steady state after 3 failed searches in a row — the breaker skips the faulty publishers for 60 s. */
export async function benchSetAside(stack: BenchStack, options: LatencyOptions): Promise<RunMeasure[]> {
  const probe = new PublisherProbe(stack.budgetMs);
  const runs: RunMeasure[] = [];
  try {
    await withFaults(stack);
    // Failure threshold of the backend's breaker (backend/app.ts): 3 consecutive failed searches.
    for (let i = 0; i < 3; i += 1) await stack.search(benchQuery);
    for (let i = 0; i < options.warmups + options.runs; i += 1) {
      const { moments, limits } = await measuredSearch(stack, probe);
      if (i < options.warmups) continue;
      if (stateOf(moments, stack.faulty.hanging) !== 'skipped')
        throw new Error('the circuit breaker did not set the hanging publisher aside');
      // The skipped publishers were not asked: the slowest answering one is among those the backend did ask.
      runs.push({
        figure: moments.doneMs ?? Number.NaN,
        target: limits.slowestAnsweringMs + 50,
        extra: { 'slowest answering publisher (direct) ms': limits.slowestAnsweringMs },
      });
    }
  } finally {
    await probe.close();
  }
  return runs;
}
