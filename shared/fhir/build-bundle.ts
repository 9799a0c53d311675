// Domain → a publisher's searchset answer in the guide's shape (simulated publishers, the SAS agenda, tests).
// Per slot: the Slot (match) then, the first time each is needed, its Schedule, Practitioner and PractitionerRole
// with a contained Location (include), and for CPTS slots the HealthcareService and the CPTS Organization.
// SOS Médecins sites: Schedule (actor Location) → Location → Organization (the association).
// FHIR ids are sequential (`ps-1`, `role-1-1`...) so the same input always gives the same Bundle.
// Not carried (no place for them in the guide): Place.inseeCode, Cpts.description, Practitioner.participation,
// SosSite.place.organizationName.
import type * as fhir from 'fhir/r4';
import type { Cpts, Practitioner, SosSite } from '../domain/care-offer';
import type { Slot } from '../domain/slot';
import {
  cptsResources,
  cptsServiceType,
  idnpsIdentifier,
  practitionerResource,
  practitionerRoleResource,
  slotResource,
  sosSiteResources,
  type CptsEntries,
  type PractitionerEntries,
  type RoleEntries,
  type SosSiteEntries,
} from './build-resources';
import { PROFILES } from './codes';
import { samePlace } from './map-common';

export interface SearchsetInput {
  /** The publisher's FHIR base, for fullUrls, e.g. `https://editeur.example/fhir`. */
  baseUrl: string;
  /** The request URL (Bundle.link self). */
  selfUrl?: string;
  /** Bundle.id. */
  id?: string;
  slots: readonly Slot[];
  practitioners: readonly Practitioner[];
  cpts?: readonly Cpts[];
  sosSites?: readonly SosSite[];
}

const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/u;

type Entry = fhir.BundleEntry<fhir.FhirResource>;

export function buildSearchsetBundle(input: SearchsetInput): fhir.Bundle<fhir.FhirResource> {
  return new SearchsetBuilder(input).build();
}

class SearchsetBuilder {
  private readonly base: string;
  private readonly matches: Entry[] = [];
  private readonly entries: Entry[] = [];
  private readonly emitted = new Set<string>();
  private readonly practitioners = new Map<string, PractitionerEntries>();
  private readonly cpts = new Map<string, CptsEntries>();
  private readonly sites = new Map<string, SosSiteEntries>();
  private readonly sosOrgs = new Map<string, string>();
  private readonly slotIds = new Set<string>();
  private readonly sosMode: boolean;

  constructor(private readonly input: SearchsetInput) {
    this.base = input.baseUrl.replace(/\/+$/u, '');
    input.practitioners.forEach((practitioner, i) => {
      if (this.practitioners.has(practitioner.nationalId)) return;
      const n = i + 1;
      const places = practitioner.places.length > 0 ? practitioner.places : [undefined];
      this.practitioners.set(practitioner.nationalId, {
        index: n,
        practitioner,
        fhirId: `ps-${n}`,
        roles: places.map((place, j) => {
          const role: RoleEntries = {
            fhirId: `role-${n}-${j + 1}`,
            scheduleId: `schedule-${n}-${j + 1}`,
          };
          if (place !== undefined) role.place = place;
          return role;
        }),
        emitted: false,
      });
    });
    (input.cpts ?? []).forEach((c) => this.cptsEntry(c));
    (input.sosSites ?? []).forEach((s) => this.siteEntry(s));
    this.sosMode =
      input.slots.some((s) => s.sosSiteId !== undefined) ||
      (input.practitioners.length === 0 && (input.sosSites ?? []).length > 0);
  }

  build(): fhir.Bundle<fhir.FhirResource> {
    this.input.slots.forEach((slot, i) => this.addSlot(slot, i));
    // Everything else the publisher knows (practitioners without slots, CPTS, sites) still goes in as include.
    for (const p of this.practitioners.values()) {
      this.emitPractitioner(p);
      p.roles.forEach((role) => this.emitRole(p, role));
    }
    for (const c of this.cpts.values()) this.emitCpts(c);
    for (const s of this.sites.values()) this.emitSite(s);

    const isCpts = this.input.slots.some((s) => s.cptsFiness !== undefined);
    const bundle: fhir.Bundle<fhir.FhirResource> = {
      resourceType: 'Bundle',
      meta: {
        profile: [this.sosMode ? PROFILES.bundleSos : isCpts ? PROFILES.bundleCpts : PROFILES.bundlePs],
      },
      type: 'searchset',
      total: this.matches.length,
      // Guide order: each match directly followed by the includes it needed (pushed in that order).
      entry: this.entries,
    };
    if (this.input.id !== undefined) bundle.id = this.input.id;
    if (this.input.selfUrl !== undefined) bundle.link = [{ relation: 'self', url: this.input.selfUrl }];
    return bundle;
  }

  private push(resource: fhir.FhirResource & { id?: string }, mode: 'match' | 'include'): void {
    const key = `${resource.resourceType}/${resource.id ?? ''}`;
    if (this.emitted.has(key)) return;
    this.emitted.add(key);
    const entry: Entry = { fullUrl: `${this.base}/${key}`, resource, search: { mode } };
    this.entries.push(entry);
    if (mode === 'match') this.matches.push(entry);
  }

  private slotFhirId(slot: Slot, index: number): string {
    const prefix = `${slot.sourceId}/`;
    const local = slot.id.startsWith(prefix) ? slot.id.slice(prefix.length) : slot.id;
    const id = FHIR_ID.test(local) && !this.slotIds.has(local) ? local : `slot-${index + 1}`;
    this.slotIds.add(id);
    return id;
  }

  private addSlot(slot: Slot, index: number): void {
    const resource = slotResource(slot, this.slotFhirId(slot, index));

    let cpts: CptsEntries | undefined;
    // One serviceType (and HealthcareService reference) per CPTS the slot is offered through.
    const finesses = [
      ...new Set([...(slot.cptsFiness !== undefined ? [slot.cptsFiness] : []), ...(slot.cptsFinesses ?? [])]),
    ];
    for (const finess of finesses) {
      const entry = this.cpts.get(finess) ?? this.cptsEntry({ finess, name: `CPTS ${finess}`, memberIds: [] });
      cpts ??= entry;
      resource.serviceType?.push(cptsServiceType(entry.serviceId));
    }
    for (const reason of slot.reasons ?? []) resource.serviceType?.push({ text: reason });

    const sosMode = this.sosMode;
    const site = slot.sosSiteId === undefined ? undefined : this.sites.get(slot.sosSiteId);
    if (site !== undefined) {
      resource.schedule = { reference: `Schedule/${site.scheduleId}` };
      if (sosMode) this.emitSite(site);
      this.push(resource, sosMode ? 'include' : 'match');
      if (!sosMode) this.emitSite(site);
    } else {
      const practitioner = slot.practitionerId === undefined ? undefined : this.practitioners.get(slot.practitionerId);
      const scheduleId = this.scheduleFor(slot, practitioner);
      resource.schedule = { reference: `Schedule/${scheduleId}` };
      this.push(resource, sosMode ? 'include' : 'match');
      this.emitSchedule(slot, practitioner, scheduleId);
    }
    if (cpts !== undefined) this.emitCpts(cpts);
  }

  /** The schedule of the practitioner's role at the slot's place (a new role when the place is not theirs). */
  private scheduleFor(slot: Slot, p: PractitionerEntries | undefined): string {
    if (p === undefined) {
      return slot.practitionerId === undefined
        ? 'schedule-unknown'
        : `schedule-ext-${this.practitionerKey(slot.practitionerId)}`;
    }
    const role =
      slot.place === undefined
        ? p.roles[0]
        : p.roles.find((r) => r.place !== undefined && samePlace(r.place, slot.place));
    if (role !== undefined) return role.scheduleId;
    const j = p.roles.length + 1;
    const added: RoleEntries = {
      fhirId: `role-${p.index}-${j}`,
      scheduleId: `schedule-${p.index}-${j}`,
    };
    if (slot.place !== undefined) added.place = slot.place;
    p.roles.push(added);
    return added.scheduleId;
  }

  private readonly externalKeys = new Map<string, number>();
  private practitionerKey(nationalId: string): number {
    let key = this.externalKeys.get(nationalId);
    if (key === undefined) {
      key = this.externalKeys.size + 1;
      this.externalKeys.set(nationalId, key);
    }
    return key;
  }

  private emitSchedule(slot: Slot, p: PractitionerEntries | undefined, scheduleId: string): void {
    if (this.emitted.has(`Schedule/${scheduleId}`)) return;
    const schedule: fhir.Schedule = {
      resourceType: 'Schedule',
      id: scheduleId,
      meta: { profile: [PROFILES.schedule] },
      actor: [],
    };
    const role = p?.roles.find((r) => r.scheduleId === scheduleId);
    if (p !== undefined && role !== undefined) {
      schedule.actor = [{ reference: `Practitioner/${p.fhirId}` }, { reference: `PractitionerRole/${role.fhirId}` }];
      this.push(schedule, 'include');
      this.emitPractitioner(p);
      // All the practitioner's roles together, in the order of their places: the first place stays the first.
      p.roles.forEach((r) => this.emitRole(p, r));
    } else {
      // A practitioner the caller did not describe: a logical reference by IDNPS still says whose slot it is.
      if (slot.practitionerId !== undefined) schedule.actor = [{ identifier: idnpsIdentifier(slot.practitionerId) }];
      this.push(schedule, 'include');
    }
  }

  private emitPractitioner(p: PractitionerEntries): void {
    if (p.emitted) return;
    p.emitted = true;
    this.push(practitionerResource(p), 'include');
  }

  private emitRole(p: PractitionerEntries, role: RoleEntries): void {
    this.push(practitionerRoleResource(p, role), 'include');
  }

  private cptsEntry(cpts: Cpts): CptsEntries {
    const known = this.cpts.get(cpts.finess);
    if (known !== undefined) return known;
    const n = this.cpts.size + 1;
    const entry = { cpts, serviceId: `cpts-service-${n}`, orgId: `cpts-org-${n}` };
    this.cpts.set(cpts.finess, entry);
    return entry;
  }

  private emitCpts(entry: CptsEntries): void {
    const { service, organization } = cptsResources(entry);
    this.push(service, 'include');
    this.push(organization, 'include');
  }

  private siteEntry(site: SosSite): SosSiteEntries {
    const known = this.sites.get(site.id);
    if (known !== undefined) return known;
    const n = this.sites.size + 1;
    const orgKey = `${site.associationId ?? site.place.organizationId ?? ''}|${site.associationName}`;
    let orgId = this.sosOrgs.get(orgKey);
    if (orgId === undefined) {
      orgId = `sos-org-${this.sosOrgs.size + 1}`;
      this.sosOrgs.set(orgKey, orgId);
    }
    const entry = { site, locationId: `sos-location-${n}`, scheduleId: `sos-schedule-${n}`, orgId };
    this.sites.set(site.id, entry);
    return entry;
  }

  private emitSite(entry: SosSiteEntries): void {
    const { schedule, location, organization } = sosSiteResources(entry, this.base);
    this.push(schedule, this.sosMode ? 'match' : 'include');
    this.push(location, 'include');
    this.push(organization, 'include');
  }
}
