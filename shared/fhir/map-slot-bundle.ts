// A publisher's answer to the SAS slot search (searchset Bundle: PS individual, CPTS or SOS Médecins) → domain.
// Never throws. Each problem is an issue naming its entry; a bad resource is dropped (or kept without the bad
// field) and the rest of the bundle maps. Links followed, each a fixed number of steps:
//   Slot → Schedule → actor Practitioner | PractitionerRole (→ Practitioner, contained Location) | Location (SOS)
//   Slot.serviceType 604 → extension → HealthcareService → providedBy → Organization (CPTS)
//   SOS Location → managingOrganization → Organization (association)
import type { Cpts, Place, Practitioner, SosSite } from '../domain/care-offer';
import type { Slot } from '../domain/slot';
import { IssueSink, type MappingIssue } from './issues';
import { readLocationPlace, samePlace } from './map-common';
import {
  cptsFromOrganization,
  healthcareServiceProvider,
  mapOrganizationResource,
  mapPractitionerResource,
  mapPractitionerRoleResource,
  mapSlotCore,
  mapSosLocationResource,
  scheduleActors,
  sosSiteFrom,
  type Links,
  type OrganizationInfo,
  type RoleInfo,
} from './map-resources';
import { LIMITS, describe, excerpt, isRecord, own, type JsonRecord } from './read';
import { ResourceIndex, resourceTypeOf, type ResolvedResource } from './references';

export interface SlotBundleContext {
  /** The publisher (registry id) or `sas-agenda`: prefixes slot ids and fills `sourceId` / `agendaSource`. */
  sourceId: string;
}

export interface SlotBundleMapping {
  slots: Slot[];
  practitioners: Practitioner[];
  cpts: Cpts[];
  sosSites: SosSite[];
  issues: MappingIssue[];
}

interface ScheduleInfo {
  practitionerId?: string;
  place?: Place;
  sosSiteId?: string;
}

/** Maps a searchset Bundle from a publisher. */
export function mapSlotBundle(input: unknown, context: SlotBundleContext): SlotBundleMapping {
  const root = new IssueSink();
  try {
    return new BundleMapper(context, root).run(input);
  } catch {
    // Belt and braces: the readers do not throw on JSON, but `input` may be any JS value (getters, proxies).
    root.add('internal-error', 'Erreur interne pendant la lecture du Bundle : résultat incomplet.');
    return { slots: [], practitioners: [], cpts: [], sosSites: [], issues: root.issues };
  }
}

class BundleMapper implements Links {
  readonly inBundle = true;
  private readonly index = new ResourceIndex();
  private readonly entries: ResolvedResource[] = [];
  private readonly practitioners = new Map<string, Practitioner>();
  private readonly practitionerIdByResource = new Map<JsonRecord, string | undefined>();
  private readonly roles = new Map<JsonRecord, RoleInfo>();
  private readonly schedules = new Map<JsonRecord, ScheduleInfo>();
  private readonly organizations = new Map<JsonRecord, OrganizationInfo>();
  private readonly cptsByFiness = new Map<string, Cpts>();
  private readonly cptsByService = new Map<JsonRecord, Cpts | undefined>();
  private readonly sosSites = new Map<string, SosSite>();
  private readonly sosSiteIdByLocation = new Map<JsonRecord, string | undefined>();
  private readonly slots: Slot[] = [];
  private readonly slotIds = new Set<string>();

  constructor(
    private readonly context: SlotBundleContext,
    private readonly root: IssueSink,
  ) {}

  resolve(reference: string, from: ResolvedResource, types?: readonly string[]): ResolvedResource | undefined {
    return this.index.resolve(reference, from, types);
  }

  run(input: unknown): SlotBundleMapping {
    if (this.readEntries(input)) {
      this.guarded('Practitioner', (entry, sink) => this.practitionerOf(entry, sink));
      this.guarded('PractitionerRole', (entry, sink) => this.roleOf(entry, sink));
      this.guarded('Schedule', (entry, sink) => this.scheduleOf(entry, sink));
      this.guarded('Slot', (entry, sink) => this.mapSlot(entry, sink));
      // CPTS services no slot points at (a CPTS without free slots now) still describe a CPTS of the answer.
      this.guarded('HealthcareService', (entry, sink) => this.cptsOfService(entry, sink));
      this.addSlotSpecialties();
    }
    return {
      slots: this.slots,
      practitioners: [...this.practitioners.values()],
      cpts: [...this.cptsByFiness.values()],
      sosSites: [...this.sosSites.values()],
      issues: this.root.issues,
    };
  }

  /** Checks the Bundle envelope and indexes its entries. False when nothing can be read. */
  private readEntries(input: unknown): boolean {
    if (!isRecord(input)) {
      this.root.add('not-an-object', `Un objet JSON Bundle est attendu (reçu : ${describe(input)}).`);
      return false;
    }
    const resourceType = own(input, 'resourceType');
    if (resourceType !== 'Bundle') {
      this.root.add(
        'not-a-bundle',
        `Un Bundle FHIR est attendu (resourceType = ${typeof resourceType === 'string' ? excerpt(resourceType, 40) : 'absent'}).`,
        'Bundle.resourceType',
      );
      return false;
    }
    const type = own(input, 'type');
    if (type !== 'searchset')
      this.root.add(
        'bundle-not-searchset',
        `Bundle de type « ${typeof type === 'string' ? excerpt(type, 30) : 'absent'} » : searchset attendu pour une réponse de recherche.`,
        'Bundle.type',
      );
    const entry = own(input, 'entry');
    if (entry === undefined) return true;
    if (!Array.isArray(entry)) {
      this.root.add('bundle-entry-invalid', 'Bundle.entry doit être un tableau.', 'Bundle.entry');
      return false;
    }
    if (entry.length > LIMITS.entries)
      this.root.add(
        'bundle-too-many-entries',
        `Bundle de ${entry.length} entrées : seules les ${LIMITS.entries} premières sont lues.`,
        'Bundle.entry',
      );
    const n = Math.min(entry.length, LIMITS.entries);
    for (let i = 0; i < n; i += 1) this.readEntry(entry[i], i);
    return true;
  }

  private readEntry(value: unknown, index: number): void {
    if (!isRecord(value)) {
      this.root.add('entry-invalid', `Entrée ${index} du Bundle invalide (objet attendu).`, `Bundle.entry[${index}]`);
      return;
    }
    const fullUrlValue = own(value, 'fullUrl');
    const fullUrl =
      typeof fullUrlValue === 'string' && fullUrlValue.length > 0 && fullUrlValue.length <= LIMITS.reference
        ? fullUrlValue
        : undefined;
    const label = fullUrl ?? index;
    const resource = own(value, 'resource');
    if (!isRecord(resource)) {
      this.root.forEntry(label).add('entry-resource-missing', `Entrée ${index} du Bundle sans ressource.`, `Bundle.entry[${index}].resource`);
      return;
    }
    const resourceType = resourceTypeOf(resource);
    if (resourceType === undefined) {
      this.root.forEntry(label).add('resource-type-missing', `Ressource sans resourceType (entrée ${index}).`, `Bundle.entry[${index}].resource`);
      return;
    }
    this.index.add(resource, label, fullUrl);
    this.entries.push({ resource, resourceType, entry: label, contained: false });
  }

  /** Runs a step on every entry of a type; an exception in one entry is contained to it. */
  private guarded(type: string, step: (entry: ResolvedResource, sink: IssueSink) => void): void {
    for (const entry of this.entries) {
      if (entry.resourceType !== type) continue;
      const sink = this.root.forEntry(entry.entry);
      try {
        step(entry, sink);
      } catch {
        sink.add('internal-error', `Erreur interne en lisant cette ressource ${type} : ignorée.`);
      }
    }
  }

  private practitionerOf(entry: ResolvedResource, sink: IssueSink): string | undefined {
    if (this.practitionerIdByResource.has(entry.resource)) return this.practitionerIdByResource.get(entry.resource);
    const practitioner = mapPractitionerResource(entry.resource, sink, this.context.sourceId);
    const id = practitioner?.nationalId;
    this.practitionerIdByResource.set(entry.resource, id);
    if (practitioner !== undefined && !this.practitioners.has(practitioner.nationalId))
      this.practitioners.set(practitioner.nationalId, practitioner);
    return id;
  }

  private roleOf(entry: ResolvedResource, sink: IssueSink): RoleInfo {
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
      if (info.place !== undefined && !practitioner.places.some((p) => samePlace(p, info.place))) practitioner.places.push(info.place);
      if (info.phone !== undefined) practitioner.phone ??= info.phone;
      for (const s of info.specialties)
        if (!practitioner.specialties.some((c) => c.system === s.system && c.code === s.code)) practitioner.specialties.push(s);
    }
    return info;
  }

  private scheduleOf(entry: ResolvedResource, sink: IssueSink): ScheduleInfo {
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
        info.place ??= this.sosSites.get(siteId)?.place;
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

  private cptsOfSlotService(reference: string, from: ResolvedResource, sink: IssueSink): Cpts | undefined {
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

  private cptsOfService(service: ResolvedResource, serviceSink: IssueSink): Cpts | undefined {
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

  private mapSlot(entry: ResolvedResource, sink: IssueSink): void {
    const core = mapSlotCore(entry.resource, sink);
    if (core === undefined) return;
    const localId = core.fhirId ?? `entry-${typeof entry.entry === 'number' ? entry.entry : this.slots.length}`;
    const id = `${this.context.sourceId}/${localId}`;
    if (this.slotIds.has(id)) {
      sink.add('slot-duplicate', `Créneau en double (Slot.id ${excerpt(localId)}) : seul le premier est gardé.`, 'Slot.id');
      return;
    }
    this.slotIds.add(id);
    const slot: Slot = {
      id,
      start: core.start,
      end: core.end,
      types: core.types,
      modes: core.modes,
      withAppointment: core.withAppointment,
      sourceId: this.context.sourceId,
      specialties: core.specialties,
    };
    if (core.bookingUrl !== undefined) slot.bookingUrl = core.bookingUrl;

    if (core.scheduleReference !== undefined) {
      const schedule = this.resolve(core.scheduleReference, entry, ['Schedule']);
      if (schedule === undefined) {
        sink.add(
          'slot-schedule-unresolved',
          `Agenda du créneau introuvable dans le Bundle (Slot.schedule → ${excerpt(core.scheduleReference)}) : ajoutez _include=Slot:schedule.`,
          'Slot.schedule',
        );
      } else {
        const info = this.scheduleOf(schedule, this.root.forEntry(schedule.entry));
        if (info.practitionerId !== undefined) slot.practitionerId = info.practitionerId;
        if (info.sosSiteId !== undefined) slot.sosSiteId = info.sosSiteId;
        if (info.place !== undefined) slot.place = info.place;
      }
    }

    for (const reference of core.cptsServiceReferences) {
      const cpts = this.cptsOfSlotService(reference, entry, sink);
      if (cpts === undefined) continue;
      slot.cptsFiness ??= cpts.finess;
      if (slot.practitionerId !== undefined && !cpts.memberIds.includes(slot.practitionerId))
        cpts.memberIds.push(slot.practitionerId);
    }
    this.slots.push(slot);
  }

  /** A practitioner's specialties include those of their slots (the IG puts them on the Slot, not the role). */
  private addSlotSpecialties(): void {
    for (const slot of this.slots) {
      const practitioner = slot.practitionerId === undefined ? undefined : this.practitioners.get(slot.practitionerId);
      if (practitioner === undefined) continue;
      for (const s of slot.specialties)
        if (!practitioner.specialties.some((c) => c.system === s.system && c.code === s.code)) practitioner.specialties.push(s);
    }
  }
}
