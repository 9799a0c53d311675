// One log line and the metrics of each search, from the events it streams: duration, sources asked / answered /
// failed, per-publisher latency and outcome. Only counts, ids and states are read: the `location` event (which
// may carry the patient's street) and the slots are never looked at.
import type { SearchEvent } from '../../shared/domain/search';
import type { Logger } from '@shared/util/logger';
import type { BackendMetrics } from './metrics';

export type SearchObserver = (signal: AbortSignal) => (event: SearchEvent) => void;

export function observeSearches(logger: Logger, metrics: BackendMetrics | undefined): SearchObserver {
  const log = logger.child('search');
  return (signal) => {
    const started = performance.now();
    const count = { asked: 0, answered: 0, failed: 0, skipped: 0, slots: 0, errors: 0 };
    let finished = false;
    const finish = (outcome: 'done' | 'aborted') => {
      if (finished) return;
      finished = true;
      const durationMs = Math.round(performance.now() - started);
      metrics?.searches.inc({ outcome: count.errors > 0 ? 'failed' : outcome });
      metrics?.searchDuration.observe(durationMs / 1000);
      log.info(outcome === 'done' ? 'recherche terminée' : 'recherche interrompue par la console', {
        durationMs,
        sourcesAsked: count.asked,
        sourcesAnswered: count.answered,
        sourcesFailed: count.failed,
        sourcesSkipped: count.skipped,
        slots: count.slots,
        errors: count.errors,
      });
    };
    signal.addEventListener('abort', () => finish('aborted'), { once: true });
    return (event) => {
      switch (event.type) {
        case 'source-status': {
          const { state, source, durationMs } = event.status;
          count.asked += 1;
          if (state === 'answered') count.answered += 1;
          else if (state === 'skipped') count.skipped += 1;
          else count.failed += 1;
          if (source.kind !== 'sas-agenda') {
            metrics?.publisherOutcomes.inc({ publisher: source.id, outcome: state });
            if (state !== 'skipped' && durationMs !== undefined)
              metrics?.publisherLatency.observe({ publisher: source.id }, durationMs / 1000);
          }
          return;
        }
        case 'slots':
          count.slots += event.slots.length;
          return;
        case 'error':
          count.errors += 1;
          return;
        case 'done':
          finish('done');
          return;
        default:
          return;
      }
    };
  };
}
