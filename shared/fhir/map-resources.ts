// Mappers for the single SAS resources of a slot search answer (Slot, Schedule, Practitioner, PractitionerRole,
// Location, Organization, HealthcareService). Each reads one resource and reports its own problems; following
// references between resources is the job of the caller (map-slot-bundle.ts), through a `Links` object, so the
// same code maps a resource inside a Bundle or on its own (references out of reach are then not an issue).
import type { Coding, Cpts, Place, Practitioner, SosSite } from '../domain/care-offer';
import type { ConsultationMode, SlotType } from '../domain/slot';
import { SLOT_TYPES } from '../domain/slot';
import { IDNPS_SYSTEM } from '../domain/identifiers';
import { isBookingUrl } from './booking-url';
import {
  ACT_CODE_OID,
  ACT_CODE_SYSTEM,
  APPOINTMENT_REASON_SYSTEM,
  CPTS_CATEGORY_CODE,
  SLOT_SERVICE_TYPE_EXTENSION,
  isNosSystem,
} from './codes';
import { parseInstant } from './instant';
import type { IssueSink } from './issues';
import {
  readAddress,
  readCodings,
  readFiness,
  readLocationPlace,
  readName,
  readNationalId,
  readStructureId,
  readTelecom,
} from './map-common';
import { LIMITS, child, describe, excerpt, isRecord, own, plainText, records, text, type JsonRecord } from './read';
import { referenceString, resourceIdOf, type ResolvedResource } from './references';

const MODE_BY_ACT_CODE = new Map<string, ConsultationMode>([
  ['AMB', 'cabinet'],
  ['VR', 'teleconsultation'],
  ['HH', 'domicile'],
]);

/** How a mapper reaches other resources. Standalone mapping only resolves contained ones. */
export interface Links {
  /** Resolves a reference string from `from` (contained `#id` or bundle entry), optionally of given types. */
  resolve(reference: string, from: ResolvedResource, types?: readonly string[]): ResolvedResource | undefined;
  /** False when mapping a lone resource: an unresolved non-contained reference is then expected, not an issue. */
  readonly inBundle: boolean;
}

// ---------------------------------------------------------------------------------------------------------------
// Slot

/** What a Slot says by itself, before its Schedule and CPTS service are followed. */
export interface SlotCore {
  fhirId?: string;
  start: string;
  end: string;
  startMs: number;
  types: SlotType[];
  modes: ConsultationMode[];
  withAppointment: boolean;
  bookingUrl?: string;
  specialties: Coding[];
  scheduleReference?: string;
  /** References to CPTS HealthcareServices (serviceType `604` + R5 extension). */
  cptsServiceReferences: string[];
}

function isActCode(system: string | undefined): boolean {
  return system === ACT_CODE_SYSTEM || system === ACT_CODE_OID;
}

/** Maps a Slot's own fields. Undefined when the slot is unusable (not free, times missing or wrong). */
export function mapSlotCore(slot: JsonRecord, sink: IssueSink): SlotCore | undefined {
  const fhirId = resourceIdOf(slot);
  if (fhirId === undefined) sink.add('slot-id-missing', 'Créneau sans identifiant (Slot.id) valide.', 'Slot.id');

  const status = own(slot, 'status');
  if (status !== 'free') {
    sink.add(
      status === undefined ? 'slot-status-missing' : 'slot-status-not-free',
      status === undefined
        ? 'Créneau sans statut (Slot.status = free attendu) : ignoré.'
        : `Créneau au statut « ${typeof status === 'string' ? excerpt(status, 20) : '?'} » (free attendu) : ignoré.`,
      'Slot.status',
    );
    return undefined;
  }

  const start = readInstant(slot, 'start', sink);
  const end = readInstant(slot, 'end', sink);
  if (start === undefined || end === undefined) return undefined;
  if (end.epochMs <= start.epochMs) {
    sink.add(
      'slot-end-before-start',
      `Créneau dont la fin (${end.text}) n'est pas après le début (${start.text}) : ignoré.`,
      'Slot.end',
    );
    return undefined;
  }

  const core: SlotCore = {
    start: start.text,
    end: end.text,
    startMs: start.epochMs,
    types: readSlotTypes(slot, sink),
    modes: [],
    withAppointment: true,
    specialties: readCodings(records(slot, 'specialty')),
    cptsServiceReferences: [],
  };
  if (fhirId !== undefined) core.fhirId = fhirId;
  readServiceTypes(slot, core, sink);

  const appointmentType = child(slot, 'appointmentType');
  if (appointmentType !== undefined) {
    const walkIn = records(appointmentType, 'coding').some((c) => {
      const system = own(c, 'system');
      return own(c, 'code') === 'WALKIN' && (system === undefined || system === APPOINTMENT_REASON_SYSTEM);
    });
    core.withAppointment = !walkIn;
  }

  const comment = text(slot, 'comment', sink, 'Slot.comment', LIMITS.url);
  if (comment !== undefined) {
    if (isBookingUrl(comment)) core.bookingUrl = comment;
    else
      sink.add(
        'slot-booking-url-invalid',
        `Slot.comment doit porter l'URL http(s) de la page de réservation ; reçu « ${excerpt(comment)} ».`,
        'Slot.comment',
      );
  }

  const schedule = referenceString(slot, 'schedule');
  if (schedule === undefined) {
    sink.add('slot-schedule-missing', 'Créneau sans référence à son agenda (Slot.schedule).', 'Slot.schedule');
  } else {
    core.scheduleReference = schedule;
  }
  return core;
}

function readInstant(
  slot: JsonRecord,
  key: 'start' | 'end',
  sink: IssueSink,
): { text: string; epochMs: number } | undefined {
  const path = `Slot.${key}`;
  const label = key === 'start' ? 'début' : 'fin';
  const value = own(slot, key);
  if (value === undefined || value === null || value === '') {
    sink.add(`slot-${key}-missing`, `Créneau sans date de ${label} (${path}) : ignoré.`, path);
    return undefined;
  }
  const parsed = typeof value === 'string' ? parseInstant(value) : undefined;
  if (typeof value !== 'string' || parsed === undefined) {
    sink.add(
      `slot-${key}-invalid`,
      `Date de ${label} invalide${typeof value === 'string' ? ` « ${excerpt(value, 40)} »` : ` (${describe(value)})`} : un instant FHIR avec secondes et fuseau est attendu (ex. 2024-06-12T16:40:00+02:00) ; créneau ignoré.`,
      path,
    );
    return undefined;
  }
  return { text: value, epochMs: parsed.epochMs };
}

function readSlotTypes(slot: JsonRecord, sink: IssueSink): SlotType[] {
  const meta = child(slot, 'meta');
  const types: SlotType[] = [];
  const security = meta === undefined ? [] : records(meta, 'security');
  for (const coding of security) {
    const system = own(coding, 'system');
    // Other security labels (confidentiality...) may be present: only TRE_R314 codes (or unsystemed ones) count.
    if (typeof system === 'string' && !isNosSystem(system, 'TRE_R314')) continue;
    const code = own(coding, 'code');
    const known = SLOT_TYPES.find((t) => t === code);
    if (known !== undefined) {
      if (!types.includes(known)) types.push(known);
    } else if (typeof system === 'string') {
      sink.add(
        'slot-type-unknown',
        `Type de créneau inconnu « ${typeof code === 'string' ? excerpt(code, 20) : '?'} » (PUBLIC, PRO, SNP ou CPTS attendu).`,
        'Slot.meta.security',
      );
    }
  }
  if (types.length === 0)
    sink.add(
      'slot-type-missing',
      'Créneau sans type (Slot.meta.security TRE_R314 : PUBLIC, PRO, SNP ou CPTS).',
      'Slot.meta.security',
    );
  return types;
}

function readServiceTypes(slot: JsonRecord, core: SlotCore, sink: IssueSink): void {
  for (const concept of records(slot, 'serviceType')) {
    let isCpts = false;
    for (const coding of records(concept, 'coding')) {
      const system = own(coding, 'system');
      const code = own(coding, 'code');
      if (isActCode(typeof system === 'string' ? system : undefined)) {
        const mode = typeof code === 'string' ? MODE_BY_ACT_CODE.get(code) : undefined;
        if (mode === undefined) {
          sink.add(
            'slot-mode-unknown',
            `Type de consultation inconnu « ${typeof code === 'string' ? excerpt(code, 20) : '?'} » (AMB, VR ou HH attendu).`,
            'Slot.serviceType',
          );
        } else if (!core.modes.includes(mode)) {
          core.modes.push(mode);
        }
      } else if (
        code === CPTS_CATEGORY_CODE &&
        (system === undefined || (typeof system === 'string' && isNosSystem(system, 'TRE_R66')))
      ) {
        isCpts = true;
      }
    }
    if (!isCpts) continue;
    const extension = records(concept, 'extension').find((e) => own(e, 'url') === SLOT_SERVICE_TYPE_EXTENSION);
    const reference = extension === undefined ? undefined : referenceString(extension, 'valueReference');
    if (reference === undefined) {
      sink.add(
        'slot-cpts-reference-missing',
        `Créneau CPTS (serviceType 604) sans extension ${SLOT_SERVICE_TYPE_EXTENSION} vers le HealthcareService de la CPTS.`,
        'Slot.serviceType.extension',
      );
    } else if (!core.cptsServiceReferences.includes(reference)) {
      core.cptsServiceReferences.push(reference);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
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
    sink.add('practitioner-name-missing', `Praticien ${nationalId} sans nom de famille (Practitioner.name.family).`, 'Practitioner.name');
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

// ---------------------------------------------------------------------------------------------------------------
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

// ---------------------------------------------------------------------------------------------------------------
// Organization (CPTS, SOS association)

export interface OrganizationInfo {
  /** IDNST (`1`+FINESS, `3`+SIRET...). */
  structureId?: string;
  finess?: string;
  name?: string;
  phone?: string;
  place?: Place;
}

export function mapOrganizationResource(resource: JsonRecord, sink: IssueSink): OrganizationInfo {
  const identifiers = records(resource, 'identifier');
  const info: OrganizationInfo = {};
  const structureId = readStructureId(identifiers);
  if (structureId !== undefined) info.structureId = structureId;
  const finess = readFiness(identifiers);
  if (finess !== undefined) info.finess = finess;
  const name = text(resource, 'name', sink, 'Organization.name', 300);
  if (name !== undefined) info.name = name;
  const phone = readTelecom(resource, 'phone', sink, 'Organization.telecom');
  if (phone !== undefined) info.phone = phone;
  const address = records(resource, 'address')[0];
  if (address !== undefined) {
    const place = readAddress(address);
    if (Object.keys(place).length > 0) info.place = place;
  }
  return info;
}

/** A CPTS from its Organization: FINESS (IDNST `1`+FINESS) and name are required. */
export function cptsFromOrganization(info: OrganizationInfo, sink: IssueSink): Cpts | undefined {
  if (info.finess === undefined) {
    sink.add(
      'cpts-finess-missing',
      'Organisation CPTS sans FINESS (identifiant IDNST « 1 » + FINESS, système urn:oid:1.2.250.1.71.4.2.2) : CPTS ignorée.',
      'Organization.identifier',
    );
    return undefined;
  }
  if (info.name === undefined)
    sink.add('cpts-name-missing', `CPTS ${info.finess} sans nom (Organization.name).`, 'Organization.name');
  const cpts: Cpts = { finess: info.finess, name: info.name ?? `CPTS ${info.finess}`, memberIds: [] };
  if (info.phone !== undefined) cpts.phone = info.phone;
  if (info.place !== undefined) cpts.place = info.place;
  return cpts;
}

// ---------------------------------------------------------------------------------------------------------------
// Location of a SOS Médecins consultation site (sas-sos-location-aggregator)

export interface SosLocationInfo {
  siteId: string;
  name?: string;
  phone?: string;
  place: Place;
  organizationReference?: string;
  organizationDisplay?: string;
}

export function mapSosLocationResource(location: ResolvedResource, sink: IssueSink): SosLocationInfo | undefined {
  const resource = location.resource;
  const identifiers = records(resource, 'identifier');
  const internal =
    identifiers.find((i) => records(child(i, 'type') ?? {}, 'coding').some((c) => own(c, 'code') === 'INTRN')) ??
    identifiers[0];
  const siteId = (internal === undefined ? undefined : plainText(internal, 'value', 64)) ?? resourceIdOf(resource);
  if (siteId === undefined) {
    sink.add('sos-location-id-missing', 'Lieu de consultation SOS sans identifiant (Location.identifier ou Location.id).', 'Location.identifier');
    return undefined;
  }
  const info: SosLocationInfo = { siteId, place: readLocationPlace(resource, sink, 'Location') };
  const name = text(resource, 'name', sink, 'Location.name', 300);
  if (name === undefined) sink.add('sos-location-name-missing', `Lieu de consultation SOS ${siteId} sans nom (Location.name).`, 'Location.name');
  else info.name = name;
  const phone = readTelecom(resource, 'phone', sink, 'Location.telecom');
  if (phone !== undefined) info.phone = phone;
  const managing = child(resource, 'managingOrganization');
  if (managing !== undefined) {
    const reference = referenceString(resource, 'managingOrganization');
    if (reference !== undefined) info.organizationReference = reference;
    const display = plainText(managing, 'display', 300);
    if (display !== undefined) info.organizationDisplay = display;
  }
  if (info.organizationReference === undefined)
    sink.add(
      'sos-organization-missing',
      `Lieu de consultation SOS ${siteId} sans structure de rattachement (Location.managingOrganization).`,
      'Location.managingOrganization',
    );
  return info;
}

/** Builds the domain SOS site once the managing Organization (the association) is known. */
export function sosSiteFrom(location: SosLocationInfo, organization: OrganizationInfo | undefined): SosSite {
  const place: Place = { ...location.place };
  if (organization?.structureId !== undefined) place.organizationId = organization.structureId;
  const site: SosSite = {
    id: location.siteId,
    associationName: organization?.name ?? location.organizationDisplay ?? '',
    name: location.name ?? '',
    place,
  };
  if (location.phone !== undefined) site.phone = location.phone;
  return site;
}

// ---------------------------------------------------------------------------------------------------------------
// HealthcareService (CPTS) and Schedule: only references matter

export function healthcareServiceProvider(resource: JsonRecord, sink: IssueSink): string | undefined {
  const reference = referenceString(resource, 'providedBy');
  if (reference === undefined)
    sink.add(
      'healthcare-service-provider-missing',
      'HealthcareService CPTS sans structure (HealthcareService.providedBy vers l’Organization de la CPTS).',
      'HealthcareService.providedBy',
    );
  return reference;
}

export interface ScheduleActor {
  reference?: string;
  /** Logical reference by IDNPS (actor.identifier), when no resource is referenced. */
  nationalId?: string;
  index: number;
}

export function scheduleActors(resource: JsonRecord, sink: IssueSink): ScheduleActor[] {
  const actors: ScheduleActor[] = [];
  records(resource, 'actor').forEach((actor, index) => {
    const reference = own(actor, 'reference');
    const identifier = own(actor, 'identifier');
    const out: ScheduleActor = { index };
    if (typeof reference === 'string' && reference.length > 0 && reference.length <= LIMITS.reference)
      out.reference = reference;
    if (isRecord(identifier)) {
      const id = readNationalId([identifier], sink, `Schedule.actor[${index}].identifier`);
      if (id !== undefined) out.nationalId = id;
    }
    if (out.reference !== undefined || out.nationalId !== undefined) actors.push(out);
  });
  if (actors.length === 0)
    sink.add('schedule-actor-missing', 'Agenda sans acteur (Schedule.actor : Practitioner, PractitionerRole ou Location).', 'Schedule.actor');
  return actors;
}
