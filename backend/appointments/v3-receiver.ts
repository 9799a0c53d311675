// RDV V3: publishers POST (create) or PUT (conditional update on the identifier) a FrAppointmentSAS when an
// appointment is confirmed or changes. Valid → the fields the console shows are stored (idempotent on the
// publisher's identifier; never the resource itself) and pushed live to the regulator's console; invalid →
// 400/422 with an OperationOutcome naming the problem.
//
// Traceability: an appointment for a regulator who did not open this publisher's booking page from the console
// lately is accepted but flagged « non initié depuis la console »; a publisher cannot hand an appointment over to
// another regulator: such an update is refused (422), the appointment stays with the regulator who booked it.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { appointmentIssueStatus, mapAppointment } from '../../shared/fhir/map-appointment';
import type { MappingIssue } from '../../shared/fhir/issues';
import { readBody, BodyTooLargeError } from '../http/read-body';
import { visibleAppointment, type AppointmentRepository } from '../storage/appointments';
import type { BookingIntents } from './booking-intents';
import type { AppointmentFeed } from './feed';

/** Tells which registered publisher sent a request (client certificate or publisher key), or undefined. */
export type PublisherAuthenticator = (request: IncomingMessage) => string | undefined;

export interface V3ReceiverDeps {
  appointments: AppointmentRepository;
  feed: AppointmentFeed;
  intents: BookingIntents;
  authenticate: PublisherAuthenticator;
  /** The regulator (IDNPS) a SAS technical id stands for, or undefined when no account has it. */
  regulatorByTechnicalId: (technicalId: string) => Promise<string | undefined>;
  /** The backend's public origin for `Location` headers; else the request's own (Host, TLS or not). */
  publicOrigin?: string;
  onUnexpected: (error: unknown) => void;
}

const FHIR_JSON = 'application/fhir+json; charset=utf-8';
const MAX_BODY = 256 * 1024;

function outcome(
  response: ServerResponse,
  status: number,
  issues: readonly { severity?: string; code: string; message: string; path?: string }[],
) {
  response.writeHead(status, { 'content-type': FHIR_JSON });
  response.end(
    JSON.stringify({
      resourceType: 'OperationOutcome',
      issue: issues.map((i) => ({
        severity: i.severity ?? 'error',
        code: i.code.startsWith('fhir:') ? i.code.slice(5) : 'invalid',
        details: {
          coding: [
            { system: 'https://sas.sante.fr/fhir/CodeSystem/sas-console-issue', code: i.code.replace(/^fhir:/u, '') },
          ],
          text: i.message,
        },
        ...(i.path ? { expression: [i.path] } : {}),
      })),
    }),
  );
}

export async function handleAppointmentWrite(
  request: IncomingMessage,
  response: ServerResponse,
  deps: V3ReceiverDeps,
): Promise<void> {
  const publisherId = deps.authenticate(request);
  if (!publisherId) {
    return outcome(response, 401, [
      { code: 'fhir:security', message: 'Éditeur non authentifié (certificat client ou clé d’éditeur requis).' },
    ]);
  }
  if (!/^application\/(fhir\+json|json\+fhir|json)/iu.test(request.headers['content-type'] ?? '')) {
    return outcome(response, 415, [
      { code: 'fhir:not-supported', message: 'Type de contenu attendu : application/fhir+json.' },
    ]);
  }
  let body: unknown;
  try {
    body = JSON.parse(await readBody(request, MAX_BODY));
  } catch (error) {
    if (error instanceof BodyTooLargeError)
      return outcome(response, 413, [{ code: 'fhir:too-costly', message: 'Rendez-vous trop volumineux.' }]);
    return outcome(response, 400, [{ code: 'fhir:structure', message: 'Corps JSON illisible.' }]);
  }
  const mapped = mapAppointment(body);
  if (!mapped.ok) return outcome(response, appointmentIssueStatus(mapped.issues), mapped.issues.map(asOutcomeIssue));
  const report = mapped.appointment;

  if (request.method === 'PUT') {
    // Conditional update: the identifier in the URL must be the appointment's own. The guide's examples spell the
    // parameter `Identifier`; FHIR's is `identifier`: both are read.
    const params = new URL(request.url ?? '/', 'http://backend').searchParams;
    const identifier = params.get('identifier') ?? params.get('Identifier');
    const value = identifier?.includes('|') ? identifier.slice(identifier.indexOf('|') + 1) : identifier;
    if (!value)
      return outcome(response, 400, [
        { code: 'fhir:required', message: 'Mise à jour conditionnelle : paramètre identifier manquant.' },
      ]);
    if (value !== report.publisherAppointmentId) {
      return outcome(response, 422, [
        {
          code: 'identifier-mismatch',
          message: `L’identifiant de l’URL (${value.slice(0, 80)}) diffère de celui du rendez-vous.`,
          path: 'Appointment.identifier',
        },
      ]);
    }
  }

  const operatorId =
    report.operatorKind === 'technical' ? await deps.regulatorByTechnicalId(report.operatorId) : report.operatorId;
  if (operatorId === undefined)
    return outcome(response, 422, [
      {
        code: 'appointment-operator-unknown',
        message: 'Identifiant technique SAS du régulateur inconnu de la plateforme.',
        path: 'Appointment.extension.valueReference.identifier',
      },
    ]);

  const known = await deps.appointments.getByPublisherId(publisherId, report.publisherAppointmentId);
  if (known !== undefined && known.operatorId !== operatorId)
    return outcome(response, 422, [
      {
        code: 'appointment-operator-changed',
        message:
          'Le rendez-vous a été pris par un autre régulateur : il ne peut pas lui être retiré par une mise à jour.',
        path: 'Appointment.extension.valueReference.identifier',
      },
    ]);

  const intent = await deps.intents.match({
    operatorId,
    publisherId,
    ...(report.practitionerId ? { practitionerId: report.practitionerId } : {}),
    start: report.start,
  });
  const { created, appointment } = await deps.appointments.upsert({
    publisherId,
    publisherAppointmentId: report.publisherAppointmentId,
    status: report.status,
    start: report.start,
    end: report.end,
    operatorId,
    ...(report.practitionerId ? { practitionerId: report.practitionerId } : {}),
    ...(report.practitionerName ? { practitionerName: report.practitionerName } : {}),
    ...(report.practitionerStatus ? { practitionerStatus: report.practitionerStatus } : {}),
    ...(intent.searchId ? { searchId: intent.searchId } : {}),
    // The LRM that launched the search hears of it; a later PUT with no matching intent keeps the stored origin.
    ...(intent.lrmOrigin ? { lrmOrigin: intent.lrmOrigin } : {}),
    // Only a new appointment is judged: updates follow whatever its creation was.
    ...(known === undefined && !intent.initiated ? { notInitiated: true } : {}),
  });
  deps.feed.publish(visibleAppointment(appointment));
  response.writeHead(created ? 201 : 200, {
    'content-type': FHIR_JSON,
    location: `${deps.publicOrigin ?? requestOrigin(request)}/fhir/Appointment/${encodeURIComponent(appointment.id)}`,
  });
  response.end(JSON.stringify({ ...(body as object), id: appointment.id }));
}

/** The origin the publisher called, for an absolute `Location`. */
function requestOrigin(request: IncomingMessage): string {
  const tls = (request.socket as Partial<TLSSocket>).encrypted === true;
  const host = request.headers.host;
  const safeHost = host !== undefined && /^[A-Za-z0-9.\-[\]:]{1,300}$/u.test(host) ? host : 'localhost';
  return `${tls ? 'https' : 'http'}://${safeHost}`;
}

function asOutcomeIssue(issue: MappingIssue) {
  return { code: issue.code, message: issue.message, ...(issue.path ? { path: issue.path } : {}) };
}
