// How a stored appointment is read back: its columns, its status history (one query, aggregated as JSON) and its
// LRM transmission state, turned into the domain view once for every reader.
import { z } from 'zod';
import {
  APPOINTMENT_STATUSES,
  LRM_TRANSMISSION_STATES,
  PARTICIPANT_STATUSES,
  type Appointment,
} from '../../shared/domain/appointment';
import { instantColumn, optionalTextColumn } from './row-values';

/** A stored appointment: the domain view, when the platform first received it, and the LRM its search came from. */
export interface AppointmentRecord extends Appointment {
  createdAt: string;
  /** LRM origin of the launch the booking came from (absent: not sent to any LRM). */
  lrmOrigin?: string;
}

const historySchema = z
  .array(z.object({ status: z.enum(APPOINTMENT_STATUSES), at: instantColumn }))
  .nullable()
  .transform((entries) => entries ?? []);

export const appointmentRowSchema = z
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
    lrm_origin: optionalTextColumn,
    lrm_state: z.enum(LRM_TRANSMISSION_STATES).nullable(),
    lrm_at: instantColumn.nullable(),
    lrm_code: optionalTextColumn,
    lrm_reason: optionalTextColumn,
    history: historySchema,
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
    ...(row.lrm_origin !== undefined ? { lrmOrigin: row.lrm_origin } : {}),
    history: row.history,
    ...(row.lrm_state !== null && row.lrm_at !== null
      ? {
          lrm: {
            state: row.lrm_state,
            at: row.lrm_at,
            ...(row.lrm_code !== undefined ? { code: row.lrm_code } : {}),
            ...(row.lrm_reason !== undefined ? { reason: row.lrm_reason } : {}),
          },
        }
      : {}),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }));

/** The columns of `appointments a`, its history included; for `SELECT ${APPOINTMENT_COLUMNS} FROM appointments a`. */
export const APPOINTMENT_COLUMNS = `a.id, a.publisher_id, a.publisher_appointment_id, a.status, a.start_at, a.end_at,
  a.operator_id, a.practitioner_id, a.practitioner_name, a.practitioner_status, a.search_id, a.not_initiated,
  a.lrm_origin, a.lrm_state, a.lrm_at, a.lrm_code, a.lrm_reason, a.created_at, a.updated_at,
  (SELECT json_agg(json_build_object('status', h.status,
            'at', to_char(h.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) ORDER BY h.at, h.id)
     FROM appointment_status_history h WHERE h.appointment_id = a.id) AS history`;

/** What the console is sent: the stored appointment without the platform's bookkeeping. */
export function visibleAppointment(record: AppointmentRecord): Appointment {
  const { createdAt: _createdAt, lrmOrigin: _lrmOrigin, ...appointment } = record;
  return appointment;
}
