// The LRM link as the backend runs it: the broker connection, the outbox sender on a timer, the acknowledgement and
// error consumers, the appointment feed told of every LRM state change, and a status for /ready. Without a broker
// (none configured, or unreachable) the backend runs all the same: messages wait in the outbox.
import type { Registry } from 'prom-client';
import type { AppointmentRecord, AppointmentRepository } from '../storage/appointments';
import { createLrmOutbox, type LrmAnswerEffect } from '../storage/lrm-outbox';
import type { SqlDatabase } from '../storage/sql-database';
import type { LrmCodec } from './codec';
import { routingKeyFor, type LrmConfig } from './config';
import { keepBrokerConnection, type BrokerConnection } from './connection';
import { createLrmMetrics, type LrmMetrics } from './metrics';
import { consumeReceipts } from './receipts';
import { sendDueMessages } from './sender';

interface LrmLinkStatus {
  /** Connected to the broker: messages leave as they come. */
  connected: boolean;
  /** What an operator reads (French). */
  label: string;
}

export interface LrmLinkOptions {
  config: LrmConfig;
  /** PEM contents of `config.tls`' files. */
  tls?: { cert: Buffer | string; key: Buffer | string; ca?: Buffer | string };
  db: SqlDatabase;
  appointments: AppointmentRepository;
  codec: LrmCodec;
  /** An appointment's LRM state changed: its consoles are told (the appointment feed). */
  onAppointmentChanged: (appointment: AppointmentRecord) => void;
  /** The backend's metrics registry, when it has one. */
  registry?: Registry;
  log: (level: 'info' | 'warn' | 'error', message: string) => void;
}

export interface LrmLink {
  status(): LrmLinkStatus;
  /** Sends what is due now, without waiting for the next round (tests, after a change). */
  sendNow(): Promise<void>;
  close(): Promise<void>;
}

const OFF: LrmLinkStatus = { connected: false, label: 'Liaison LRM désactivée : aucun broker configuré.' };

export function startLrmLink(options: LrmLinkOptions): LrmLink {
  const { config, log } = options;
  const outbox = createLrmOutbox(options.db);
  const metrics: LrmMetrics | undefined = options.registry
    ? createLrmMetrics(options.registry, () => outbox.depth())
    : undefined;
  const url = config.amqpUrl;
  if (url === undefined) {
    log('warn', 'liaison LRM désactivée : aucun broker configuré (lrm.amqpUrl), les rendez-vous restent en attente');
    return { status: () => OFF, sendNow: async () => undefined, close: async () => undefined };
  }

  let status: LrmLinkStatus = { connected: false, label: 'Liaison LRM coupée : connexion au broker en cours.' };
  const notify = (appointmentId: string) => {
    options.appointments.getById(appointmentId).then(
      (appointment) => appointment && options.onAppointmentChanged(appointment),
      (error: unknown) => log('warn', `liaison LRM : rendez-vous non relu après un changement (${String(error)})`),
    );
  };
  const onAnswer = (effect: LrmAnswerEffect, outcome: 'acknowledged' | 'refused', code?: number) => {
    if (outcome === 'acknowledged') metrics?.acknowledged.inc();
    else metrics?.refused.inc({ code: String(code ?? 'inconnu') });
    if (effect.changed) notify(effect.appointmentId);
  };

  let round: Promise<void> | undefined;
  const sendNow = (): Promise<void> => {
    round ??= sendDueMessages({
      outbox,
      compose: options.codec.compose,
      config,
      channel: () => connection.channels()?.publishing,
      onSent: (message) => {
        metrics?.sent.inc();
        log('info', `liaison LRM : message ${message.distributionId} remis au broker pour ${message.recipient ?? '?'}`);
      },
      onSkipped: notify,
      log,
    })
      .then(
        () => undefined,
        (error: unknown) => log('warn', `liaison LRM : boîte d’envoi illisible (${String(error)})`),
      )
      .finally(() => {
        round = undefined;
      });
    return round;
  };

  const connection: BrokerConnection = keepBrokerConnection({
    url,
    ...(options.tls ? { tls: options.tls } : {}),
    retry: config.retry,
    onReady: async ({ publishing, consuming }) => {
      const queues = { ack: `${config.senderId}.ack`, info: `${config.senderId}.info` };
      if (config.declareQueues) {
        await consuming.assertQueue(queues.ack, { durable: true });
        await consuming.assertQueue(queues.info, { durable: true });
        // On the default exchange a routing key is a queue name: each SAMU's message queue must exist.
        if (config.exchange === '') {
          for (const recipient of new Set(Object.values(config.samus)))
            await publishing.assertQueue(routingKeyFor(config, recipient), { durable: true });
        }
      }
      await consumeReceipts(consuming, queues, { outbox, codec: options.codec, onAnswer, log });
      status = { connected: true, label: 'Liaison LRM active.' };
      setImmediate(() => void sendNow());
    },
    onDown: () => {
      status = {
        connected: false,
        label: 'Liaison LRM coupée : broker injoignable, les rendez-vous sont envoyés à son retour.',
      };
    },
    log,
  });
  const timer = setInterval(() => void sendNow(), config.pollMs);
  timer.unref();

  return {
    status: () => (connection.channels() ? status : { ...status, connected: false }),
    sendNow,
    async close() {
      clearInterval(timer);
      await round;
      await connection.close();
    },
  };
}
