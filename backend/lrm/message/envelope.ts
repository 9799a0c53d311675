// The EDXL-DE envelope the Hub Santé routes by (technical specification of INT_L02, Hub Santé DST): who sends, to
// which SAMU (`Hubex` address `fr.health.samuXXX`), until when it may be delivered, and the Bundle as JSON content.
// The schema is shared by the simulated LRM (which validates what it consumes) and the error messages of the
// `info` queue (same envelope, kind `Error`).
import { z } from 'zod';
import { isoWithOffset } from '@shared/util/time-zone';

/** A Hub Santé client id: `fr.health.samu330`, `fr.health.ptfsas`… */
const HUB_CLIENT_ID = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/u;
export const hubClientIdSchema = z
  .string()
  .max(100)
  .regex(HUB_CLIENT_ID, 'identifiant de client du Hub attendu (ex. fr.health.samu330)');

/** A date-time with an offset, as the Hub writes them (`2025-08-24T14:15:22+02:00`). */
export const hubDateTimeSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/u, 'date-heure avec fuseau attendue')
  .refine((value) => !Number.isNaN(Date.parse(value)), 'date-heure invalide');

const descriptorSchema = z.object({
  language: z.literal('fr-FR'),
  explicitAddress: z.object({ explicitAddressScheme: z.literal('Hubex'), explicitAddressValue: hubClientIdSchema }),
});

/** An EDXL-DE envelope whose single content is the given JSON. */
export function edxlEnvelopeSchema<Kind extends string, Content extends z.ZodType>(kind: Kind, content: Content) {
  return z
    .object({
      distributionID: z.string().min(1).max(200),
      senderID: hubClientIdSchema,
      dateTimeSent: hubDateTimeSchema,
      dateTimeExpires: hubDateTimeSchema,
      distributionStatus: z.literal('Actual'),
      distributionKind: z.literal(kind),
      descriptor: descriptorSchema,
      content: z
        .array(z.object({ contentObject: z.object({ JsonContent: z.object({ embeddedJsonContent: content }) }) }))
        .length(1, 'un seul contenu attendu'),
    })
    .refine((envelope) => Date.parse(envelope.dateTimeExpires) > Date.parse(envelope.dateTimeSent), {
      message: "l'expiration doit suivre l'envoi",
      path: ['dateTimeExpires'],
    });
}

const entrySchema = z.object({
  fullUrl: z.string().min(1),
  resource: z.looseObject({ resourceType: z.string().min(1), id: z.string().min(1) }),
  request: z.object({ method: z.enum(['POST', 'PUT']), url: z.string().min(1) }),
});

/** The SASBundleAppointmentLRM as the LRM reads it: exactly one Appointment with the platform's identifier. */
const lrmBundleSchema = z
  .looseObject({
    resourceType: z.literal('Bundle'),
    type: z.literal('transaction'),
    entry: z.array(entrySchema).min(1).max(10),
  })
  .refine((bundle) => bundle.entry.filter((e) => e.resource.resourceType === 'Appointment').length === 1, {
    message: 'un et un seul Appointment attendu',
    path: ['entry'],
  });

export const lrmEnvelopeSchema = edxlEnvelopeSchema('Report', lrmBundleSchema);
export type LrmEnvelope = z.infer<typeof lrmEnvelopeSchema>;

export interface EnvelopeOptions {
  distributionId: string;
  senderId: string;
  recipient: string;
  sentAt: number;
  ttlMs: number;
}

/** The envelope around any JSON content (a Bundle for a Report, an error for an Error). */
export function edxlEnvelope<Kind extends 'Report' | 'Error', Content>(
  kind: Kind,
  content: Content,
  options: EnvelopeOptions,
) {
  return {
    distributionID: options.distributionId,
    senderID: options.senderId,
    dateTimeSent: isoWithOffset(options.sentAt),
    dateTimeExpires: isoWithOffset(options.sentAt + options.ttlMs),
    distributionStatus: 'Actual' as const,
    distributionKind: kind,
    descriptor: {
      language: 'fr-FR' as const,
      explicitAddress: { explicitAddressScheme: 'Hubex' as const, explicitAddressValue: options.recipient },
    },
    content: [{ contentObject: { JsonContent: { embeddedJsonContent: content } } }],
  };
}
