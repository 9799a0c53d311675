// Booking a SAS-agenda slot from the console, and cancelling it. The slot is claimed, the appointment recorded
// (publisher `sas-agenda`, the regulator as operator, no patient data) and the booking noted in one transaction;
// then the appointment is announced like a publisher's V3 report, so « Mes orientations » follows on every instance.
import { randomUUID } from 'node:crypto';
import type { Appointment } from '../../shared/domain/appointment';
import type { Directory } from '../directory/directory';
import { SAS_AGENDA_ID } from '../directory/publishers';
import { HttpError } from '../http/json';
import {
  agendaBookingOfAppointment,
  claimAgendaSlot,
  recordAgendaBooking,
  releaseAgendaBooking,
} from '../storage/agenda-bookings';
import { agendaSlotStorageId, type AgendaSlotRecord } from '../storage/agenda-slots';
import { createAppointmentRepository, visibleAppointment, type AppointmentRecord } from '../storage/appointments';
import type { SqlDatabase } from '../storage/sql-database';

/** What the LRM link needs beside the appointment: the origin of the launch its search came from. */
export interface AgendaAppointmentContext {
  lrmOrigin?: string;
}

export interface AgendaBookingDeps {
  db: SqlDatabase;
  directory: Pick<Directory, 'getPractitioner' | 'getCpts' | 'getSosSite'>;
  /** Tells the live feed (and whatever follows appointments) that one was created or changed. */
  announce: (appointment: Appointment, context: AgendaAppointmentContext) => void;
  now?: () => Date;
  newId?: () => string;
}

interface AgendaBookingRequest {
  operatorId: string;
  slotId: string;
  searchId?: string;
  origin?: string;
}

const SLOT_TAKEN_MESSAGE = 'Ce créneau vient d’être réservé par un autre régulateur : choisissez-en un autre.';

const slotUnknown = (message = 'Ce créneau n’existe plus dans l’agenda SAS : relancez la recherche.') =>
  new HttpError(404, 'agenda-slot-unknown', message);

/** Who the slot's appointment is with, as « Mes orientations » names it. */
function ownerName(slot: AgendaSlotRecord, directory: AgendaBookingDeps['directory']): string | undefined {
  const practitioner = slot.practitionerId !== undefined ? directory.getPractitioner(slot.practitionerId) : undefined;
  if (practitioner)
    return [practitioner.prefix ?? 'Dr', practitioner.givenName, practitioner.familyName].filter(Boolean).join(' ');
  if (slot.sosSiteId !== undefined) return directory.getSosSite(slot.sosSiteId)?.name;
  if (slot.cptsFiness !== undefined) return directory.getCpts(slot.cptsFiness)?.name;
  return undefined;
}

function visible(record: AppointmentRecord, slotId: string): Appointment {
  return { ...visibleAppointment(record), agendaSlotId: `${SAS_AGENDA_ID}/${slotId}` };
}

export function createAgendaBookings(deps: AgendaBookingDeps) {
  const now = deps.now ?? (() => new Date());
  const newId = deps.newId ?? randomUUID;

  return {
    async book(request: AgendaBookingRequest): Promise<Appointment> {
      const slotId = agendaSlotStorageId(request.slotId);
      const bookingId = newId();
      const appointment = await deps.db.transaction(async (tx) => {
        const claim = await claimAgendaSlot(tx, slotId, bookingId);
        if (claim.outcome === 'taken') throw new HttpError(409, 'agenda-slot-taken', SLOT_TAKEN_MESSAGE);
        if (claim.outcome === 'unknown') throw slotUnknown();
        const { slot } = claim;
        if (Date.parse(slot.end) <= now().getTime())
          throw slotUnknown('Ce créneau est passé : choisissez-en un autre.');
        const name = ownerName(slot, deps.directory);
        const { appointment: record } = await createAppointmentRepository(tx, newId).upsert({
          publisherId: SAS_AGENDA_ID,
          publisherAppointmentId: bookingId,
          status: 'booked',
          start: slot.start,
          end: slot.end,
          operatorId: request.operatorId,
          ...(slot.practitionerId !== undefined ? { practitionerId: slot.practitionerId } : {}),
          ...(name !== undefined ? { practitionerName: name } : {}),
          ...(request.searchId !== undefined ? { searchId: request.searchId.slice(0, 100) } : {}),
          // The outbox row for the LRM of the launch is written in this same transaction.
          ...(request.origin !== undefined ? { lrmOrigin: request.origin } : {}),
        });
        await recordAgendaBooking(tx, {
          id: bookingId,
          slotId,
          appointmentId: record.id,
          operatorId: request.operatorId,
          ...(request.origin !== undefined ? { lrmOrigin: request.origin } : {}),
        });
        return visible(record, slotId);
      });
      deps.announce(appointment, request.origin !== undefined ? { lrmOrigin: request.origin } : {});
      return appointment;
    },

    /** Only the regulator who booked it may cancel; cancelling twice answers the cancelled appointment again. */
    async cancel(operatorId: string, appointmentId: string): Promise<Appointment> {
      const booking = await agendaBookingOfAppointment(deps.db, appointmentId);
      if (!booking) throw new HttpError(404, 'agenda-appointment-unknown', 'Rendez-vous de l’agenda SAS introuvable.');
      if (booking.operatorId !== operatorId)
        throw new HttpError(
          403,
          'agenda-cancel-refused',
          'Seul le régulateur qui a pris ce rendez-vous dans l’agenda SAS peut l’annuler.',
        );
      const { appointment, changed } = await deps.db.transaction(async (tx) => {
        const appointments = createAppointmentRepository(tx, newId);
        const current = await appointments.getById(appointmentId);
        if (!current)
          throw new HttpError(404, 'agenda-appointment-unknown', 'Rendez-vous de l’agenda SAS introuvable.');
        const released = await releaseAgendaBooking(tx, booking.id);
        if (!released && current.status === 'cancelled') return { appointment: current, changed: false };
        const { appointment: record } = await appointments.upsert({
          publisherId: SAS_AGENDA_ID,
          publisherAppointmentId: booking.id,
          status: 'cancelled',
          start: current.start,
          end: current.end,
          operatorId: current.operatorId,
          ...(current.practitionerId !== undefined ? { practitionerId: current.practitionerId } : {}),
          ...(current.practitionerName !== undefined ? { practitionerName: current.practitionerName } : {}),
          ...(current.searchId !== undefined ? { searchId: current.searchId } : {}),
        });
        return { appointment: record, changed: true };
      });
      const answer = visible(appointment, booking.slotId);
      if (changed) deps.announce(answer, booking.lrmOrigin !== undefined ? { lrmOrigin: booking.lrmOrigin } : {});
      return answer;
    },
  };
}

export type AgendaBookings = ReturnType<typeof createAgendaBookings>;
