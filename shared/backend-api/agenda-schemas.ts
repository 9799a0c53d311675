// Availabilities of the SAS agenda as structure managers (and the training environment) put them through the API:
// slots of a practitioner, of a CPTS (a member's slot offered through it, or the coordination's own) or of a SOS
// Médecins site. Read where they enter the backend; every refusal names the field.
import { z } from 'zod';
import { CONSULTATION_MODES, SLOT_TYPES } from '../domain/slot';

/** The longest availability one slot may describe: a slot is a consultation, not a shift. */
const MAX_AVAILABILITY_HOURS = 12;

const ownerId = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[\w.:-]+$/u, 'identifiant : lettres, chiffres, « . », « : », « - » ou « _ »');

const instant = z.iso.datetime({
  offset: true,
  error: 'date-heure ISO 8601 avec fuseau attendue (2026-05-04T09:00:00+02:00)',
});

export const availabilityInputSchema = z
  .object({
    /** Given: the availability with this id is replaced (idempotent); absent: a new one is created. */
    id: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .regex(/^[\w.:-]+$/u, 'identifiant : lettres, chiffres, « . », « : », « - » ou « _ »')
      .optional(),
    practitionerId: ownerId.optional(),
    cptsFiness: ownerId.optional(),
    sosSiteId: ownerId.optional(),
    start: instant,
    end: instant,
    types: z.array(z.enum(SLOT_TYPES)).min(1).max(SLOT_TYPES.length),
    modes: z.array(z.enum(CONSULTATION_MODES)).min(1).max(CONSULTATION_MODES.length),
    bookingUrl: z
      .url({ protocol: /^https?$/u })
      .max(2000)
      .optional(),
  })
  .strict()
  .refine((input) => Date.parse(input.end) > Date.parse(input.start), {
    message: 'la fin doit suivre le début',
    path: ['end'],
  })
  .refine((input) => Date.parse(input.end) - Date.parse(input.start) <= MAX_AVAILABILITY_HOURS * 3600_000, {
    message: `une disponibilité dure au plus ${MAX_AVAILABILITY_HOURS} heures`,
    path: ['end'],
  })
  .refine((input) => (input.practitionerId ?? input.cptsFiness ?? input.sosSiteId) !== undefined, {
    message: 'praticien (practitionerId), CPTS (cptsFiness) ou site SOS Médecins (sosSiteId) requis',
    path: ['practitionerId'],
  });

export const availabilityPutSchema = z
  .object({ availabilities: z.array(availabilityInputSchema).min(1).max(500) })
  .strict();

export const availabilitySchema = z.object({
  id: z.string(),
  practitionerId: z.string().optional(),
  cptsFiness: z.string().optional(),
  sosSiteId: z.string().optional(),
  start: z.string(),
  end: z.string(),
  types: z.array(z.enum(SLOT_TYPES)),
  modes: z.array(z.enum(CONSULTATION_MODES)),
  bookingUrl: z.string().optional(),
  /** A regulator holds it (booked in the console): it cannot be changed or removed until cancelled. */
  booked: z.boolean(),
});
export type Availability = z.infer<typeof availabilitySchema>;
