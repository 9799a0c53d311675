// Prometheus metrics on their own registry (never the global one: tests and the training environment run several
// backends in one process). Labels are publisher ids and outcomes only: nothing about a patient or a regulator.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface BackendMetrics {
  registry: Registry;
  searches: Counter<'outcome'>;
  searchDuration: Histogram;
  publisherLatency: Histogram<'publisher'>;
  publisherOutcomes: Counter<'publisher' | 'outcome'>;
  breakerOpen: Gauge<'publisher'>;
  v3Received: Counter<'outcome'>;
  v1Pushes: Counter<'publisher' | 'outcome'>;
  openStreams: Gauge<'kind'>;
  refusedByLimit: Counter<'limit'>;
}

export interface MetricsSources {
  /** Publisher ids with their circuit-breaker state (true: set aside). */
  breakerStates?: () => Iterable<[string, boolean]>;
  /** Open streams by kind (`search`, `appointments`). */
  openStreams?: () => Iterable<[string, number]>;
}

const SECONDS = [0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 7, 10];

export function createBackendMetrics(sources: MetricsSources = {}, withProcessMetrics = true): BackendMetrics {
  const registry = new Registry();
  if (withProcessMetrics) collectDefaultMetrics({ register: registry, prefix: 'sas_' });
  const registers = [registry];
  return {
    registry,
    searches: new Counter({
      name: 'sas_searches_total',
      help: 'Recherches terminées, par issue (done, aborted, failed).',
      labelNames: ['outcome'],
      registers,
    }),
    searchDuration: new Histogram({
      name: 'sas_search_duration_seconds',
      help: 'Durée d’une recherche, du début à l’événement done.',
      buckets: SECONDS,
      registers,
    }),
    publisherLatency: new Histogram({
      name: 'sas_publisher_duration_seconds',
      help: 'Durée des réponses d’un éditeur pour une recherche.',
      labelNames: ['publisher'],
      buckets: SECONDS,
      registers,
    }),
    publisherOutcomes: new Counter({
      name: 'sas_publisher_outcomes_total',
      help: 'Issues par éditeur (answered, error, timeout, skipped).',
      labelNames: ['publisher', 'outcome'],
      registers,
    }),
    breakerOpen: new Gauge({
      name: 'sas_circuit_breaker_open',
      help: '1 quand l’éditeur est écarté temporairement par le disjoncteur.',
      labelNames: ['publisher'],
      registers,
      collect() {
        for (const [publisher, open] of sources.breakerStates?.() ?? []) this.set({ publisher }, open ? 1 : 0);
      },
    }),
    v3Received: new Counter({
      name: 'sas_v3_appointments_received_total',
      help: 'Rendez-vous V3 reçus des éditeurs, par issue (accepted, refused).',
      labelNames: ['outcome'],
      registers,
    }),
    v1Pushes: new Counter({
      name: 'sas_v1_pushes_total',
      help: 'Envois de comptes RDV V1 aux éditeurs, par issue.',
      labelNames: ['publisher', 'outcome'],
      registers,
    }),
    openStreams: new Gauge({
      name: 'sas_open_streams',
      help: 'Flux ouverts (recherches en cours, flux des rendez-vous).',
      labelNames: ['kind'],
      registers,
      collect() {
        for (const [kind, count] of sources.openStreams?.() ?? []) this.set({ kind }, count);
      },
    }),
    refusedByLimit: new Counter({
      name: 'sas_limit_refusals_total',
      help: 'Requêtes refusées par une limite par jeton (search, appointments).',
      labelNames: ['limit'],
      registers,
    }),
  };
}
