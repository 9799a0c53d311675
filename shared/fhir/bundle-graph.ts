// The resources of one Bundle as a graph: each followed reference is resolved in the Bundle's index, each resource
// is mapped once (cached by identity, so a Practitioner shared by many roles or slots is read and reported once),
// and what the links say is merged into the domain objects (a role's place and specialties go to its practitioner).
// Every link is a fixed number of steps, so a Bundle with cycles cannot loop.
import type { Cpts, Place, Practitioner, SosSite } from '../domain/care-offer';
import type { IssueSink } from './issues';
import type { Links } from './links';
import { readLocationPlace, samePlace } from './map-common';
import {
  cptsFromOrganization,
  healthcareServiceProvider,
  mapOrganizationResource,
  type OrganizationInfo,
} from './map-organization';
import { mapPractitionerResource, mapPractitionerRoleResource, type RoleInfo } from './map-practitioner';
import { scheduleActors } from './map-schedule';
import { mapSosLocationResource, sosSiteFrom } from './map-sos-location';
import { excerpt, type JsonRecord } from './read';
import { ResourceIndex, type ResolvedResource } from './references';

/** Whose agenda a Schedule is: a practitioner (with the place of their role) or a SOS Médecins site. */
export interface ScheduleInfo {
  practitionerId?: string;
  place?: Place;
  sosSiteId?: string;
  /** IDNST of the association managing the SOS site (its Organization's identifier). */
  sosAssociationId?: string;
}

export class BundleGraph implements Links {
  readonly inBundle = true;
  readonly index = new ResourceIndex();
  /** Domain objects of the answer, by their national ids: what the mapping returns besides slots. */
  readonly practitioners = new Map<string, Practitioner>();
  readonly cptsByFiness = new Map<string, Cpts>();
  readonly sosSites = new Map<string, SosSite>();
  private readonly practitionerIdByResource = new Map<JsonRecord, string | undefined>();
  private readonly roles = new Map<JsonRecord, RoleInfo>();
  private readonly schedules = new Map<JsonRecord, ScheduleInfo>();
  private readonly organizations = new Map<JsonRecord, OrganizationInfo>();
  private readonly cptsByService = new Map<JsonRecord, Cpts | undefined>();
  private readonly sosSiteIdByLocation = new Map<JsonRecord, string | undefined>();

  constructor(
    /** Fills `agendaSource` of the practitioners. */
    private readonly sourceId: string,
    private readonly root: IssueSink,
  ) {}

  resolve(reference: string, from: ResolvedResource, types?: readonly string[]): ResolvedResource | undefined {
    return this.index.resolve(reference, from, types);
  }

  practitionerOf(entry: ResolvedResource, sink: IssueSink): string | undefined {
    if (this.practitionerIdByResource.has(entry.resource)) return this.practitionerIdByResource.get(entry.resource);
    const practitioner = mapPractitionerResource(entry.resource, sink, this.sourceId);
    const id = practitioner?.nationalId;
    this.practitionerIdByResource.set(entry.resource, id);
    if (practitioner !== undefined && !this.practitioners.has(practitioner.nationalId))
      this.practitioners.set(practitioner.nationalId, practitioner);
    return id;
  }

  roleOf(entry: ResolvedResource, sink: IssueSink): RoleInfo {
    const known = this.roles.get(entry.resource);
    if (known !== undefined) return known;
    const info = mapPractitionerRoleResource(entry, this, sink);
    if (info.nationalId === undefined && info.practitionerReference !== undefined) {
      const target = this.resolve(info.practitionerReference, entry, ['Practitioner']);
      if (target === undefined)
        sink.add(
          'practitioner-role-practitioner-unresolved',
          `Praticien introuvable dans le Bundle (PractitionerRole.practitioner → ${excerpt(info.practitionerReference)}).`,
          'PractitionerRole.practitioner',
        );
      else {
        const id = this.practitionerOf(target, this.root.forEntry(target.entry));
        if (id !== undefined) info.nationalId = id;
      }
    }
    this.roles.set(entry.resource, info);
    const practitioner = info.nationalId === undefined ? undefined : this.practitioners.get(info.nationalId);
    if (practitioner !== undefined) {
      if (info.place !== undefined && !practitioner.places.some((p) => samePlace(p, info.place)))
        practitioner.places.push(info.place);
      if (info.phone !== undefined) practitioner.phone ??= info.phone;
      for (const s of info.specialties)
        if (!practitioner.specialties.some((c) => c.system === s.system && c.code === s.code))
          practitioner.specialties.push(s);
    }
    return info;
  }

  scheduleOf(entry: ResolvedResource, sink: IssueSink): ScheduleInfo {
    const known = this.schedules.get(entry.resource);
    if (known !== undefined) return known;
    const info: ScheduleInfo = {};
    this.schedules.set(entry.resource, info);
    const locations: ResolvedResource[] = [];
    for (const actor of scheduleActors(entry.resource, sink)) {
      if (actor.reference === undefined) {
        if (actor.nationalId !== undefined) info.practitionerId ??= actor.nationalId;
        continue;
      }
      const target = this.resolve(actor.reference, entry, ['Practitioner', 'PractitionerRole', 'Location']);
      if (target === undefined) {
        if (actor.nationalId !== undefined) info.practitionerId ??= actor.nationalId;
        else
          sink.add(
            'schedule-actor-unresolved',
            `Acteur de l'agenda introuvable dans le Bundle (${excerpt(actor.reference)}).`,
            `Schedule.actor[${actor.index}]`,
          );
        continue;
      }
      const targetSink = this.root.forEntry(target.entry);
      if (target.resourceType === 'Practitioner') {
        const id = this.practitionerOf(target, targetSink);
        if (id !== undefined) info.practitionerId ??= id;
      } else if (target.resourceType === 'PractitionerRole') {
        const role = this.roleOf(target, targetSink);
        if (role.nationalId !== undefined) info.practitionerId ??= role.nationalId;
        if (role.place !== undefined) info.place ??= role.place;
      } else {
        locations.push(target);
      }
    }
    for (const location of locations) {
      if (info.practitionerId !== undefined) {
        // A practitioner's agenda at a Location: that is where the consultation happens, not a SOS site.
        info.place ??= readLocationPlace(location.resource, this.root.forEntry(location.entry), 'Location');
        continue;
      }
      const siteId = this.sosSiteOf(location, this.root.forEntry(location.entry));
      if (siteId !== undefined) {
        info.sosSiteId ??= siteId;
        const site = this.sosSites.get(siteId);
        info.place ??= site?.place;
        if (site?.associationId !== undefined) info.sosAssociationId ??= site.associationId;
      }
    }
    return info;
  }

  private sosSiteOf(location: ResolvedResource, sink: IssueSink): string | undefined {
    if (this.sosSiteIdByLocation.has(location.resource)) return this.sosSiteIdByLocation.get(location.resource);
    const info = mapSosLocationResource(location, sink);
    let organization: OrganizationInfo | undefined;
    if (info?.organizationReference !== undefined) {
      const target = this.resolve(info.organizationReference, location, ['Organization']);
      if (target === undefined)
        sink.add(
          'sos-organization-unresolved',
          `Structure SOS Médecins introuvable dans le Bundle (Location.managingOrganization → ${excerpt(info.organizationReference)}).`,
          'Location.managingOrganization',
        );
      else {
        organization = this.organizationOf(target);
        if (organization.structureId === undefined)
          this.root
            .forEntry(target.entry)
            .add(
              'sos-organization-idnst-missing',
              'Structure SOS Médecins sans identifiant IDNST (système urn:oid:1.2.250.1.71.4.2.2).',
              'Organization.identifier',
            );
      }
    }
    const site = info === undefined ? undefined : sosSiteFrom(info, organization);
    this.sosSiteIdByLocation.set(location.resource, site?.id);
    if (site !== undefined && !this.sosSites.has(site.id)) this.sosSites.set(site.id, site);
    return site?.id;
  }

  private organizationOf(target: ResolvedResource): OrganizationInfo {
    const known = this.organizations.get(target.resource);
    if (known !== undefined) return known;
    const info = mapOrganizationResource(target.resource, this.root.forEntry(target.entry));
    this.organizations.set(target.resource, info);
    return info;
  }

  cptsOfSlotService(reference: string, from: ResolvedResource, sink: IssueSink): Cpts | undefined {
    const service = this.resolve(reference, from, ['HealthcareService']);
    if (service === undefined) {
      sink.add(
        'slot-cpts-service-unresolved',
        `HealthcareService de la CPTS introuvable dans le Bundle (${excerpt(reference)}) : ajoutez _include=Slot:service-type-reference.`,
        'Slot.serviceType.extension',
      );
      return undefined;
    }
    return this.cptsOfService(service, this.root.forEntry(service.entry));
  }

  cptsOfService(service: ResolvedResource, serviceSink: IssueSink): Cpts | undefined {
    if (this.cptsByService.has(service.resource)) return this.cptsByService.get(service.resource);
    let cpts: Cpts | undefined;
    const providerRef = healthcareServiceProvider(service.resource, serviceSink);
    if (providerRef !== undefined) {
      const organization = this.resolve(providerRef, service, ['Organization']);
      if (organization === undefined) {
        serviceSink.add(
          'healthcare-service-provider-unresolved',
          `Organisation CPTS introuvable dans le Bundle (HealthcareService.providedBy → ${excerpt(providerRef)}) : ajoutez _include:iterate=HealthcareService:organization.`,
          'HealthcareService.providedBy',
        );
      } else {
        const info = this.organizationOf(organization);
        const mapped = cptsFromOrganization(info, this.root.forEntry(organization.entry));
        if (mapped !== undefined) {
          cpts = this.cptsByFiness.get(mapped.finess) ?? mapped;
          this.cptsByFiness.set(cpts.finess, cpts);
        }
      }
    }
    this.cptsByService.set(service.resource, cpts);
    return cpts;
  }
}
