// One INT_L02 message: the Bundle of an appointment inside its EDXL-DE envelope, addressed to one SAMU's LRM.
import { randomUUID } from 'node:crypto';
import { buildLrmBundle, type LrmBundle } from './bundle';
import { edxlEnvelope, hubClientIdSchema } from './envelope';
import { lrmAppointmentInputSchema, type LrmAppointmentInput } from './input';

/** Fallback base of the Bundle entries' fullUrl (the guide's examples leave it as `https://<base_URl>`). */
const DEFAULT_LRM_FHIR_BASE = 'https://ptf.sas.sante.fr/fhir';
/** A day: an orientation not delivered by then is stale for the regulator, the Hub answers 400 and it is retried. */
const DEFAULT_LRM_TTL_MS = 24 * 60 * 60 * 1000;

export interface LrmMessageOptions {
  /**
   * Absent for the first message about an appointment. For an update: the `resources` of the earlier results (the
   * last one's list is enough, it already includes the ones before): the Appointment is then PUT, and only
   * resources not in the list are POSTed.
   */
  previous?: { resources: readonly string[] } | undefined;
  /** The platform's Hub client id (config `lrm.senderId`, `fr.health.ptfsas`). */
  senderId: string;
  /** The SAMU's Hub client id, `fr.health.samuXXX`. */
  recipient: string;
  /** Sending time (ms since epoch, or a Date): dateTimeSent. */
  now: number | Date;
  /** dateTimeExpires = now + ttlMs (at least one second). */
  ttlMs?: number;
  fhirBase?: string;
  /** The unique part of the distributionID (a UUID by default). */
  newId?: () => string;
}

export interface LrmMessage {
  /** `${senderId}_${unique}`: what the RC-DE acknowledgement and the errors refer to. */
  distributionId: string;
  /** The JSON to publish, as is. */
  envelope: ReturnType<typeof edxlEnvelope<'Report', LrmBundle>>;
  /** Every resource the LRM holds for this appointment once this message is received: keep it for `previous`. */
  resources: string[];
}

class LrmMessageInputError extends Error {
  constructor(readonly problems: string[]) {
    super(`Rendez-vous impossible à transmettre au LRM :\n- ${problems.join('\n- ')}`);
    this.name = 'LrmMessageInputError';
  }
}

/** Builds the message; throws an LrmMessageInputError naming each invalid field of `input`. */
export function buildLrmMessage(input: LrmAppointmentInput, options: LrmMessageOptions): LrmMessage {
  const parsed = lrmAppointmentInputSchema.safeParse(input);
  if (!parsed.success)
    throw new LrmMessageInputError(
      parsed.error.issues.map((issue) => `${issue.path.map(String).join('.') || '(racine)'} : ${issue.message}`),
    );
  const ttlMs = options.ttlMs ?? DEFAULT_LRM_TTL_MS;
  const problems = [
    ...(ttlMs >= 1000 ? [] : [`ttlMs : au moins 1000 ms (reçu ${ttlMs})`]),
    ...(hubClientIdSchema.safeParse(options.senderId).success ? [] : [`senderId invalide : ${options.senderId}`]),
    ...(hubClientIdSchema.safeParse(options.recipient).success ? [] : [`recipient invalide : ${options.recipient}`]),
  ];
  if (problems.length > 0) throw new LrmMessageInputError(problems);
  const { bundle, resources } = buildLrmBundle(parsed.data, {
    fhirBase: (options.fhirBase ?? DEFAULT_LRM_FHIR_BASE).replace(/\/+$/u, ''),
    alreadySent: options.previous?.resources,
  });
  const distributionId = `${options.senderId}_${(options.newId ?? randomUUID)()}`;
  const envelope = edxlEnvelope('Report', bundle, {
    distributionId,
    senderId: options.senderId,
    recipient: options.recipient,
    sentAt: typeof options.now === 'number' ? options.now : options.now.getTime(),
    ttlMs,
  });
  return { distributionId, envelope, resources };
}
