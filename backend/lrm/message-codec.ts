// The LRM link's codec on the INT_L02 message format: an outbox row's appointment snapshot, the directory (who the
// practitioner or the structure is) and, for a SAS-agenda booking, the slot's owner (an SOS site or a CPTS) become
// the EDXL-DE envelope; the Hub's acknowledgements and errors are read with the same module's parsers.
import type { SqlExecutor } from '../storage/sql-database';
import { agendaBookingOfAppointment } from '../storage/agenda-bookings';
import { createAgendaSlotRepository } from '../storage/agenda-slots';
import { SAS_AGENDA_ID } from '../directory/publishers';
import type { AppointmentRecord } from '../storage/appointments';
import type { LrmCodec, LrmEnvelope } from './codec';
import {
  buildLrmMessage,
  lrmInputFromAppointment,
  parseHubError,
  parseRcDeAck,
  type LrmDirectory,
  type OrientationContext,
} from './message/index';

export interface LrmCodecOptions {
  senderId: string;
  ttlMs: number;
  /** The directory as it is now (a new import may have replaced it since the appointment was made). */
  directory: () => LrmDirectory;
  /** Where SAS-agenda bookings and their slots are kept. */
  db: SqlExecutor;
  now?: () => Date;
}

/** What the LRM already holds of the appointment: every resource its earlier messages carried. */
function resourcesSent(previous: readonly LrmEnvelope[]): string[] {
  const references = new Set<string>();
  for (const envelope of previous) {
    const content = (
      envelope['content'] as { contentObject?: { JsonContent?: { embeddedJsonContent?: unknown } } }[]
    )?.[0];
    const bundle = content?.contentObject?.JsonContent?.embeddedJsonContent as
      { entry?: { resource?: { resourceType?: string; id?: string } }[] } | undefined;
    for (const entry of bundle?.entry ?? []) {
      const { resourceType, id } = entry.resource ?? {};
      if (resourceType && id) references.add(`${resourceType}/${id}`);
    }
  }
  return [...references];
}

/** A SAS-agenda slot may belong to an SOS site or a CPTS rather than a practitioner: the message names it. */
async function agendaContext(db: SqlExecutor, appointment: AppointmentRecord): Promise<OrientationContext> {
  if (appointment.publisherId !== SAS_AGENDA_ID) return {};
  const booking = await agendaBookingOfAppointment(db, appointment.id);
  const slot = booking && (await createAgendaSlotRepository(db).get(booking.slotId));
  if (slot?.sosSiteId) return { structure: { kind: 'sos', id: slot.sosSiteId }, sos: true };
  if (slot?.cptsFiness) return { structure: { kind: 'cpts', id: slot.cptsFiness } };
  return {};
}

export function createLrmCodec(options: LrmCodecOptions): LrmCodec {
  const now = options.now ?? (() => new Date());
  return {
    async compose(snapshot, previousSent, recipient) {
      const record: AppointmentRecord = { ...snapshot, createdAt: snapshot.createdAt ?? snapshot.updatedAt };
      const { input } = lrmInputFromAppointment(record, options.directory(), await agendaContext(options.db, record));
      const message = buildLrmMessage(input, {
        senderId: options.senderId,
        recipient,
        now: now(),
        ttlMs: options.ttlMs,
        ...(previousSent.length > 0 ? { previous: { resources: resourcesSent(previousSent) } } : {}),
      });
      return { distributionId: message.distributionId, envelope: message.envelope as unknown as LrmEnvelope };
    },
    readAcknowledgement(body) {
      const parsed = parseRcDeAck(body);
      return parsed.ok ? parsed.value.reference : undefined;
    },
    readError(body) {
      const parsed = parseHubError(body);
      if (!parsed.ok || parsed.value.referencedDistributionId === undefined) return undefined;
      return {
        distributionId: parsed.value.referencedDistributionId,
        code: parsed.value.code,
        cause: parsed.value.cause,
      };
    },
  };
}
