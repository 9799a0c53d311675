// RDV V3 from the publisher's side: reports an appointment to the SAS platform as a FrAppointmentSAS — POST on
// creation, conditional PUT on the publisher's identifier for every change. Network failures, 5xx and 429 are
// retried a few times with exponential backoff (the platform may be restarting); any other refusal is final for
// that body and is returned, in French, for the page to show with a retry button.
import type * as fhir from 'fhir/r4';
import { buildAppointment } from '@shared/fhir/build-v1-v3';
import type { BookedAppointment } from './bookings';

export interface AppointmentSenderOptions {
  /** The backend's `/fhir/Appointment` URL. */
  appointmentsUrl: string;
  /** Training: the publisher authenticates with `Authorization: Bearer <key>` (mutual TLS in production). */
  publisherKey: string;
  /** System of the publisher's appointment identifiers, e.g. `urn:sas-console:training:<id>:appointment`. */
  identifierSystem: string;
  fetch?: typeof fetch;
  /** Attempts in all, first included (default 3). */
  attempts?: number;
  /** First backoff delay, doubled at each retry (default 250 ms). */
  baseDelayMs?: number;
  /** Per attempt (default 5 s). */
  timeoutMs?: number;
}

type SendOutcome =
  | { ok: true; httpStatus: number; attempts: number }
  | { ok: false; httpStatus?: number; message: string; attempts: number };

export interface AppointmentSender {
  /** `create`: POST; `update`: conditional PUT on the identifier. */
  send(appointment: BookedAppointment, mode: 'create' | 'update'): Promise<SendOutcome>;
  /** The FrAppointmentSAS this publisher sends for an appointment (no patient data: V3 carries none). */
  resourceFor(appointment: BookedAppointment): fhir.Appointment;
}

const FHIR_JSON = 'application/fhir+json';
const MAX_ERROR_TEXT = 600;

function retryable(status: number): boolean {
  return status >= 500 || status === 429 || status === 408;
}

/** The French texts of an OperationOutcome answer, or nothing when the body is not one. */
export function outcomeText(body: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    if (
      typeof parsed !== 'object' ||
      parsed === null ||
      (parsed as { resourceType?: unknown }).resourceType !== 'OperationOutcome'
    )
      return undefined;
    const issues = (parsed as { issue?: unknown }).issue;
    if (!Array.isArray(issues)) return undefined;
    const texts = issues
      .slice(0, 10)
      .map((issue: unknown) => {
        const details = (issue as { details?: { text?: unknown } } | null)?.details?.text;
        const diagnostics = (issue as { diagnostics?: unknown } | null)?.diagnostics;
        return typeof details === 'string' ? details : typeof diagnostics === 'string' ? diagnostics : undefined;
      })
      .filter((t): t is string => t !== undefined && t.trim() !== '');
    return texts.length > 0 ? texts.join(' ; ').slice(0, MAX_ERROR_TEXT) : undefined;
  } catch {
    return undefined;
  }
}

export function createAppointmentSender(options: AppointmentSenderOptions): AppointmentSender {
  const fetchImpl = options.fetch ?? fetch;
  const attempts = Math.max(1, options.attempts ?? 3);
  const baseDelayMs = Math.max(0, options.baseDelayMs ?? 250);
  const timeoutMs = options.timeoutMs ?? 5000;

  function resourceFor(appointment: BookedAppointment): fhir.Appointment {
    return buildAppointment({
      profile: 'ps',
      publisherAppointmentId: appointment.id,
      identifierSystem: options.identifierSystem,
      status: appointment.status,
      start: appointment.start,
      end: appointment.end,
      created: appointment.createdAt,
      operatorId: appointment.operatorId,
      practitionerId: appointment.practitionerId,
      practitionerName: appointment.practitionerName,
      practitionerStatus: 'accepted',
    });
  }

  async function once(
    url: string,
    method: string,
    body: string,
  ): Promise<{ status: number; text: string } | { error: string }> {
    try {
      const response = await fetchImpl(url, {
        method,
        headers: { authorization: `Bearer ${options.publisherKey}`, 'content-type': FHIR_JSON, accept: FHIR_JSON },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = (await response.text()).slice(0, 64 * 1024);
      return { status: response.status, text };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }

  return {
    resourceFor,
    async send(appointment, mode) {
      const url =
        mode === 'create'
          ? options.appointmentsUrl
          : `${options.appointmentsUrl}?identifier=${encodeURIComponent(`${options.identifierSystem}|${appointment.id}`)}`;
      const method = mode === 'create' ? 'POST' : 'PUT';
      const body = JSON.stringify(resourceFor(appointment));
      let last: { status: number; text: string } | { error: string } = { error: 'not sent' };
      for (let attempt = 1; attempt <= attempts; attempt += 1) {
        if (attempt > 1) await new Promise((resolve) => setTimeout(resolve, baseDelayMs * 2 ** (attempt - 2)));
        last = await once(url, method, body);
        if ('status' in last && last.status >= 200 && last.status < 300)
          return { ok: true, httpStatus: last.status, attempts: attempt };
        if ('status' in last && !retryable(last.status)) {
          const detail = outcomeText(last.text);
          return {
            ok: false,
            httpStatus: last.status,
            attempts: attempt,
            message: `La plateforme SAS a refusé le compte rendu du rendez-vous (HTTP ${last.status})${detail ? ` : ${detail}` : '.'}`,
          };
        }
      }
      if ('status' in last) {
        const detail = outcomeText(last.text);
        return {
          ok: false,
          httpStatus: last.status,
          attempts,
          message: `La plateforme SAS n’a pas pu enregistrer le compte rendu (HTTP ${last.status}, ${attempts} tentatives)${detail ? ` : ${detail}` : '.'}`,
        };
      }
      return {
        ok: false,
        attempts,
        message: `La plateforme SAS est injoignable (${attempts} tentatives). Réessayez dans un instant.`,
      };
    },
  };
}
