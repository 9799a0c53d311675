// The FHIR resources of an INT_L02 Bundle, shaped as the guide's LRM profiles and examples write them. Resource ids
// are derived from national ids, so the same practitioner or structure has the same reference in every message
// about an appointment: that is what lets an update POST only what the LRM has not received yet.
import { isoWithOffset } from '@shared/util/time-zone';
import type { AppointmentStatus, ParticipantStatus } from '@shared/domain/appointment';
import {
  FR_CORE_V2_0203_SYSTEM,
  IDNPS_SYSTEM,
  IDNST_SYSTEM,
  CATEGORIE_ORIENTATION_EXTENSION,
  LRM_PROFILES,
  ORIENTATION_CATEGORIES,
  PARTICIPATION_TYPE_SYSTEM,
  PRACTITIONER_SPECIALTY_EXTENSION,
  SAS_APPOINTMENT_ID_SYSTEM,
  TRE_R38_SYSTEM,
  type OrientationCategory,
} from './codes';
import type { LrmPractitioner, LrmStructure } from './input';

export type FhirResource = { resourceType: string; id: string } & Record<string, unknown>;

/** A FHIR id (`[A-Za-z0-9-.]{1,64}`) from a national id: `3…/local` forms carry a slash. */
function fhirIdOf(value: string): string {
  const id = value
    .trim()
    .replace(/[^A-Za-z0-9\-.]/gu, '-')
    .slice(0, 64);
  return id === '' ? 'inconnu' : id;
}

export const referenceOf = (resource: FhirResource): string => `${resource.resourceType}/${resource.id}`;

/** Times as the guide writes them: to the second, with the Paris offset. */
const paris = (instant: string): string => isoWithOffset(Date.parse(instant));

/**
 * The LRM statuses are FHIR AppointmentStatus; `needs-action` (tolerated from SOS publishers, a participant status in
 * R4) reads as a pending appointment.
 */
const lrmStatus = (status: AppointmentStatus): string => (status === 'needs-action' ? 'pending' : status);

/** The effector's acceptance: as reported, else `needs-action` while the appointment waits, `accepted` otherwise. */
function participantStatusOf(status: AppointmentStatus, reported: ParticipantStatus | undefined): ParticipantStatus {
  if (reported !== undefined) return reported;
  return status === 'pending' || status === 'needs-action' ? 'needs-action' : 'accepted';
}

export function appointmentResource(input: {
  appointmentId: string;
  status: AppointmentStatus;
  start: string;
  end: string;
  created: string;
  participantStatus?: ParticipantStatus | undefined;
  category: OrientationCategory;
  /** Practitioner, or HealthcareService when only the structure is known; none while nobody is assigned. */
  actor?: FhirResource | undefined;
}): FhirResource {
  const { system, code, display } = ORIENTATION_CATEGORIES[input.category];
  return {
    resourceType: 'Appointment',
    id: input.appointmentId,
    meta: { profile: [LRM_PROFILES.appointment] },
    extension: [
      { url: CATEGORIE_ORIENTATION_EXTENSION, valueCodeableConcept: { coding: [{ system, code, display }] } },
    ],
    identifier: [{ system: SAS_APPOINTMENT_ID_SYSTEM, value: input.appointmentId }],
    status: lrmStatus(input.status),
    start: paris(input.start),
    end: paris(input.end),
    created: paris(input.created),
    participant: [
      {
        type: [{ coding: [{ system: PARTICIPATION_TYPE_SYSTEM, code: 'ADM' }] }],
        ...(input.actor ? { actor: { reference: referenceOf(input.actor) } } : {}),
        status: participantStatusOf(input.status, input.participantStatus),
      },
    ],
  };
}

function practitionerName(practitioner: LrmPractitioner): Record<string, unknown> | undefined {
  if (practitioner.familyName !== undefined)
    return {
      family: practitioner.familyName,
      ...(practitioner.givenName !== undefined ? { given: [practitioner.givenName] } : {}),
    };
  return practitioner.text !== undefined ? { text: practitioner.text } : undefined;
}

export function practitionerResource(practitioner: LrmPractitioner): FhirResource {
  const name = practitionerName(practitioner);
  return {
    resourceType: 'Practitioner',
    id: fhirIdOf(practitioner.idnps),
    meta: { profile: [LRM_PROFILES.practitioner] },
    ...(practitioner.specialtyCode !== undefined
      ? {
          extension: [
            {
              url: PRACTITIONER_SPECIALTY_EXTENSION,
              valueCoding: { system: TRE_R38_SYSTEM, code: practitioner.specialtyCode },
            },
          ],
        }
      : {}),
    identifier: [
      {
        type: { coding: [{ system: FR_CORE_V2_0203_SYSTEM, code: 'IDNPS' }] },
        system: IDNPS_SYSTEM,
        value: practitioner.idnps.trim(),
      },
    ],
    ...(name ? { name: [name] } : {}),
  };
}

export function organizationResource(structure: LrmStructure): FhirResource {
  return {
    resourceType: 'Organization',
    id: fhirIdOf(structure.idnst),
    meta: { profile: [LRM_PROFILES.organization] },
    identifier: [
      {
        type: { coding: [{ system: FR_CORE_V2_0203_SYSTEM, code: 'IDNST' }] },
        system: IDNST_SYSTEM,
        value: structure.idnst.trim(),
      },
    ],
    name: structure.name,
  };
}

export function practitionerRoleResource(practitioner: FhirResource, organization: FhirResource): FhirResource {
  return {
    resourceType: 'PractitionerRole',
    id: fhirIdOf(`${practitioner.id}-${organization.id}`),
    meta: { profile: [LRM_PROFILES.practitionerRole] },
    practitioner: { reference: referenceOf(practitioner) },
    organization: { reference: referenceOf(organization) },
  };
}

/** The structure's service, the appointment's actor when no practitioner is known (guide example 2). */
export function healthcareServiceResource(organization: FhirResource): FhirResource {
  return {
    resourceType: 'HealthcareService',
    id: fhirIdOf(`service-${organization.id}`),
    meta: { profile: [LRM_PROFILES.healthcareService] },
    providedBy: { reference: referenceOf(organization) },
  };
}
