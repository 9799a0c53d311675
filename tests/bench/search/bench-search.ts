// The search every search row runs (general medicine around an address in Bordeaux), and the faulty-publisher
// set-up of P1/P2/P3: one publisher hanging, one answering HTTP 500.
import { BENCH_LOCATION } from '../setup/bench-dataset';
import type { BenchStack } from '../setup/bench-stack';

export const benchQuery = { query: { location: BENCH_LOCATION } };

export async function withFaults(stack: BenchStack): Promise<void> {
  await stack.setFaults({
    [stack.faulty.hanging]: { kind: 'hang' },
    [stack.faulty.failing]: { kind: 'status', status: 500 },
  });
}

export async function withoutFaults(stack: BenchStack): Promise<void> {
  await stack.setFaults({ [stack.faulty.hanging]: { kind: 'none' }, [stack.faulty.failing]: { kind: 'none' } });
}

/**
 * The backend's circuit breaker sets a publisher aside after 3 failed searches in a row. To measure every run as
 * the first search after the publishers broke (the hanging one then bounds "complete"), the faulty publishers
 * answer one retry of theirs between runs, which closes the breaker again.
 */
export async function resetBreaker(stack: BenchStack): Promise<void> {
  await withoutFaults(stack);
  await stack.search({ ...benchQuery, sources: [stack.faulty.hanging, stack.faulty.failing] });
  await withFaults(stack);
}
