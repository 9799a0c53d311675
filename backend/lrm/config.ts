// The LRM link's settings (INT_L02 through the Hub Santé): where the broker is, who the platform is on it, and which
// SAMU each LRM origin belongs to. Validated where it enters, with messages an operator can act on.
import { z } from 'zod';

/** An LRM origin as launches carry it (the LRM's software id). */
const LRM_ORIGIN = /^[\w.:-]{1,100}$/u;
/** A Hub Santé client id: `fr.health.samu330`, `fr.health.ptfsas`… */
const HUB_CLIENT_ID = /^fr\.health\.[a-z0-9][a-z0-9-]{1,40}$/u;
const SAMU_ADDRESS = /^fr\.health\.samu[0-9a-z]{2,6}$/u;
/** Names an object cannot hold as its own key once parsed: such an origin would silently lose its SAMU. */
const RESERVED_ORIGINS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Seen before the record is parsed: the parser drops `__proto__` without a word. */
function refuseReservedOrigins(raw: unknown, ctx: { addIssue(issue: { code: 'custom'; message: string }): void }) {
  if (typeof raw === 'object' && raw !== null)
    for (const origin of Object.keys(raw))
      if (RESERVED_ORIGINS.has(origin))
        ctx.addIssue({ code: 'custom', message: `origine LRM réservée (nom interdit) : ${origin}` });
  return raw;
}

const pem = z.string().min(1).max(1000);

export const lrmConfigSchema = z
  .object({
    /** `amqp://` or `amqps://` (credentials may come from `SAS_LRM_AMQP_URL`); absent: the link is off, rows wait. */
    amqpUrl: z
      .string()
      .refine((value) => /^amqps?:\/\/[^\s]+$/u.test(value), {
        message: 'URL AMQP attendue (amqp://… ou amqps://…)',
      })
      .optional(),
    /** Files (PEM) for the TLS client certificate the Hub Santé asks of its clients (amqps only). */
    tls: z.object({ cert: pem, key: pem, ca: pem.optional() }).strict().optional(),
    /** The platform's client id on the Hub (EDXL senderID); its `ack` and `info` queues are read. */
    senderId: z
      .string()
      .regex(HUB_CLIENT_ID, { message: 'identifiant Hub attendu (fr.health.xxx)' })
      .default('fr.health.ptfsas'),
    /** LRM origin → the SAMU's Hub address. An origin not listed: its appointments are not sent. */
    samus: z
      .preprocess(
        refuseReservedOrigins,
        z.record(
          z.string().regex(LRM_ORIGIN, { message: 'origine LRM invalide' }),
          z.string().regex(SAMU_ADDRESS, { message: 'adresse Hub d’un SAMU attendue (fr.health.samuXXX)' }),
        ),
      )
      .default({}),
    /** Exchange messages are published to; the default exchange routes by queue name. */
    exchange: z.string().max(200).default(''),
    /** Routing key of a message; `{recipient}` stands for the SAMU's Hub address. */
    routingKey: z
      .string()
      .max(200)
      .refine((value) => value.includes('{recipient}'), { message: 'doit contenir {recipient}' })
      .default('{recipient}.message'),
    /** Declare the queues used (durable) at each connection: a test or training broker; off against a real Hub. */
    declareQueues: z.boolean().default(true),
    /** How long a message stays valid (EDXL dateTimeExpires). */
    messageTtlMinutes: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60)
      .default(24 * 60),
    /** Retry delays, doubling from the first to the cap, while the broker or a message fails. */
    retry: z
      .object({
        firstMs: z.number().int().min(10).max(60_000).default(1_000),
        maxMs: z.number().int().min(100).max(3_600_000).default(60_000),
      })
      .strict()
      .prefault({}),
    /** How often the outbox is read for messages to send. */
    pollMs: z.number().int().min(10).max(60_000).default(1_000),
  })
  .strict()
  .refine((config) => config.tls === undefined || config.amqpUrl?.startsWith('amqps://') === true, {
    message: 'un certificat client (tls) demande une URL amqps://',
    path: ['tls'],
  })
  .refine((config) => config.retry.firstMs <= config.retry.maxMs, {
    message: 'le premier délai dépasse le délai maximal',
    path: ['retry', 'firstMs'],
  });

export type LrmConfig = z.infer<typeof lrmConfigSchema>;

/** The SAMU's Hub address an appointment from this LRM origin goes to, or undefined. */
export function samuFor(config: Pick<LrmConfig, 'samus'>, origin: string): string | undefined {
  return Object.hasOwn(config.samus, origin) ? config.samus[origin] : undefined;
}

/** The routing key of a message to `recipient`. */
export function routingKeyFor(config: Pick<LrmConfig, 'routingKey'>, recipient: string): string {
  return config.routingKey.replaceAll('{recipient}', recipient);
}

/** Parses the `lrm` section; problems come back as French lines naming the setting. */
export function parseLrmConfig(raw: unknown): { ok: true; config: LrmConfig } | { ok: false; problems: string[] } {
  const parsed = lrmConfigSchema.safeParse(raw ?? {});
  if (parsed.success) return { ok: true, config: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => `${['lrm', ...issue.path.map(String)].join('.')} : ${issue.message}`),
  };
}
