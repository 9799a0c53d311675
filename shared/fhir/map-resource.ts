// One SAS resource on its own (an integrator checking a Slot or a Location before putting it in a Bundle, or the
// guide's stand-alone examples). Same mappers as inside a Bundle; references to other resources are not followed
// and not reported, except contained ones (`#id`), which must resolve.
import type { Cpts, Place, Practitioner } from '../domain/care-offer';
import type { Slot } from '../domain/slot';
import { PROFILES, profileName } from './codes';
import { IssueSink, type MappingIssue } from './issues';
import { mapAppointment, type AppointmentReport } from './map-appointment';
import { profilesOf, readLocationPlace } from './map-common';
import { mapRegulatorPractitioner, type RegulatorPractitioner } from './map-regulator';
import type { Links } from './links';
import {
  cptsFromOrganization,
  healthcareServiceProvider,
  mapOrganizationResource,
  type OrganizationInfo,
} from './map-organization';
import { mapPractitionerResource, mapPractitionerRoleResource, type RoleInfo } from './map-practitioner';
import { scheduleActors, type ScheduleActor } from './map-schedule';
import { mapSlotCore } from './map-slot';
import { mapSosLocationResource, type SosLocationInfo } from './map-sos-location';
import { mapSlotBundle, type SlotBundleContext, type SlotBundleMapping } from './map-slot-bundle';
import { describe, excerpt, isRecord, own, type JsonRecord } from './read';
import { findContained, resourceTypeOf, type ResolvedResource } from './references';

type MappedResource =
  | { kind: 'bundle'; bundle: SlotBundleMapping }
  /** A slot alone: no practitioner, place or CPTS (those come from the resources it references). */
  | { kind: 'slot'; slot: Slot; scheduleReference?: string; cptsServiceReferences: string[] }
  | { kind: 'practitioner'; practitioner: Practitioner }
  | { kind: 'regulator'; regulator: RegulatorPractitioner }
  | { kind: 'practitioner-role'; role: RoleInfo }
  | { kind: 'schedule'; actors: ScheduleActor[] }
  | { kind: 'location'; place: Place; sos?: SosLocationInfo }
  | { kind: 'organization'; organization: OrganizationInfo; cpts?: Cpts }
  | { kind: 'healthcare-service'; providedBy?: string }
  | { kind: 'appointment'; appointment: AppointmentReport };

export interface ResourceMapping {
  resource?: MappedResource;
  issues: MappingIssue[];
}

const containedOnly: Links = {
  inBundle: false,
  resolve(reference: string, from: ResolvedResource, types?: readonly string[]) {
    if (!reference.startsWith('#')) return undefined;
    const found = findContained(from, reference.slice(1));
    return found !== undefined && (types === undefined || types.includes(found.resourceType)) ? found : undefined;
  },
};

function hasProfile(resource: JsonRecord, profile: string): boolean {
  return profilesOf(resource).some((p) => profileName(p) === profileName(profile));
}

/** Maps any single SAS resource (or a Bundle, delegated to mapSlotBundle). Never throws. */
export function mapResource(input: unknown, context: SlotBundleContext): ResourceMapping {
  const sink = new IssueSink();
  try {
    const resource = mapOne(input, context, sink);
    return resource === undefined ? { issues: sink.issues } : { resource, issues: sink.issues };
  } catch {
    sink.add('internal-error', 'Erreur interne pendant la lecture de la ressource.');
    return { issues: sink.issues };
  }
}

function mapOne(input: unknown, context: SlotBundleContext, sink: IssueSink): MappedResource | undefined {
  if (!isRecord(input)) {
    sink.add('not-an-object', `Une ressource FHIR (objet JSON) est attendue (reçu : ${describe(input)}).`);
    return undefined;
  }
  const resourceType = resourceTypeOf(input);
  const self: ResolvedResource = { resource: input, resourceType: resourceType ?? '', entry: 0, contained: false };
  switch (resourceType) {
    case 'Bundle': {
      const bundle = mapSlotBundle(input, context);
      sink.issues.push(...bundle.issues);
      return { kind: 'bundle', bundle };
    }
    case 'Slot': {
      const core = mapSlotCore(input, sink);
      if (core === undefined) return undefined;
      const slot: Slot = {
        id: `${context.sourceId}/${core.fhirId ?? 'slot'}`,
        start: core.start,
        end: core.end,
        types: core.types,
        modes: core.modes,
        withAppointment: core.withAppointment,
        sourceId: context.sourceId,
        specialties: core.specialties,
      };
      if (core.bookingUrl !== undefined) slot.bookingUrl = core.bookingUrl;
      const out: MappedResource = { kind: 'slot', slot, cptsServiceReferences: core.cptsServiceReferences };
      if (core.scheduleReference !== undefined) out.scheduleReference = core.scheduleReference;
      return out;
    }
    case 'Practitioner': {
      if (hasProfile(input, PROFILES.practitionerRegul)) {
        const result = mapRegulatorPractitioner(input);
        if (!result.ok) {
          sink.issues.push(...result.issues);
          return undefined;
        }
        return { kind: 'regulator', regulator: result.regulator };
      }
      const practitioner = mapPractitionerResource(input, sink, context.sourceId);
      return practitioner === undefined ? undefined : { kind: 'practitioner', practitioner };
    }
    case 'PractitionerRole':
      return { kind: 'practitioner-role', role: mapPractitionerRoleResource(self, containedOnly, sink) };
    case 'Schedule':
      return { kind: 'schedule', actors: scheduleActors(input, sink) };
    case 'Location': {
      const isSos = hasProfile(input, PROFILES.locationSos) || own(input, 'managingOrganization') !== undefined;
      const sos = isSos ? mapSosLocationResource(self, sink) : undefined;
      if (sos !== undefined) return { kind: 'location', place: sos.place, sos };
      return { kind: 'location', place: readLocationPlace(input, sink, 'Location') };
    }
    case 'Organization': {
      const organization = mapOrganizationResource(input, sink);
      if (hasProfile(input, PROFILES.organizationCpts)) {
        const cpts = cptsFromOrganization(organization, sink);
        return cpts === undefined
          ? { kind: 'organization', organization }
          : { kind: 'organization', organization, cpts };
      }
      if (hasProfile(input, PROFILES.organizationSos) && organization.structureId === undefined)
        sink.add(
          'sos-organization-idnst-missing',
          'Structure SOS Médecins sans identifiant IDNST (système urn:oid:1.2.250.1.71.4.2.2).',
          'Organization.identifier',
        );
      return { kind: 'organization', organization };
    }
    case 'HealthcareService': {
      const providedBy = healthcareServiceProvider(input, sink);
      return providedBy === undefined ? { kind: 'healthcare-service' } : { kind: 'healthcare-service', providedBy };
    }
    case 'Appointment': {
      const result = mapAppointment(input);
      if (!result.ok) {
        sink.issues.push(...result.issues);
        return undefined;
      }
      return { kind: 'appointment', appointment: result.appointment };
    }
    default:
      sink.add(
        'resource-type-unsupported',
        resourceType === undefined
          ? 'Ressource sans resourceType.'
          : `Ressource ${excerpt(resourceType, 40)} non prise en charge par le guide SAS (créneaux, RDV V1/V3).`,
        'resourceType',
      );
      return undefined;
  }
}
