// The practitioner resources of a slot search answer: Practitioner (FrPractitionerAgregateur) and PractitionerRole
// (FrPractitionerRoleExerciceAgregateur) with its contained Location. The role's Practitioner is followed by the
// caller (it may be an entry of the Bundle); the role's own Location and Organization are followed here.
import type { Coding, Place, Practitioner } from '../domain/care-offer';
import { IDNPS_SYSTEM } from '../domain/identifiers';
import type { IssueSink } from './issues';
import type { Links } from './links';
import { readCodings, readLocationPlace, readName, readNationalId, readStructureId, readTelecom } from './map-common';
import { LIMITS, child, excerpt, own, plainText, records, type JsonRecord } from './read';
import { referenceString, type ResolvedResource } from './references';

// Practitioner (FrPractitionerAgregateur)

export function mapPractitionerResource(
  resource: JsonRecord,
  sink: IssueSink,
  sourceId: string | undefined,
): Practitioner | undefined {
  const before = sink.issues.length;
  const nationalId = readNationalId(records(resource, 'identifier'), sink, 'Practitioner.identifier');
  if (nationalId === undefined) {
    // An invalid IDNPS was already reported by readNationalId; only its absence remains to be said.
    if (sink.issues.length === before)
      sink.add(
        'practitioner-idnps-missing',
        `Praticien sans identifiant national IDNPS (système ${IDNPS_SYSTEM}) : ignoré.`,
        'Practitioner.identifier',
      );
    return undefined;
  }
  const name = readName(records(resource, 'name'));
  if (name.familyName === undefined)
    sink.add(
      'practitioner-name-missing',
      `Praticien ${nationalId} sans nom de famille (Practitioner.name.family).`,
      'Practitioner.name',
    );
  const practitioner: Practitioner = {
    nationalId,
    familyName: name.familyName ?? '',
    specialties: [],
    places: [],
  };
  if (name.givenName !== undefined) practitioner.givenName = name.givenName;
  if (name.prefix !== undefined) practitioner.prefix = name.prefix;
  const phone = readTelecom(resource, 'phone', sink, 'Practitioner.telecom');
  if (phone !== undefined) practitioner.phone = phone;
  if (sourceId !== undefined) practitioner.agendaSource = sourceId;
  return practitioner;
}

// PractitionerRole (FrPractitionerRoleExerciceAgregateur) with its contained Location

export interface RoleInfo {
  /** Practitioner's IDNPS, from the referenced Practitioner or a logical identifier reference. */
  nationalId?: string;
  /** Reference to the Practitioner resource, when given as a reference. */
  practitionerReference?: string;
  place?: Place;
  phone?: string;
  specialties: Coding[];
}

export function mapPractitionerRoleResource(role: ResolvedResource, links: Links, sink: IssueSink): RoleInfo {
  const resource = role.resource;
  const info: RoleInfo = { specialties: readCodings(records(resource, 'specialty')) };

  const practitioner = child(resource, 'practitioner');
  if (practitioner !== undefined) {
    const reference = referenceString(resource, 'practitioner');
    if (reference !== undefined) info.practitionerReference = reference;
    const identifier = child(practitioner, 'identifier');
    if (identifier !== undefined) {
      const id = readNationalId([identifier], sink, 'PractitionerRole.practitioner.identifier');
      if (id !== undefined) info.nationalId = id;
    }
  }

  let place: Place | undefined;
  const locationRef = records(resource, 'location')
    .map((l) => own(l, 'reference'))
    .find((r): r is string => typeof r === 'string' && r.length <= LIMITS.reference);
  if (locationRef !== undefined) {
    const location = links.resolve(locationRef, role, ['Location']);
    if (location !== undefined) {
      place = readLocationPlace(location.resource, sink, 'PractitionerRole.location');
    } else if (links.inBundle || locationRef.startsWith('#')) {
      sink.add(
        'practitioner-role-location-unresolved',
        `Lieu d'exercice introuvable (PractitionerRole.location → ${excerpt(locationRef)}).`,
        'PractitionerRole.location',
      );
    }
  }

  const organization = child(resource, 'organization');
  if (organization !== undefined) {
    let organizationId: string | undefined;
    let organizationName = plainText(organization, 'display', 200);
    const identifier = child(organization, 'identifier');
    if (identifier !== undefined) organizationId = readStructureId([identifier]) ?? plainText(identifier, 'value', 64);
    const orgRef = referenceString(resource, 'organization');
    if (orgRef !== undefined) {
      const org = links.resolve(orgRef, role, ['Organization']);
      if (org !== undefined) {
        organizationId ??= readStructureId(records(org.resource, 'identifier'));
        organizationName ??= plainText(org.resource, 'name', 200);
      }
    }
    if (organizationId !== undefined || organizationName !== undefined) {
      place ??= {};
      if (organizationId !== undefined) place.organizationId = organizationId;
      if (organizationName !== undefined) place.organizationName = organizationName;
    }
  }
  if (place !== undefined) info.place = place;

  const phone = readTelecom(resource, 'phone', sink, 'PractitionerRole.telecom');
  if (phone !== undefined) info.phone = phone;
  return info;
}
