// What the LRM link needs from the INT_L02 message format, injected: composing an appointment's EDXL-DE envelope,
// and reading the final acknowledgements (RC-DE) and the errors that come back. The transport knows nothing of FHIR.
import type { LrmAppointmentSnapshot } from '../storage/appointment-changes';

/** An EDXL-DE envelope as sent (JSON); its `distributionID` is what acknowledgements and errors refer to. */
export type LrmEnvelope = Record<string, unknown>;

interface ComposedLrmMessage {
  distributionId: string;
  envelope: LrmEnvelope;
}

/**
 * Composes the message telling `recipient` about the appointment. `previousSent` are the envelopes of the earlier
 * messages for this appointment the LRM was sent and did not refuse, oldest first (empty: the LRM does not know it
 * yet, every resource is created). Undefined: nothing to send.
 */
export type ComposeLrmMessage = (
  appointment: LrmAppointmentSnapshot,
  previousSent: readonly LrmEnvelope[],
  recipient: string,
) => Promise<ComposedLrmMessage | undefined>;

/** An error the Hub or the LRM sent on the `info` queue, about one of our messages. */
export interface LrmErrorReport {
  distributionId: string;
  /** 400 expired, 500 dead-lettered, 404 unknown to the LRM… */
  code: number;
  cause: string;
}

export interface LrmCodec {
  compose: ComposeLrmMessage;
  /** The distribution id an RC-DE acknowledges, or undefined when the body is not one. */
  readAcknowledgement(body: unknown): string | undefined;
  readError(body: unknown): LrmErrorReport | undefined;
}
