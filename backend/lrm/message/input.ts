// What the builder needs to know of one appointment: the appointment as the platform stores it, plus what the
// directory knows of its practitioner and its structure. No patient data: the platform never has any to send.
import { z } from 'zod';
import { APPOINTMENT_STATUSES, PARTICIPANT_STATUSES } from '@shared/domain/appointment';
import { ORIENTATION_CATEGORIES, type OrientationCategory } from './codes';

const text = (max: number) => z.string().trim().min(1).max(max);
const instant = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'instant ISO 8601 attendu');

const practitionerSchema = z.object({
  /** IDNPS (`8`+RPPS…), identifier of the Practitioner resource. */
  idnps: text(64),
  familyName: text(200).optional(),
  givenName: text(200).optional(),
  /** The name as one text, when only that is known (a publisher's participant display). */
  text: text(300).optional(),
  /** TRE_R38 ordinal specialty code, e.g. `SM54`. */
  specialtyCode: z
    .string()
    .regex(/^SM\d{2}$/u, 'code TRE_R38 attendu (ex. SM54)')
    .optional(),
});

const structureSchema = z.object({
  /** CPTS, SOS Médecins association or site, MSP, centre de santé. */
  kind: z.enum(['cpts', 'sos', 'msp', 'cds']),
  /** IDNST: `1`+FINESS or `3`+SIRET. */
  idnst: text(64),
  name: text(300),
});

export const lrmAppointmentInputSchema = z
  .object({
    /** The backend's appointment id: Appointment.id and identifier value, the key of every later update. */
    appointmentId: z
      .string()
      .regex(/^[A-Za-z0-9\-.]{1,64}$/u, 'identifiant FHIR attendu (lettres, chiffres, - et ., 64 au plus)'),
    status: z.enum(APPOINTMENT_STATUSES),
    start: instant,
    end: instant,
    /** When the platform recorded the appointment (Appointment.created). */
    created: instant,
    participantStatus: z.enum(PARTICIPANT_STATUSES).optional(),
    practitioner: practitionerSchema.optional(),
    structure: structureSchema.optional(),
    category: z.enum(Object.keys(ORIENTATION_CATEGORIES) as [OrientationCategory, ...OrientationCategory[]]),
  })
  .refine((input) => Date.parse(input.end) >= Date.parse(input.start), {
    message: 'la fin du rendez-vous précède son début',
    path: ['end'],
  });

export type LrmAppointmentInput = z.input<typeof lrmAppointmentInputSchema>;
export type LrmPractitioner = z.input<typeof practitionerSchema>;
export type LrmStructure = z.input<typeof structureSchema>;
export type LrmStructureKind = LrmStructure['kind'];
