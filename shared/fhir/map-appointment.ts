// RDV V3: an Appointment a publisher POSTs/PUTs to the platform (FrAppointmentSAS, or sas-sos-appointment for SOS
// Médecins) → the fields the console keeps. Strict: any problem makes the whole appointment invalid, because the
// backend must answer 400/422 with an OperationOutcome rather than store half an appointment.
import { APPOINTMENT_STATUSES, type AppointmentStatus, type ParticipantStatus } from '../domain/appointment';
import { IDNPS_SYSTEM, SAS_PLATFORM_OID, type NationalId } from '../domain/identifiers';
import { APPOINTMENT_OPERATOR_EXTENSION, PROFILES, profileName } from './codes';
import { parseInstant } from './instant';
import { IssueSink, type MappingIssue } from './issues';
import { NATIONAL_ID_PATTERN, isIdnpsIdentifier, profilesOf } from './map-common';
import { child, describe, excerpt, isRecord, own, plainText, records, type JsonRecord } from './read';

/** The V3 fields of an appointment report, as the publisher sent them (times keep their offsets). */
export interface AppointmentReport {
  /** Which profile the publisher claims: `sos` for sas-sos-appointment, else `ps` (FrAppointmentSAS). */
  profile: 'ps' | 'sos';
  /** The publisher's identifier of the appointment (Appointment.identifier.value) and its system. */
  publisherAppointmentId: string;
  identifierSystem: string;
  status: AppointmentStatus;
  start: string;
  end: string;
  created?: string;
  /** Regulator who booked it (FrAppointmentOperator extension): IDNPS, or the SAS technical id (`operatorKind`). */
  operatorId: NationalId;
  /** `technical`: `operatorId` is the regulator's SAS technical id (UUID), to be resolved to the account. */
  operatorKind?: 'technical';
  /** Effector practitioner (participant.actor.identifier IDNPS), absent for SOS appointments without one. */
  practitionerId?: NationalId;
  practitionerName?: string;
  practitionerStatus?: ParticipantStatus;
}

export type AppointmentMapping = { ok: true; appointment: AppointmentReport } | { ok: false; issues: MappingIssue[] };

/** Codes that mean "this is not an Appointment at all": HTTP 400. Everything else is a 422 (readable but invalid). */
const MALFORMED = new Set(['appointment-not-an-object', 'appointment-wrong-resource-type', 'internal-error']);

/** The HTTP status the backend answers for these issues: 400 for a malformed body, 422 for an invalid one. */
export function appointmentIssueStatus(issues: readonly MappingIssue[]): 400 | 422 {
  return issues.some((i) => MALFORMED.has(i.code)) ? 400 : 422;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/u;

/**
 * The guide's participant status value set (sas-valueset-participant-status): the effector accepted the appointment,
 * or has still to confirm it. R4's `declined` and `tentative` are not in it.
 */
const IG_PARTICIPANT_STATUSES = ['accepted', 'needs-action'] as const satisfies readonly ParticipantStatus[];

export function mapAppointment(input: unknown): AppointmentMapping {
  const sink = new IssueSink();
  try {
    const report = readAppointment(input, sink);
    return report !== undefined && sink.issues.length === 0
      ? { ok: true, appointment: report }
      : { ok: false, issues: sink.issues };
  } catch {
    sink.add('internal-error', 'Erreur interne pendant la lecture du rendez-vous.');
    return { ok: false, issues: sink.issues };
  }
}

function readAppointment(input: unknown, sink: IssueSink): AppointmentReport | undefined {
  if (!isRecord(input)) {
    sink.add('appointment-not-an-object', `Un objet JSON Appointment est attendu (reçu : ${describe(input)}).`);
    return undefined;
  }
  const resourceType = own(input, 'resourceType');
  if (resourceType !== 'Appointment') {
    sink.add(
      'appointment-wrong-resource-type',
      `Une ressource Appointment est attendue (resourceType = ${typeof resourceType === 'string' ? excerpt(resourceType, 40) : 'absent'}).`,
      'Appointment.resourceType',
    );
    return undefined;
  }
  const sos = profilesOf(input).some((p) => profileName(p) === profileName(PROFILES.appointmentSos));
  const operator = readOperator(input, sink);
  const identifier = readIdentifier(input, sink);
  const status = readStatus(input, sink);
  const start = readTime(input, 'start', sink);
  const end = readTime(input, 'end', sink);
  if (start !== undefined && end !== undefined && end.epochMs <= start.epochMs)
    sink.add(
      'appointment-end-before-start',
      `La fin du rendez-vous (${end.text}) n'est pas après son début (${start.text}).`,
      'Appointment.end',
    );
  const created = readCreated(input, sink);
  const effector = readEffector(input, sink);
  if (
    operator === undefined ||
    identifier === undefined ||
    status === undefined ||
    start === undefined ||
    end === undefined
  )
    return undefined;
  const report: AppointmentReport = {
    profile: sos ? 'sos' : 'ps',
    publisherAppointmentId: identifier.value,
    identifierSystem: identifier.system,
    status,
    start: start.text,
    end: end.text,
    operatorId: operator.id,
  };
  if (operator.technical) report.operatorKind = 'technical';
  if (created !== undefined) report.created = created;
  if (effector.id !== undefined) report.practitionerId = effector.id;
  if (effector.name !== undefined) report.practitionerName = effector.name;
  if (effector.status !== undefined) report.practitionerStatus = effector.status;
  return report;
}

/** The SAS technical id of a regulator: a UUID under the platform's OID, identifier type INTRN. */
const TECHNICAL_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

function identifierTypeCodes(identifier: JsonRecord): unknown[] {
  const type = child(identifier, 'type');
  return type === undefined ? [] : records(type, 'coding').map((c) => own(c, 'code'));
}

function readOperator(appointment: JsonRecord, sink: IssueSink): { id: string; technical: boolean } | undefined {
  const extension = records(appointment, 'extension').find((e) => own(e, 'url') === APPOINTMENT_OPERATOR_EXTENSION);
  if (extension === undefined) {
    sink.add(
      'appointment-operator-missing',
      `Extension ${APPOINTMENT_OPERATOR_EXTENSION} absente : le régulateur qui a pris le rendez-vous est obligatoire.`,
      'Appointment.extension',
    );
    return undefined;
  }
  const identifier = child(child(extension, 'valueReference') ?? {}, 'identifier');
  const system = identifier === undefined ? undefined : own(identifier, 'system');
  const value = identifier === undefined ? undefined : own(identifier, 'value');
  const types = identifier === undefined ? [] : identifierTypeCodes(identifier);
  if (
    system === IDNPS_SYSTEM &&
    typeof value === 'string' &&
    NATIONAL_ID_PATTERN.test(value) &&
    !types.includes('INTRN')
  )
    return { id: value, technical: false };
  if (
    system === SAS_PLATFORM_OID &&
    typeof value === 'string' &&
    TECHNICAL_ID.test(value) &&
    types.every((code) => code === 'INTRN')
  )
    return { id: value.toLowerCase(), technical: true };
  sink.add(
    'appointment-operator-invalid',
    `Régulateur mal identifié : valueReference.identifier doit porter son IDNPS (système ${IDNPS_SYSTEM}, type IDNPS) ou son identifiant technique SAS (système ${SAS_PLATFORM_OID}, type INTRN, UUID).`,
    'Appointment.extension.valueReference.identifier',
  );
  return undefined;
}

function readIdentifier(appointment: JsonRecord, sink: IssueSink): { system: string; value: string } | undefined {
  const raw = own(appointment, 'identifier');
  const identifiers = records(appointment, 'identifier');
  if (raw === undefined || identifiers.length === 0) {
    sink.add(
      'appointment-identifier-missing',
      "Identifiant du rendez-vous chez l'éditeur absent (Appointment.identifier, système et valeur).",
      'Appointment.identifier',
    );
    return undefined;
  }
  const [first] = identifiers;
  const system = first === undefined ? undefined : plainText(first, 'system', 200);
  const value = first === undefined ? undefined : plainText(first, 'value', 200);
  if (identifiers.length > 1 || system === undefined || value === undefined) {
    sink.add(
      'appointment-identifier-invalid',
      identifiers.length > 1
        ? 'Un seul identifiant de rendez-vous est attendu (Appointment.identifier 1..1).'
        : 'Identifiant du rendez-vous incomplet : système et valeur (200 caractères au plus) sont obligatoires.',
      'Appointment.identifier',
    );
    return undefined;
  }
  return { system, value };
}

// `needs-action` is tolerated although R4 has it only as a participant status: domain.md lists it among the SOS
// appointment statuses, and refusing an appointment for it would lose the report (see README.md).
function readStatus(appointment: JsonRecord, sink: IssueSink): AppointmentStatus | undefined {
  const status = own(appointment, 'status');
  const known = APPOINTMENT_STATUSES.find((s) => s === status);
  if (known !== undefined) return known;
  if (status === undefined)
    sink.add('appointment-status-missing', 'Statut du rendez-vous absent (Appointment.status).', 'Appointment.status');
  else
    sink.add(
      'appointment-status-unknown',
      `Statut de rendez-vous inconnu « ${typeof status === 'string' ? excerpt(status, 30) : describe(status)} » (attendu : ${APPOINTMENT_STATUSES.join(', ')}).`,
      'Appointment.status',
    );
  return undefined;
}

function readTime(
  appointment: JsonRecord,
  key: 'start' | 'end',
  sink: IssueSink,
): { text: string; epochMs: number } | undefined {
  const value = own(appointment, key);
  const parsed = typeof value === 'string' ? parseInstant(value) : undefined;
  if (typeof value === 'string' && parsed !== undefined) return { text: value, epochMs: parsed.epochMs };
  const label = key === 'start' ? 'début' : 'fin';
  sink.add(
    `appointment-${key}-invalid`,
    value === undefined
      ? `Date de ${label} du rendez-vous absente (Appointment.${key}).`
      : `Date de ${label} du rendez-vous invalide : un instant FHIR avec fuseau est attendu (ex. 2022-09-04T14:00:00+01:00).`,
    `Appointment.${key}`,
  );
  return undefined;
}

function readCreated(appointment: JsonRecord, sink: IssueSink): string | undefined {
  const value = own(appointment, 'created');
  if (value === undefined) return undefined;
  if (typeof value === 'string' && (DATE_ONLY.test(value) || parseInstant(value) !== undefined)) return value;
  sink.add(
    'appointment-created-invalid',
    'Date de création du rendez-vous invalide (Appointment.created).',
    'Appointment.created',
  );
  return undefined;
}

function readEffector(
  appointment: JsonRecord,
  sink: IssueSink,
): { id?: string; name?: string; status?: ParticipantStatus } {
  const participants = records(appointment, 'participant');
  if (participants.length === 0) {
    sink.add(
      'appointment-participant-missing',
      'Rendez-vous sans participant (Appointment.participant).',
      'Appointment.participant',
    );
    return {};
  }
  let effector: { id?: string; name?: string; status?: ParticipantStatus } | undefined;
  participants.forEach((participant, index) => {
    const path = `Appointment.participant[${index}]`;
    const statusValue = own(participant, 'status');
    const status = IG_PARTICIPANT_STATUSES.find((s) => s === statusValue);
    if (statusValue !== undefined && status === undefined)
      sink.add(
        'appointment-participant-status-unknown',
        `Statut de participation inconnu « ${typeof statusValue === 'string' ? excerpt(statusValue, 30) : describe(statusValue)} » (attendu : ${IG_PARTICIPANT_STATUSES.join(', ')}).`,
        `${path}.status`,
      );
    const actor = child(participant, 'actor');
    const identifier = actor === undefined ? undefined : child(actor, 'identifier');
    if (identifier === undefined) {
      if (effector === undefined && participants.length === 1 && status !== undefined) effector = { status };
      return;
    }
    const value = own(identifier, 'value');
    if (!isIdnpsIdentifier(identifier) || typeof value !== 'string' || !NATIONAL_ID_PATTERN.test(value)) {
      sink.add(
        'appointment-participant-invalid',
        `Effecteur mal identifié : participant.actor.identifier doit porter son IDNPS (système ${IDNPS_SYSTEM}).`,
        `${path}.actor.identifier`,
      );
      return;
    }
    if (effector?.id !== undefined) return;
    effector = { id: value };
    const name = actor === undefined ? undefined : plainText(actor, 'display', 200);
    if (name !== undefined) effector.name = name;
    if (status !== undefined) effector.status = status;
  });
  return effector ?? {};
}
