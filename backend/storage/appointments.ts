// Appointments reported back by publishers (RDV V3, FrAppointmentSAS) and booked on the SAS agenda: one row per
// (publisher, publisher's id). Publishers POST on creation and PUT on every change, sometimes more than once: the
// upsert makes both idempotent. Only what the console shows is kept, never the publisher's resource itself (it may
// name a patient). Each change records its status history and, for a search launched by an LRM, the message that
// tells that LRM, in the same transaction.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { APPOINTMENT_STATUSES, PARTICIPANT_STATUSES } from '../../shared/domain/appointment';
import type { NationalId } from '../../shared/domain/identifiers';
import { inTransaction, recordAppointmentChange } from './appointment-changes';
import { APPOINTMENT_COLUMNS, appointmentRowSchema, type AppointmentRecord } from './appointment-rows';
import { instantInput } from './row-values';
import type { SqlExecutor } from './sql-database';

export { visibleAppointment, type AppointmentRecord } from './appointment-rows';

/** LRM origin of a launch (the LRM's software id), as the console and the booking intents carry it. */
const lrmOriginInput = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[\w.:-]+$/u);

const appointmentInputSchema = z
  .object({
    publisherId: z.string().trim().min(1).max(100),
    publisherAppointmentId: z.string().trim().min(1).max(200),
    status: z.enum(APPOINTMENT_STATUSES),
    start: instantInput,
    end: instantInput,
    operatorId: z.string().trim().min(1).max(64),
    practitionerId: z.string().trim().min(1).max(64).optional(),
    practitionerName: z.string().trim().min(1).max(300).optional(),
    practitionerStatus: z.enum(PARTICIPANT_STATUSES).optional(),
    searchId: z.string().trim().min(1).max(100).optional(),
    /** The regulator had not opened this publisher's booking page from the console lately. */
    notInitiated: z.boolean().optional(),
    /** The search came from this LRM's launch: every change is sent to its SAMU (when the registry knows it). */
    lrmOrigin: lrmOriginInput.optional(),
  })
  .refine((input) => Date.parse(input.end) >= Date.parse(input.start), {
    message: 'la fin du rendez-vous précède son début',
    path: ['end'],
  });
type AppointmentInput = z.input<typeof appointmentInputSchema>;

export interface AppointmentRepository {
  /**
   * Creates the appointment, or updates the one with the same (publisher id, publisher appointment id).
   * On update, a practitioner (id, name, acceptance) or search id missing from the new report keeps its stored
   * value: a publisher's PUT does not know the console's search, and may omit the practitioner when only the status
   * changed. The LRM origin, once known, stays (a report without one, or with another, does not re-route it). A status change adds to the history; a change the LRM must hear of queues its message.
   */
  upsert(input: AppointmentInput): Promise<{ created: boolean; appointment: AppointmentRecord }>;
  getById(id: string): Promise<AppointmentRecord | undefined>;
  getByPublisherId(publisherId: string, publisherAppointmentId: string): Promise<AppointmentRecord | undefined>;
  /** The regulator's appointments ("Mes orientations"), latest start first. */
  listByOperator(operatorId: NationalId, options?: { limit?: number }): Promise<AppointmentRecord[]>;
}

async function readOne(db: SqlExecutor, where: string, params: readonly unknown[], lock = false) {
  const result = await db.query(
    `SELECT ${APPOINTMENT_COLUMNS} FROM appointments a WHERE ${where}${lock ? ' FOR UPDATE OF a' : ''}`,
    params,
  );
  return result.rows[0] ? appointmentRowSchema.parse(result.rows[0]) : undefined;
}

export function createAppointmentRepository(db: SqlExecutor, newId: () => string = randomUUID): AppointmentRepository {
  return {
    async upsert(input) {
      const appointment = appointmentInputSchema.parse(input);
      return inTransaction(db, async (tx) => {
        // Insert first: a concurrent report of the same appointment waits here for the other to commit, so the
        // update below always compares with the latest stored version.
        const inserted = await tx.query<{ id: string }>(
          `INSERT INTO appointments (id, publisher_id, publisher_appointment_id, status, start_at, end_at, operator_id,
             practitioner_id, practitioner_name, practitioner_status, search_id, not_initiated, lrm_origin)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
           ON CONFLICT (publisher_id, publisher_appointment_id) DO NOTHING
           RETURNING id`,
          [
            newId(),
            appointment.publisherId,
            appointment.publisherAppointmentId,
            appointment.status,
            appointment.start,
            appointment.end,
            appointment.operatorId,
            appointment.practitionerId ?? null,
            appointment.practitionerName ?? null,
            appointment.practitionerStatus ?? null,
            appointment.searchId ?? null,
            appointment.notInitiated === true,
            appointment.lrmOrigin ?? null,
          ],
        );
        let before: AppointmentRecord | undefined;
        let id = inserted.rows[0]?.id;
        if (id === undefined) {
          before = await readOne(
            tx,
            'a.publisher_id = $1 AND a.publisher_appointment_id = $2',
            [appointment.publisherId, appointment.publisherAppointmentId],
            true,
          );
          if (before === undefined) throw new Error('rendez-vous disparu pendant sa mise à jour');
          id = before.id;
          await tx.query(
            `UPDATE appointments SET
               status = $2,
               start_at = $3,
               end_at = $4,
               operator_id = $5,
               practitioner_id = COALESCE($6, practitioner_id),
               practitioner_name = COALESCE($7, practitioner_name),
               practitioner_status = COALESCE($8, practitioner_status),
               search_id = COALESCE($9, search_id),
               -- Flagged once, flagged for good: a later update does not make the console the initiator.
               not_initiated = not_initiated OR $10,
               -- The LRM that launched the search keeps the appointment: a later report never re-routes it to
               -- another LRM (which would receive updates of an appointment it never heard of).
               lrm_origin = COALESCE(lrm_origin, $11),
               updated_at = now()
             WHERE id = $1`,
            [
              id,
              appointment.status,
              appointment.start,
              appointment.end,
              appointment.operatorId,
              appointment.practitionerId ?? null,
              appointment.practitionerName ?? null,
              appointment.practitionerStatus ?? null,
              appointment.searchId ?? null,
              appointment.notInitiated === true,
              appointment.lrmOrigin ?? null,
            ],
          );
        }
        const changed = await readOne(tx, 'a.id = $1', [id]);
        if (changed === undefined) throw new Error('rendez-vous introuvable après son enregistrement');
        await recordAppointmentChange(tx, before, changed);
        const after = await readOne(tx, 'a.id = $1', [id]);
        return { created: before === undefined, appointment: after ?? changed };
      });
    },
    getById(id) {
      return readOne(db, 'a.id = $1', [id]);
    },
    getByPublisherId(publisherId, publisherAppointmentId) {
      return readOne(db, 'a.publisher_id = $1 AND a.publisher_appointment_id = $2', [
        publisherId,
        publisherAppointmentId,
      ]);
    },
    async listByOperator(operatorId, options = {}) {
      const limit = Math.min(Math.max(Math.trunc(options.limit ?? 200), 1), 1000);
      const result = await db.query(
        `SELECT ${APPOINTMENT_COLUMNS} FROM appointments a WHERE a.operator_id = $1
         ORDER BY a.start_at DESC, a.id LIMIT $2`,
        [operatorId, limit],
      );
      return result.rows.map((row) => appointmentRowSchema.parse(row));
    },
  };
}
