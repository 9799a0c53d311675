// The regulator's appointments as the backend sends them (list and live stream), and the stream's event kinds.
import { z } from 'zod';
import {
  APPOINTMENT_STATUSES,
  LRM_TRANSMISSION_STATES,
  PARTICIPANT_STATUSES,
  type Appointment,
} from '../domain/appointment';
import type { ShapeOf } from './shape';

export const appointmentAnswerSchema = z.object({
  id: z.string(),
  publisherId: z.string(),
  publisherAppointmentId: z.string(),
  status: z.enum(APPOINTMENT_STATUSES),
  start: z.string(),
  end: z.string(),
  operatorId: z.string(),
  practitionerId: z.string().optional(),
  practitionerName: z.string().optional(),
  practitionerStatus: z.enum(PARTICIPANT_STATUSES).optional(),
  searchId: z.string().optional(),
  notInitiated: z.boolean().optional(),
  agendaSlotId: z.string().optional(),
  history: z.array(z.object({ status: z.enum(APPOINTMENT_STATUSES), at: z.string() })).optional(),
  lrm: z
    .object({
      state: z.enum(LRM_TRANSMISSION_STATES),
      at: z.string(),
      code: z.string().optional(),
      reason: z.string().optional(),
    })
    .optional(),
  updatedAt: z.string(),
} satisfies ShapeOf<Appointment>);

/** Each kind of event of GET /api/appointments/events, by its `type`. */
export const appointmentEventSchemas = {
  /** Subscribed: what happens from now on is sent. */
  ready: z.object({ type: z.literal('ready') }),
  /** An appointment of this regulator was created or changed. */
  appointment: z.object({ type: z.literal('appointment'), appointment: appointmentAnswerSchema }),
  /** Every 15 s, so both ends notice a dead connection. */
  heartbeat: z.object({ type: z.literal('heartbeat') }),
  /** The last event: this backend instance is stopping; the console reconnects (to another instance). */
  closing: z.object({ type: z.literal('closing') }),
};

export const appointmentEventSchema = z.discriminatedUnion('type', [
  appointmentEventSchemas.ready,
  appointmentEventSchemas.appointment,
  appointmentEventSchemas.heartbeat,
  appointmentEventSchemas.closing,
]);
