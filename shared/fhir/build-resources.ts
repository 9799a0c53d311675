// Domain → the FHIR resources of a searchset answer, one builder per resource, in the guide's profiles. Pure: which
// resource goes in, when and under which id is decided by the searchset builder (build-bundle.ts).
import type * as fhir from 'fhir/r4';
import type { Cpts, Place, Practitioner, SosSite } from '../domain/care-offer';
import { IDNPS_SYSTEM, IDNST_SYSTEM, idnstFromFiness } from '../domain/identifiers';
import type { Slot } from '../domain/slot';
import {
  ACT_CODE_SYSTEM,
  APPOINTMENT_REASON_SYSTEM,
  CATEGORIE_ETABLISSEMENT_SYSTEM,
  CPTS_CATEGORY_CODE,
  FR_CORE_V2_0203_SYSTEM,
  FR_LOCATION_IDENTIFIER_TYPE_SYSTEM,
  FR_V2_0203_SYSTEM,
  PROFILES,
  SLOT_SERVICE_TYPE_EXTENSION,
  TYPE_CRENEAU_SYSTEM,
} from './codes';

const ACT_CODE_BY_MODE = { cabinet: 'AMB', teleconsultation: 'VR', domicile: 'HH' } as const;

/** A practitioner's role at one place, with the Schedule of their agenda there. */
export interface RoleEntries {
  fhirId: string;
  place?: Place;
  scheduleId: string;
}

export interface PractitionerEntries {
  index: number;
  practitioner: Practitioner;
  fhirId: string;
  /** One PractitionerRole per place (at least one). */
  roles: RoleEntries[];
  emitted: boolean;
}

/** A CPTS: its HealthcareService (what slots point at) and its Organization. */
export interface CptsEntries {
  cpts: Cpts;
  serviceId: string;
  orgId: string;
}

/** A SOS Médecins site: its Schedule, its Location and the association's Organization (shared by its sites). */
export interface SosSiteEntries {
  site: SosSite;
  locationId: string;
  scheduleId: string;
  orgId: string;
}

/** The Slot without its Schedule reference, which the caller sets once it knows whose agenda this is. */
export function slotResource(slot: Slot, id: string): fhir.Slot {
  const resource: fhir.Slot = {
    resourceType: 'Slot',
    id,
    meta: {
      profile: [
        slot.sosSiteId !== undefined
          ? PROFILES.slotSos
          : slot.cptsFiness !== undefined
            ? PROFILES.slotCpts
            : PROFILES.slotPs,
      ],
      security: slot.types.map((code) => ({ system: TYPE_CRENEAU_SYSTEM, code })),
    },
    serviceType: slot.modes.map((mode) => ({ coding: [{ system: ACT_CODE_SYSTEM, code: ACT_CODE_BY_MODE[mode] }] })),
    specialty: slot.specialties.map((c) => ({ coding: [codingOf(c)] })),
    appointmentType: {
      coding: [{ system: APPOINTMENT_REASON_SYSTEM, code: slot.withAppointment ? 'ROUTINE' : 'WALKIN' }],
    },
    schedule: { reference: '' },
    status: 'free',
    start: slot.start,
    end: slot.end,
  };
  if (slot.bookingUrl !== undefined) resource.comment = slot.bookingUrl;
  return resource;
}

/** The serviceType that ties a CPTS slot to the CPTS's HealthcareService (R5 extension backported). */
export function cptsServiceType(serviceId: string): fhir.CodeableConcept {
  return {
    extension: [{ url: SLOT_SERVICE_TYPE_EXTENSION, valueReference: { reference: `HealthcareService/${serviceId}` } }],
    coding: [{ system: CATEGORIE_ETABLISSEMENT_SYSTEM, code: CPTS_CATEGORY_CODE }],
  };
}

export function practitionerResource(p: PractitionerEntries): fhir.Practitioner {
  const { practitioner } = p;
  const name: fhir.HumanName = { family: practitioner.familyName };
  if (practitioner.givenName !== undefined) name.given = [practitioner.givenName];
  if (practitioner.prefix !== undefined) name.prefix = [practitioner.prefix];
  return {
    resourceType: 'Practitioner',
    id: p.fhirId,
    meta: { profile: [PROFILES.practitioner] },
    identifier: [idnpsIdentifier(practitioner.nationalId)],
    name: [name],
  };
}

/** The role at one place: the place as a contained Location, the structure as a logical reference (IDNST). */
export function practitionerRoleResource(
  p: PractitionerEntries,
  role: { fhirId: string; place?: Place },
): fhir.PractitionerRole {
  const resource: fhir.PractitionerRole = {
    resourceType: 'PractitionerRole',
    id: role.fhirId,
    meta: { profile: [PROFILES.practitionerRole] },
    practitioner: { reference: `Practitioner/${p.fhirId}` },
  };
  const place = role.place;
  if (place !== undefined && hasAddress(place)) {
    resource.contained = [locationOf('loc', place, PROFILES.location)];
    resource.location = [{ reference: '#loc' }];
  }
  if (place?.organizationId !== undefined || place?.organizationName !== undefined) {
    const organization: fhir.Reference = {};
    if (place.organizationId !== undefined)
      organization.identifier = {
        type: { coding: [{ system: FR_V2_0203_SYSTEM, code: 'IDNST' }] },
        system: IDNST_SYSTEM,
        value: place.organizationId,
      };
    if (place.organizationName !== undefined) organization.display = place.organizationName;
    resource.organization = organization;
  }
  if (p.practitioner.phone !== undefined) resource.telecom = [{ system: 'phone', value: p.practitioner.phone }];
  if (p.practitioner.specialties.length > 0)
    resource.specialty = p.practitioner.specialties.map((c) => ({ coding: [codingOf(c)] }));
  return resource;
}

export function cptsResources(entry: CptsEntries): {
  service: fhir.HealthcareService;
  organization: fhir.Organization;
} {
  const service: fhir.HealthcareService = {
    resourceType: 'HealthcareService',
    id: entry.serviceId,
    meta: { profile: [PROFILES.healthcareServiceCpts] },
    providedBy: { reference: `Organization/${entry.orgId}` },
  };
  const organization: fhir.Organization = {
    resourceType: 'Organization',
    id: entry.orgId,
    meta: { profile: [PROFILES.organizationCpts] },
    identifier: [
      {
        type: { coding: [{ system: FR_CORE_V2_0203_SYSTEM, code: 'IDNST' }] },
        system: IDNST_SYSTEM,
        value: idnstFromFiness(entry.cpts.finess),
      },
    ],
    name: entry.cpts.name,
  };
  if (entry.cpts.phone !== undefined) organization.telecom = [{ system: 'phone', value: entry.cpts.phone }];
  if (entry.cpts.place !== undefined && hasAddress(entry.cpts.place))
    organization.address = [addressOf(entry.cpts.place)];
  return { service, organization };
}

/** A SOS site's resources; the site id is carried as an internal identifier under the publisher's base. */
export function sosSiteResources(
  entry: SosSiteEntries,
  base: string,
): { schedule: fhir.Schedule; location: fhir.Location; organization: fhir.Organization } {
  const { site } = entry;
  const schedule: fhir.Schedule = {
    resourceType: 'Schedule',
    id: entry.scheduleId,
    meta: { profile: [PROFILES.scheduleSos] },
    actor: [{ reference: `Location/${entry.locationId}` }],
  };
  const location = locationOf(entry.locationId, site.place, PROFILES.locationSos);
  location.identifier = [
    {
      type: { coding: [{ system: FR_LOCATION_IDENTIFIER_TYPE_SYSTEM, code: 'INTRN' }] },
      system: `${base}/sos-site`,
      value: site.id,
    },
  ];
  location.name = site.name;
  if (site.phone !== undefined) location.telecom = [{ system: 'phone', value: site.phone }];
  location.managingOrganization = { reference: `Organization/${entry.orgId}` };
  const organization: fhir.Organization = {
    resourceType: 'Organization',
    id: entry.orgId,
    meta: { profile: [PROFILES.organizationSos] },
    name: site.associationName,
  };
  const associationId = site.associationId ?? site.place.organizationId;
  if (associationId !== undefined)
    organization.identifier = [
      {
        type: { coding: [{ system: FR_LOCATION_IDENTIFIER_TYPE_SYSTEM, code: 'IDNST' }] },
        system: IDNST_SYSTEM,
        value: associationId,
      },
    ];
  return { schedule, location, organization };
}

export function idnpsIdentifier(value: string): fhir.Identifier {
  return { type: { coding: [{ system: FR_V2_0203_SYSTEM, code: 'IDNPS' }] }, system: IDNPS_SYSTEM, value };
}

function codingOf(c: { system: string; code: string; display?: string }): fhir.Coding {
  const coding: fhir.Coding = { system: c.system, code: c.code };
  if (c.display !== undefined) coding.display = c.display;
  return coding;
}

function hasAddress(place: Place): boolean {
  return (
    place.line !== undefined || place.city !== undefined || place.postalCode !== undefined || place.point !== undefined
  );
}

function addressOf(place: Place): fhir.Address {
  const address: fhir.Address = {};
  if (place.line !== undefined) address.line = [place.line];
  if (place.city !== undefined) address.city = place.city;
  if (place.postalCode !== undefined) address.postalCode = place.postalCode;
  return address;
}

function locationOf(id: string, place: Place, profile: string): fhir.Location {
  const location: fhir.Location = {
    resourceType: 'Location',
    id,
    meta: { profile: [profile] },
    address: addressOf(place),
  };
  if (place.point !== undefined) location.position = { latitude: place.point.lat, longitude: place.point.lon };
  return location;
}
