// Bookings of SAS-agenda slots made in the console. The claim is one conditional UPDATE (`booking_id IS NULL`): the
// database serialises two regulators on the same slot, whichever instance each reached, and only one gets the row.
// The booking row remembers which slot an appointment holds and the LRM origin of the search it came from.
import { z } from 'zod';
import { AGENDA_SLOT_COLUMNS, parseAgendaSlotRow, type AgendaSlotRecord } from './agenda-slots';
import { instantColumn, optionalTextColumn } from './row-values';
import type { SqlExecutor } from './sql-database';

export interface AgendaBookingRecord {
  /** Also the appointment's publisherAppointmentId (publisher `sas-agenda`). */
  id: string;
  slotId: string;
  appointmentId: string;
  operatorId: string;
  /** LRM origin of the launch the search came from: the appointment is sent back to that SAMU's LRM. */
  lrmOrigin?: string;
  bookedAt: string;
  cancelledAt?: string;
}

const bookingRowSchema = z
  .object({
    id: z.string(),
    slot_id: z.string(),
    appointment_id: z.string(),
    operator_id: z.string(),
    lrm_origin: optionalTextColumn,
    booked_at: instantColumn,
    cancelled_at: instantColumn.nullable(),
  })
  .transform((row): AgendaBookingRecord => ({
    id: row.id,
    slotId: row.slot_id,
    appointmentId: row.appointment_id,
    operatorId: row.operator_id,
    ...(row.lrm_origin !== undefined ? { lrmOrigin: row.lrm_origin } : {}),
    bookedAt: row.booked_at,
    ...(row.cancelled_at !== null ? { cancelledAt: row.cancelled_at } : {}),
  }));

const BOOKING_COLUMNS = 'id, slot_id, appointment_id, operator_id, lrm_origin, booked_at, cancelled_at';

type ClaimOutcome = { outcome: 'claimed'; slot: AgendaSlotRecord } | { outcome: 'taken' } | { outcome: 'unknown' };

/** Takes the slot for this booking unless someone holds it; run it in the transaction that records the booking. */
export async function claimAgendaSlot(tx: SqlExecutor, slotId: string, bookingId: string): Promise<ClaimOutcome> {
  const result = await tx.query(
    `UPDATE sas_agenda_slots SET booking_id = $2, updated_at = now()
     WHERE id = $1 AND booking_id IS NULL
     RETURNING ${AGENDA_SLOT_COLUMNS}`,
    [slotId, bookingId],
  );
  if (result.rows[0]) return { outcome: 'claimed', slot: parseAgendaSlotRow(result.rows[0]) };
  const left = await tx.query('SELECT 1 FROM sas_agenda_slots WHERE id = $1', [slotId]);
  return left.rows.length > 0 ? { outcome: 'taken' } : { outcome: 'unknown' };
}

export async function recordAgendaBooking(
  tx: SqlExecutor,
  booking: { id: string; slotId: string; appointmentId: string; operatorId: string; lrmOrigin?: string },
): Promise<AgendaBookingRecord> {
  const result = await tx.query(
    `INSERT INTO sas_agenda_bookings (id, slot_id, appointment_id, operator_id, lrm_origin)
     VALUES ($1, $2, $3, $4, $5) RETURNING ${BOOKING_COLUMNS}`,
    [booking.id, booking.slotId, booking.appointmentId, booking.operatorId, booking.lrmOrigin ?? null],
  );
  return bookingRowSchema.parse(result.rows[0]);
}

/** The booking behind an appointment, or undefined when it is not a SAS-agenda appointment booked here. */
export async function agendaBookingOfAppointment(
  db: SqlExecutor,
  appointmentId: string,
): Promise<AgendaBookingRecord | undefined> {
  const result = await db.query(`SELECT ${BOOKING_COLUMNS} FROM sas_agenda_bookings WHERE appointment_id = $1`, [
    appointmentId,
  ]);
  return result.rows[0] ? bookingRowSchema.parse(result.rows[0]) : undefined;
}

/** The agenda slot each of these appointments holds or held (for « Mes orientations »). */
export async function agendaSlotIdsOfAppointments(
  db: SqlExecutor,
  appointmentIds: readonly string[],
): Promise<Map<string, string>> {
  if (appointmentIds.length === 0) return new Map();
  const result = await db.query<{ appointment_id: string; slot_id: string }>(
    'SELECT appointment_id, slot_id FROM sas_agenda_bookings WHERE appointment_id = ANY($1::text[])',
    [[...appointmentIds]],
  );
  return new Map(result.rows.map((row) => [row.appointment_id, row.slot_id]));
}

/** Cancels the booking and frees its slot (back in every search); false when it was already cancelled. */
export async function releaseAgendaBooking(tx: SqlExecutor, bookingId: string): Promise<boolean> {
  const cancelled = await tx.query(
    'UPDATE sas_agenda_bookings SET cancelled_at = now() WHERE id = $1 AND cancelled_at IS NULL',
    [bookingId],
  );
  await tx.query('UPDATE sas_agenda_slots SET booking_id = NULL, updated_at = now() WHERE booking_id = $1', [
    bookingId,
  ]);
  return cancelled.rowCount > 0;
}
