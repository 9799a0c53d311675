// The faulty-publisher set-up of the training stack: one publisher hangs, one fails, one is slow and one was set
// aside by the circuit breaker, all others answer fast. Specs start it with `test.use({ harnessOptions })`.
import type { HarnessOptions } from '../../electron/harness/harness';

/** Publisher ids of the training data set, each with practitioners in Bordeaux (general medicine). */
export const FAULTY = {
  hanging: { id: 'docorbite', name: 'DocOrbite' },
  failing: { id: 'prisme-agenda', name: 'Prisme Agenda' },
  slow: { id: 'rdv-hirondelle', name: 'RDV Hirondelle' },
  setAside: { id: 'agenda-tournesol', name: 'Agenda Tournesol' },
} as const;

/**
 * How late the slow publisher answers: long enough that, even on a loaded test machine, the regulator has the first
 * cards on screen and picks one several seconds before it answers.
 */
const SLOW_ANSWER_MS = 12_000;
/** The backend's budget per publisher: longer than the slow one, short enough for the hanging one to time out. */
export const PUBLISHER_TIMEOUT_MS = 25_000;

export function faultyPublishers(options: { slowMs?: number; timeoutMs?: number } = {}): HarnessOptions {
  const slowMs = options.slowMs ?? SLOW_ANSWER_MS;
  return {
    training: {
      latency: { minMs: 20, maxMs: 60 },
      publisherTimeoutMs: options.timeoutMs ?? PUBLISHER_TIMEOUT_MS,
      publishers: {
        [FAULTY.hanging.id]: { fault: { kind: 'hang' } },
        [FAULTY.failing.id]: { fault: { kind: 'status', status: 500 } },
        [FAULTY.slow.id]: { latency: { minMs: slowMs, maxMs: slowMs } },
      },
      setAsidePublishers: [FAULTY.setAside.id],
    },
  };
}
