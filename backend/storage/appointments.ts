// Appointments reported back by publishers (RDV V3, FrAppointmentSAS): one row per (publisher, publisher's id).
// Publishers POST on creation and PUT on every change, sometimes more than once: the upsert makes both idempotent.
// Only what the console shows is kept, never the publisher's resource itself (it may name a patient).
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { APPOINTMENT_STATUSES, PARTICIPANT_STATUSES, type Appointment } from '../../shared/domain/appointment';
import type { NationalId } from '../../shared/domain/identifiers';
import { instantColumn, instantInput, optionalTextColumn } from './row-values';
import type { SqlExecutor } from './sql-database';

/** A stored appointment: the domain view plus when the platform first received it. */
export interface AppointmentRecord extends Appointment {
  createdAt: string;
}

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
  })
  .refine((input) => Date.parse(input.end) >= Date.parse(input.start), {
    message: 'la fin du rendez-vous précède son début',
    path: ['end'],
  });
type AppointmentInput = z.input<typeof appointmentInputSchema>;

const rowSchema = z
  .object({
    id: z.string(),
    publisher_id: z.string(),
    publisher_appointment_id: z.string(),
    status: z.enum(APPOINTMENT_STATUSES),
    start_at: instantColumn,
    end_at: instantColumn,
    operator_id: z.string(),
    practitioner_id: optionalTextColumn,
    practitioner_name: optionalTextColumn,
    practitioner_status: z.enum(PARTICIPANT_STATUSES).nullable(),
    search_id: optionalTextColumn,
    not_initiated: z.boolean(),
    created_at: instantColumn,
    updated_at: instantColumn,
  })
  .transform((row): AppointmentRecord => ({
    id: row.id,
    publisherId: row.publisher_id,
    publisherAppointmentId: row.publisher_appointment_id,
    status: row.status,
    start: row.start_at,
    end: row.end_at,
    operatorId: row.operator_id,
    ...(row.practitioner_id !== undefined ? { practitionerId: row.practitioner_id } : {}),
    ...(row.practitioner_name !== undefined ? { practitionerName: row.practitioner_name } : {}),
    ...(row.practitioner_status !== null ? { practitionerStatus: row.practitioner_status } : {}),
    ...(row.search_id !== undefined ? { searchId: row.search_id } : {}),
    ...(row.not_initiated ? { notInitiated: true } : {}),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }));

const COLUMNS = `id, publisher_id, publisher_appointment_id, status, start_at, end_at, operator_id, practitioner_id,
  practitioner_name, practitioner_status, search_id, not_initiated, created_at, updated_at`;

export interface AppointmentRepository {
  /**
   * Creates the appointment, or updates the one with the same (publisher id, publisher appointment id).
   * On update, a practitioner (id, name, acceptance) or search id missing from the new report keeps its stored value: a publisher's PUT
   * does not know the console's search, and may omit the practitioner when only the status changed.
   */
  upsert(input: AppointmentInput): Promise<{ created: boolean; appointment: AppointmentRecord }>;
  getById(id: string): Promise<AppointmentRecord | undefined>;
  getByPublisherId(publisherId: string, publisherAppointmentId: string): Promise<AppointmentRecord | undefined>;
  /** The regulator's appointments ("Mes orientations"), latest start first. */
  listByOperator(operatorId: NationalId, options?: { limit?: number }): Promise<AppointmentRecord[]>;
}

export function createAppointmentRepository(db: SqlExecutor, newId: () => string = randomUUID): AppointmentRepository {
  return {
    async upsert(input) {
      const appointment = appointmentInputSchema.parse(input);
      const result = await db.query(
        `INSERT INTO appointments (id, publisher_id, publisher_appointment_id, status, start_at, end_at, operator_id,
           practitioner_id, practitioner_name, practitioner_status, search_id, not_initiated)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT (publisher_id, publisher_appointment_id) DO UPDATE SET
           status = EXCLUDED.status,
           start_at = EXCLUDED.start_at,
           end_at = EXCLUDED.end_at,
           operator_id = EXCLUDED.operator_id,
           practitioner_id = COALESCE(EXCLUDED.practitioner_id, appointments.practitioner_id),
           practitioner_name = COALESCE(EXCLUDED.practitioner_name, appointments.practitioner_name),
           practitioner_status = COALESCE(EXCLUDED.practitioner_status, appointments.practitioner_status),
           search_id = COALESCE(EXCLUDED.search_id, appointments.search_id),
           -- Flagged once, flagged for good: a later update does not make the console the initiator.
           not_initiated = appointments.not_initiated OR EXCLUDED.not_initiated,
           updated_at = now()
         RETURNING ${COLUMNS}, (xmax = 0) AS inserted`,
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
        ],
      );
      const row = result.rows[0] as { inserted?: unknown } | undefined;
      return { created: row?.inserted === true, appointment: rowSchema.parse(row) };
    },
    async getById(id) {
      const result = await db.query(`SELECT ${COLUMNS} FROM appointments WHERE id = $1`, [id]);
      return result.rows[0] ? rowSchema.parse(result.rows[0]) : undefined;
    },
    async getByPublisherId(publisherId, publisherAppointmentId) {
      const result = await db.query(
        `SELECT ${COLUMNS} FROM appointments WHERE publisher_id = $1 AND publisher_appointment_id = $2`,
        [publisherId, publisherAppointmentId],
      );
      return result.rows[0] ? rowSchema.parse(result.rows[0]) : undefined;
    },
    async listByOperator(operatorId, options = {}) {
      const limit = Math.min(Math.max(Math.trunc(options.limit ?? 200), 1), 1000);
      const result = await db.query(
        `SELECT ${COLUMNS} FROM appointments WHERE operator_id = $1 ORDER BY start_at DESC, id LIMIT $2`,
        [operatorId, limit],
      );
      return result.rows.map((row) => rowSchema.parse(row));
    },
  };
}
