// Sends the outbox: each round claims the next message of each appointment, composes its envelope the first time
// (kept, so a resend after a crash carries the same distribution id), publishes it persistent on the confirm
// channel and records it sent once the broker confirms. A message the broker cannot route (no queue for that SAMU),
// a nack or a closed channel puts it back with a growing delay. At least once: a crash between the broker's confirm
// and our record sends it again, with the same distribution id, which the LRM can recognise.
import type { ConfirmChannel } from 'amqplib';
import type { LrmOutbox, OutboxMessage } from '../storage/lrm-outbox';
import { retryDelayMs } from './backoff';
import type { ComposeLrmMessage } from './codec';
import { routingKeyFor, samuFor, type LrmConfig } from './config';

export interface LrmSenderDeps {
  outbox: LrmOutbox;
  compose: ComposeLrmMessage;
  config: Pick<LrmConfig, 'samus' | 'exchange' | 'routingKey' | 'retry'>;
  channel: () => ConfirmChannel | undefined;
  onSent: (message: OutboxMessage & { distributionId: string }) => void;
  onSkipped: (appointmentId: string) => void;
  log: (level: 'info' | 'warn', message: string) => void;
}

const BATCH = 20;
const LEASE_MS = 60_000;
const CONFIRM_TIMEOUT_MS = 15_000;

/** Unroutable messages the broker returned, by message id, until their confirm arrives. */
const returnedByChannel = new WeakMap<ConfirmChannel, Set<string>>();

function returnedOn(channel: ConfirmChannel): Set<string> {
  let returned = returnedByChannel.get(channel);
  if (!returned) {
    const set = new Set<string>();
    returned = set;
    returnedByChannel.set(channel, set);
    channel.on('return', (message: { properties: { messageId?: unknown } }) => {
      if (typeof message.properties.messageId === 'string') set.add(message.properties.messageId);
    });
  }
  return returned;
}

function publishConfirmed(channel: ConfirmChannel, exchange: string, routingKey: string, id: string, body: Buffer) {
  const returned = returnedOn(channel);
  return new Promise<void>((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error('pas de confirmation du broker')), CONFIRM_TIMEOUT_MS);
    try {
      channel.publish(
        exchange,
        routingKey,
        body,
        { persistent: true, contentType: 'application/json', messageId: id, mandatory: true },
        (error: unknown) => {
          clearTimeout(timeout);
          // The broker returns an unroutable message before confirming it: a confirm alone is not a delivery.
          const wasReturned = returned.delete(id);
          if (error) reject(new Error('refusé par le broker (nack)'));
          else if (wasReturned) reject(new Error(`aucune file pour la clé ${routingKey}`));
          else resolve();
        },
      );
    } catch (error) {
      clearTimeout(timeout);
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

/** Sends what is due; resolves when the round is over. Never throws: failures are recorded on the messages. */
export async function sendDueMessages(deps: LrmSenderDeps): Promise<number> {
  if (!deps.channel()) return 0;
  const messages = await deps.outbox.claim(BATCH, LEASE_MS);
  let sent = 0;
  for (const message of messages) {
    const channel = deps.channel();
    if (!channel) {
      // The broker went away mid-round: the rest waits for the lease to lapse, retried soon after.
      await deps.outbox.markFailed(message.id, 'broker injoignable', deps.config.retry.firstMs);
      continue;
    }
    try {
      const ready = await composed(message, deps);
      if (!ready) continue;
      const key = routingKeyFor(deps.config, ready.recipient);
      await publishConfirmed(channel, deps.config.exchange, key, ready.distributionId, ready.body);
      await deps.outbox.markSent(message.id);
      sent += 1;
      deps.onSent({ ...message, distributionId: ready.distributionId });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const delay = retryDelayMs(message.attempts + 1, deps.config.retry);
      deps.log(
        'warn',
        `liaison LRM : envoi du message ${message.distributionId ?? `n°${message.id}`} reporté (${reason})`,
      );
      await deps.outbox.markFailed(message.id, reason, delay);
    }
  }
  return sent;
}

/** The message's envelope, composed and stored the first time; undefined when it is not to be sent. */
async function composed(message: OutboxMessage, deps: LrmSenderDeps) {
  if (message.payload && message.distributionId && message.recipient) {
    return {
      recipient: message.recipient,
      distributionId: message.distributionId,
      body: Buffer.from(JSON.stringify(message.payload)),
    };
  }
  const recipient = samuFor(deps.config, message.lrmOrigin);
  const result =
    recipient === undefined
      ? undefined
      : await deps.compose(
          message.appointment,
          await deps.outbox.previousSent(message.appointmentId, message.id),
          recipient,
        );
  if (recipient === undefined || result === undefined) {
    const effect = await deps.outbox.markSkipped(
      message.id,
      recipient === undefined ? `aucun SAMU configuré pour l’origine ${message.lrmOrigin}` : 'rien à transmettre',
    );
    if (effect?.changed) deps.onSkipped(effect.appointmentId);
    return undefined;
  }
  await deps.outbox.storeComposed(message.id, {
    recipient,
    distributionId: result.distributionId,
    payload: result.envelope,
  });
  return { recipient, distributionId: result.distributionId, body: Buffer.from(JSON.stringify(result.envelope)) };
}
