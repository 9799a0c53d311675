// The LRM link's metrics, on the backend's own registry: what waits in the outbox, what was sent, acknowledged,
// refused (by code). Distribution ids and codes only, nothing about an appointment.
import { Counter, Gauge, type Registry } from 'prom-client';

export interface LrmMetrics {
  sent: Counter;
  acknowledged: Counter;
  refused: Counter<'code'>;
}

export function createLrmMetrics(registry: Registry, outboxDepth: () => Promise<number>): LrmMetrics {
  const registers = [registry];
  new Gauge({
    name: 'sas_lrm_outbox_depth',
    help: 'Messages aux LRM en attente d’envoi dans la boîte d’envoi.',
    registers,
    async collect() {
      this.set(await outboxDepth().catch(() => Number.NaN));
    },
  });
  return {
    sent: new Counter({
      name: 'sas_lrm_messages_sent_total',
      help: 'Messages aux LRM confirmés par le broker.',
      registers,
    }),
    acknowledged: new Counter({
      name: 'sas_lrm_messages_acknowledged_total',
      help: 'Messages acquittés par un LRM (RC-DE).',
      registers,
    }),
    refused: new Counter({
      name: 'sas_lrm_messages_refused_total',
      help: 'Messages refusés par le Hub Santé ou un LRM, par code d’erreur.',
      labelNames: ['code'],
      registers,
    }),
  };
}
