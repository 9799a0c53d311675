// What comes back from the LRM side: final acknowledgements (RC-DE, `<senderId>.ack`) mark the appointment
// « transmis au LRM »; errors (`<senderId>.info`) mark it refused with a reason the regulator can read, and a message
// that expired (400) or was dead-lettered (500) before the LRM read it is sent once more, fresh. Each delivery is
// acknowledged to the broker only once storage has it, so a crash in between replays it (applying twice is harmless).
import type { Channel, ConsumeMessage } from 'amqplib';
import type { LrmAnswerEffect, LrmOutbox } from '../storage/lrm-outbox';
import type { LrmCodec, LrmErrorReport } from './codec';

export interface LrmReceiptDeps {
  outbox: LrmOutbox;
  codec: Pick<LrmCodec, 'readAcknowledgement' | 'readError'>;
  onAnswer: (effect: LrmAnswerEffect, outcome: 'acknowledged' | 'refused', code?: number) => void;
  log: (level: 'info' | 'warn', message: string) => void;
}

/** The reason shown on the appointment, by error code; the Hub's and LRM's own words stay on the message. */
export function refusalReason(code: number): string {
  switch (code) {
    case 404:
      return 'rendez-vous inconnu du LRM';
    case 400:
      return 'message expiré avant sa lecture par le LRM';
    case 500:
      return 'message non distribué par le Hub Santé';
    default:
      return `erreur ${code} signalée par le LRM`;
  }
}

/** Worth one fresh resend: the LRM never read the message (expired, or dead-lettered on the way). */
function resendable(error: LrmErrorReport): boolean {
  return error.code === 400 || error.code === 500;
}

function parse(message: ConsumeMessage): unknown {
  try {
    return JSON.parse(message.content.toString('utf8'));
  } catch {
    return undefined;
  }
}

const REDELIVERY_DELAY_MS = 2_000;

/** Starts reading both queues on `channel`. */
export async function consumeReceipts(
  channel: Channel,
  queues: { ack: string; info: string },
  deps: LrmReceiptDeps,
): Promise<void> {
  const handle = (apply: (body: unknown) => Promise<void>) => (message: ConsumeMessage | null) => {
    if (message === null) return;
    apply(parse(message)).then(
      () => channel.ack(message),
      (error: unknown) => {
        deps.log('warn', `liaison LRM : réponse non enregistrée, relue plus tard (${String(error)})`);
        // Storage is down: give the delivery back a little later rather than loop on it.
        setTimeout(() => {
          try {
            channel.nack(message, false, true);
          } catch {
            /* the channel closed: the broker redelivers anyway */
          }
        }, REDELIVERY_DELAY_MS).unref();
      },
    );
  };
  await channel.prefetch(20);
  await channel.consume(
    queues.ack,
    handle(async (body) => {
      const distributionId = deps.codec.readAcknowledgement(body);
      if (distributionId === undefined) return deps.log('warn', 'liaison LRM : accusé de réception illisible, ignoré');
      const effect = await deps.outbox.acknowledge(distributionId);
      if (!effect) return deps.log('warn', `liaison LRM : accusé pour un message inconnu (${distributionId})`);
      deps.log('info', `liaison LRM : message ${distributionId} acquitté par le LRM`);
      deps.onAnswer(effect, 'acknowledged');
    }),
  );
  await channel.consume(
    queues.info,
    handle(async (body) => {
      const error = deps.codec.readError(body);
      if (error === undefined) return deps.log('warn', 'liaison LRM : message d’erreur illisible, ignoré');
      const effect = await deps.outbox.refuse({
        distributionId: error.distributionId,
        code: error.code,
        reason: refusalReason(error.code),
        detail: error.cause,
        resend: resendable(error),
      });
      if (!effect) return deps.log('warn', `liaison LRM : erreur pour un message inconnu (${error.distributionId})`);
      deps.log('warn', `liaison LRM : message ${error.distributionId} refusé (${error.code})`);
      deps.onAnswer(effect, 'refused', error.code);
    }),
  );
}
