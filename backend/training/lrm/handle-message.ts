// One message taken from a SAMU's `message` queue, as an LRM processes it: validated, applied to the orientations,
// then answered: an RC-DE acknowledgement on the platform's `ack` queue, or an error on its `info` queue (404 for an
// update of an appointment never received, 400 for a message it cannot read or that expired).
import { randomUUID } from 'node:crypto';
import { buildHubError, buildRcDeAck, parseLrmEnvelope } from '../../lrm/message';
import type { OrientationStore } from './orientations';

export interface Reply {
  queue: string;
  body: unknown;
}

const ERROR_TTL_MS = 24 * 60 * 60 * 1000;

/** The distributionID of a message the schema refused, when it can still be read (to say which message failed). */
function readableDistributionId(raw: Buffer): string | undefined {
  try {
    const json = JSON.parse(raw.toString('utf8')) as { distributionID?: unknown };
    return typeof json.distributionID === 'string' && json.distributionID.length <= 200
      ? json.distributionID
      : undefined;
  } catch {
    return undefined;
  }
}

export function handleLrmMessage(
  raw: Buffer,
  context: { samu: string; senderId: string; store: OrientationStore; now: number },
): Reply {
  const { samu, senderId, now } = context;
  const error = (code: number, codeName: string, cause: string, referencedDistributionId: string): Reply => ({
    queue: `${senderId}.info`,
    body: buildHubError({
      distributionId: `${samu}_${randomUUID()}`,
      senderId: samu,
      recipient: senderId,
      now,
      ttlMs: ERROR_TTL_MS,
      code,
      codeName,
      cause,
      referencedDistributionId,
    }),
  });
  const parsed = parseLrmEnvelope(raw);
  if (!parsed.ok)
    return error(
      400,
      'BAD_REQUEST',
      `Message illisible : ${parsed.problems.join(' ; ')}`,
      readableDistributionId(raw) ?? '(illisible)',
    );
  const envelope = parsed.value;
  const id = envelope.distributionID;
  if (envelope.descriptor.explicitAddress.explicitAddressValue !== samu)
    return error(
      400,
      'BAD_REQUEST',
      `Message adressé à ${envelope.descriptor.explicitAddress.explicitAddressValue}, reçu par ${samu}.`,
      id,
    );
  if (Date.parse(envelope.dateTimeExpires) < now)
    return error(400, 'EXPIRED_MESSAGE_BEFORE_ROUTING', `Message ${id} expiré (${envelope.dateTimeExpires}).`, id);
  const outcome = context.store.apply(samu, envelope, now);
  if (!outcome.ok)
    return error(
      404,
      'NOT_FOUND',
      `Message ${id} : le rendez-vous ${outcome.unknownAppointment} à mettre à jour n'a jamais été reçu.`,
      id,
    );
  return {
    queue: `${senderId}.ack`,
    body: buildRcDeAck({ acknowledged: id, lrmId: samu, platformId: senderId, now }),
  };
}
