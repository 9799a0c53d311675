// What comes back from the Hub Santé: the RC-DE final acknowledgement of the LRM (`<senderId>.ack`) and the error
// messages (`<senderId>.info`: 400 expired before routing, 500 dead-lettered, 404 unknown appointment from the LRM),
// plus the Report the LRM consumes. Each parser takes the raw AMQP body (or already-parsed JSON), never throws, and
// names every field that is wrong: a malformed message is logged and dropped, not a crash of the consumer.
import { z } from 'zod';
import { isoWithOffset } from '@shared/util/time-zone';
import { edxlEnvelope, edxlEnvelopeSchema, hubClientIdSchema, hubDateTimeSchema, lrmEnvelopeSchema } from './envelope';

export const rcDeAckSchema = z.object({
  /** The distributionID acknowledged. */
  messageId: z.string().min(1).max(200),
  sender: z.object({ name: hubClientIdSchema, URL: z.string().min(1).max(200) }),
  sentAt: hubDateTimeSchema,
  status: z.literal('Actual'),
  kind: z.literal('Ack'),
  recipients: z.object({
    recipient: z
      .array(z.object({ explicitAddressScheme: z.literal('Hubex'), explicitAddressValue: hubClientIdSchema }))
      .min(1),
  }),
  /** The distributionID acknowledged (same as messageId in the Hub's model). */
  reference: z.string().min(1).max(200),
});
export type RcDeAck = z.infer<typeof rcDeAckSchema>;

/** The Hub writes the code as a number; some of its messages as `{ statusCode, statusString }`: both are read. */
const errorCodeSchema = z.union([
  z.number().int().min(100).max(999),
  z.object({ statusCode: z.number().int().min(100).max(999), statusString: z.string().max(200).optional() }),
]);

const hubErrorContentSchema = z.looseObject({
  errorCode: errorCodeSchema,
  errorCause: z.string().max(10_000),
  referencedDistributionID: z.string().min(1).max(200),
  sourceMessage: z.unknown().optional(),
});

export const hubErrorSchema = edxlEnvelopeSchema('Error', hubErrorContentSchema);

/** An error as the platform acts on it: which message, which code, why (the source message is not kept). */
export interface HubError {
  distributionId: string;
  referencedDistributionId: string;
  code: number;
  /** `statusString` when the Hub gave one, e.g. `NOT_FOUND`. */
  codeName?: string;
  cause: string;
  senderId: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: string[] };

const MAX_MESSAGE_BYTES = 1024 * 1024;

function readJson(raw: unknown): Parsed<unknown> {
  if (!(typeof raw === 'string' || raw instanceof Uint8Array)) return { ok: true, value: raw };
  const text = typeof raw === 'string' ? raw : Buffer.from(raw).toString('utf8');
  if (text.length > MAX_MESSAGE_BYTES)
    return { ok: false, problems: [`message de plus de ${MAX_MESSAGE_BYTES} octets`] };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, problems: ['JSON illisible'] };
  }
}

function parseWith<T>(schema: z.ZodType<T>, raw: unknown): Parsed<T> {
  try {
    const json = readJson(raw);
    if (!json.ok) return json;
    const parsed = schema.safeParse(json.value);
    if (parsed.success) return { ok: true, value: parsed.data };
    return {
      ok: false,
      problems: parsed.error.issues
        .slice(0, 20)
        .map((issue) => `${issue.path.map(String).join('.') || '(racine)'} : ${issue.message}`),
    };
  } catch {
    return { ok: false, problems: ['message illisible'] };
  }
}

/** An RC-DE acknowledgement from the `ack` queue. */
export const parseRcDeAck = (raw: unknown): Parsed<RcDeAck> => parseWith(rcDeAckSchema, raw);

/** An error from the `info` queue, reduced to what the platform shows and retries on. */
export function parseHubError(raw: unknown): Parsed<HubError> {
  const parsed = parseWith(hubErrorSchema, raw);
  if (!parsed.ok) return parsed;
  const envelope = parsed.value;
  const content = envelope.content[0]?.contentObject.JsonContent.embeddedJsonContent;
  if (content === undefined) return { ok: false, problems: ['content : contenu absent'] };
  const code = typeof content.errorCode === 'number' ? content.errorCode : content.errorCode.statusCode;
  const codeName = typeof content.errorCode === 'number' ? undefined : content.errorCode.statusString;
  return {
    ok: true,
    value: {
      distributionId: envelope.distributionID,
      referencedDistributionId: content.referencedDistributionID,
      code,
      ...(codeName !== undefined ? { codeName } : {}),
      cause: content.errorCause,
      senderId: envelope.senderID,
    },
  };
}

/** A Report envelope as an LRM consumes it from its `message` queue. */
export const parseLrmEnvelope = (raw: unknown) => parseWith(lrmEnvelopeSchema, raw);

/** The RC-DE an LRM answers once it has processed a message. */
export function buildRcDeAck(options: {
  acknowledged: string;
  lrmId: string;
  platformId: string;
  now: number;
}): RcDeAck {
  return {
    messageId: options.acknowledged,
    sender: { name: options.lrmId, URL: `hubex:${options.lrmId}` },
    sentAt: isoWithOffset(options.now),
    status: 'Actual',
    kind: 'Ack',
    recipients: { recipient: [{ explicitAddressScheme: 'Hubex', explicitAddressValue: options.platformId }] },
    reference: options.acknowledged,
  };
}

/** An error message (EDXL-DE, kind Error) as the Hub or an LRM sends it to the platform's `info` queue. */
export function buildHubError(options: {
  distributionId: string;
  senderId: string;
  recipient: string;
  now: number;
  ttlMs: number;
  code: number;
  codeName?: string;
  cause: string;
  referencedDistributionId: string;
}) {
  return edxlEnvelope(
    'Error',
    {
      errorCode: options.codeName ? { statusCode: options.code, statusString: options.codeName } : options.code,
      errorCause: options.cause,
      referencedDistributionID: options.referencedDistributionId,
    },
    {
      distributionId: options.distributionId,
      senderId: options.senderId,
      recipient: options.recipient,
      sentAt: options.now,
      ttlMs: options.ttlMs,
    },
  );
}
