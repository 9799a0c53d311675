// RDV V1 (FrPractitionerRegul, the regulator account pushed to publishers) and RDV V3 (FrAppointmentSAS, the
// appointment a publisher reports) as FHIR, in the shape of the guide's examples. The mappers read them back.
import type * as fhir from 'fhir/r4';
import { IDNPS_SYSTEM, SAS_PLATFORM_OID } from '../domain/identifiers';
import { APPOINTMENT_OPERATOR_EXTENSION, FR_V2_0203_SYSTEM, PROFILES } from './codes';
import type { AppointmentReport } from './map-appointment';
import type { RegulatorPractitioner } from './map-regulator';

const PARTICIPATION_TYPE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType';

function idnps(value: string): fhir.Identifier {
  return { type: { coding: [{ system: FR_V2_0203_SYSTEM, code: 'IDNPS' }] }, system: IDNPS_SYSTEM, value };
}

/** The regulator's SAS technical id (UUID) as the guide writes it: the platform's OID, identifier type INTRN. */
function technicalId(value: string): fhir.Identifier {
  return { type: { coding: [{ system: FR_V2_0203_SYSTEM, code: 'INTRN' }] }, system: SAS_PLATFORM_OID, value };
}

/** V1: the regulator account as FrPractitionerRegul (POST to create, conditional PUT on the identifier to update). */
export function buildRegulatorPractitioner(
  account: RegulatorPractitioner,
  options: { id?: string } = {},
): fhir.Practitioner {
  const identifier: fhir.Identifier[] = [];
  if (account.nationalId !== undefined) identifier.push(idnps(account.nationalId));
  if (account.internalId !== undefined)
    identifier.push({
      type: { coding: [{ system: FR_V2_0203_SYSTEM, code: 'INTRN' }] },
      system: SAS_PLATFORM_OID,
      value: account.internalId,
    });
  const practitioner: fhir.Practitioner = {
    resourceType: 'Practitioner',
    meta: { source: account.source ?? SAS_PLATFORM_OID, profile: [PROFILES.practitionerRegul] },
    identifier,
    active: account.active,
    name: [{ family: account.familyName, given: [account.givenName] }],
  };
  if (options.id !== undefined) practitioner.id = options.id;
  if (account.email !== undefined) practitioner.telecom = [{ system: 'email', value: account.email }];
  return practitioner;
}

/**
 * V3: an appointment report as FrAppointmentSAS (or sas-sos-appointment). Participant.status is mandatory in FHIR:
 * without a given status, an identified effector is `accepted` and an unidentified one (SOS) `needs-action`.
 * `needs-action` is not an R4 Appointment.status (domain.md lists it; the guide's SOS example has it on the
 * participant, with the appointment `pending`): it is written the example's way.
 */
export function buildAppointment(report: AppointmentReport, options: { id?: string } = {}): fhir.Appointment {
  const needsAction = report.status === 'needs-action';
  const participantStatus = needsAction ? 'needs-action' : report.practitionerStatus;
  const participant: fhir.AppointmentParticipant =
    report.practitionerId !== undefined
      ? { actor: { identifier: idnps(report.practitionerId) }, status: participantStatus ?? 'accepted' }
      : {
          type: [{ coding: [{ system: PARTICIPATION_TYPE_SYSTEM, code: 'ADM' }] }],
          status: participantStatus ?? 'needs-action',
        };
  if (report.practitionerId !== undefined && report.practitionerName !== undefined && participant.actor !== undefined)
    participant.actor.display = report.practitionerName;
  const appointment: fhir.Appointment = {
    resourceType: 'Appointment',
    meta: { profile: [report.profile === 'sos' ? PROFILES.appointmentSos : PROFILES.appointment] },
    extension: [
      {
        url: APPOINTMENT_OPERATOR_EXTENSION,
        valueReference: {
          identifier: report.operatorKind === 'technical' ? technicalId(report.operatorId) : idnps(report.operatorId),
        },
      },
    ],
    identifier: [{ system: report.identifierSystem, value: report.publisherAppointmentId }],
    status: report.status === 'needs-action' ? 'pending' : report.status,
    start: report.start,
    end: report.end,
    participant: [participant],
  };
  if (options.id !== undefined) appointment.id = options.id;
  if (report.created !== undefined) appointment.created = report.created;
  return appointment;
}
