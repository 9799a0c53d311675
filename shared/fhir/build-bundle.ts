// Domain → a publisher's searchset answer in the guide's shape (simulated publishers, the SAS agenda, tests).
// Per slot: the Slot (match) then, the first time each is needed, its Schedule, Practitioner and PractitionerRole
// with a contained Location (include), and for CPTS slots the HealthcareService and the CPTS Organization.
// SOS Médecins sites: Schedule (actor Location) → Location → Organization (the association).
// FHIR ids are sequential (`ps-1`, `role-1-1`...) so the same input always gives the same Bundle.
// Not carried (no place for them in the guide): Place.inseeCode, Cpts.description, Practitioner.participation,
// SosSite.place.organizationName.
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

const ACT_CODE_BY_MODE = { cabinet: 'AMB', teleconsultation: 'VR', domicile: 'HH' } as const;
const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/u;

type Entry = fhir.BundleEntry<fhir.FhirResource>;

export function buildSearchsetBundle(input: SearchsetInput): fhir.Bundle<fhir.FhirResource> {
  return new SearchsetBuilder(input).build();
}

interface PractitionerEntries {
  index: number;
  practitioner: Practitioner;
  fhirId: string;
  /** One PractitionerRole per place (at least one). */
  roles: { fhirId: string; place?: Place; scheduleId: string }[];
  emitted: boolean;
}

class SearchsetBuilder {
  private readonly base: string;
  private readonly matches: Entry[] = [];
  private readonly entries: Entry[] = [];
  private readonly emitted = new Set<string>();
  private readonly practitioners = new Map<string, PractitionerEntries>();
  private readonly cpts = new Map<string, { cpts: Cpts; serviceId: string; orgId: string }>();
  private readonly sites = new Map<string, { site: SosSite; locationId: string; scheduleId: string; orgId: string }>();
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
          const role: { fhirId: string; place?: Place; scheduleId: string } = {
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
    const resource: fhir.Slot = {
      resourceType: 'Slot',
      id: this.slotFhirId(slot, index),
      meta: {
        profile: [
          slot.sosSiteId !== undefined ? PROFILES.slotSos : slot.cptsFiness !== undefined ? PROFILES.slotCpts : PROFILES.slotPs,
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

    let cpts: { cpts: Cpts; serviceId: string; orgId: string } | undefined;
    if (slot.cptsFiness !== undefined) {
      cpts = this.cpts.get(slot.cptsFiness) ?? this.cptsEntry({ finess: slot.cptsFiness, name: `CPTS ${slot.cptsFiness}`, memberIds: [] });
      resource.serviceType?.push({
        extension: [{ url: SLOT_SERVICE_TYPE_EXTENSION, valueReference: { reference: `HealthcareService/${cpts.serviceId}` } }],
        coding: [{ system: CATEGORIE_ETABLISSEMENT_SYSTEM, code: CPTS_CATEGORY_CODE }],
      });
    }

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
      return slot.practitionerId === undefined ? 'schedule-unknown' : `schedule-ext-${this.practitionerKey(slot.practitionerId)}`;
    }
    const role =
      slot.place === undefined ? p.roles[0] : p.roles.find((r) => r.place !== undefined && samePlace(r.place, slot.place));
    if (role !== undefined) return role.scheduleId;
    const j = p.roles.length + 1;
    const added: { fhirId: string; place?: Place; scheduleId: string } = {
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
    const schedule: fhir.Schedule = { resourceType: 'Schedule', id: scheduleId, meta: { profile: [PROFILES.schedule] }, actor: [] };
    const role = p?.roles.find((r) => r.scheduleId === scheduleId);
    if (p !== undefined && role !== undefined) {
      schedule.actor = [{ reference: `Practitioner/${p.fhirId}` }, { reference: `PractitionerRole/${role.fhirId}` }];
      this.push(schedule, 'include');
      this.emitPractitioner(p);
      // All the practitioner's roles together, in the order of their places: the first place stays the first.
      p.roles.forEach((r) => this.emitRole(p, r));
    } else {
      // A practitioner the caller did not describe: a logical reference by IDNPS still says whose slot it is.
      if (slot.practitionerId !== undefined)
        schedule.actor = [{ identifier: idnpsIdentifier(slot.practitionerId) }];
      this.push(schedule, 'include');
    }
  }

  private emitPractitioner(p: PractitionerEntries): void {
    if (p.emitted) return;
    p.emitted = true;
    const { practitioner } = p;
    const name: fhir.HumanName = { family: practitioner.familyName };
    if (practitioner.givenName !== undefined) name.given = [practitioner.givenName];
    if (practitioner.prefix !== undefined) name.prefix = [practitioner.prefix];
    this.push(
      {
        resourceType: 'Practitioner',
        id: p.fhirId,
        meta: { profile: [PROFILES.practitioner] },
        identifier: [idnpsIdentifier(practitioner.nationalId)],
        name: [name],
      },
      'include',
    );
  }

  private emitRole(p: PractitionerEntries, role: { fhirId: string; place?: Place }): void {
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
    this.push(resource, 'include');
  }

  private cptsEntry(cpts: Cpts): { cpts: Cpts; serviceId: string; orgId: string } {
    const known = this.cpts.get(cpts.finess);
    if (known !== undefined) return known;
    const n = this.cpts.size + 1;
    const entry = { cpts, serviceId: `cpts-service-${n}`, orgId: `cpts-org-${n}` };
    this.cpts.set(cpts.finess, entry);
    return entry;
  }

  private emitCpts(entry: { cpts: Cpts; serviceId: string; orgId: string }): void {
    this.push(
      {
        resourceType: 'HealthcareService',
        id: entry.serviceId,
        meta: { profile: [PROFILES.healthcareServiceCpts] },
        providedBy: { reference: `Organization/${entry.orgId}` },
      },
      'include',
    );
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
    if (entry.cpts.place !== undefined && hasAddress(entry.cpts.place)) organization.address = [addressOf(entry.cpts.place)];
    this.push(organization, 'include');
  }

  private siteEntry(site: SosSite): { site: SosSite; locationId: string; scheduleId: string; orgId: string } {
    const known = this.sites.get(site.id);
    if (known !== undefined) return known;
    const n = this.sites.size + 1;
    const orgKey = `${site.place.organizationId ?? ''}|${site.associationName}`;
    let orgId = this.sosOrgs.get(orgKey);
    if (orgId === undefined) {
      orgId = `sos-org-${this.sosOrgs.size + 1}`;
      this.sosOrgs.set(orgKey, orgId);
    }
    const entry = { site, locationId: `sos-location-${n}`, scheduleId: `sos-schedule-${n}`, orgId };
    this.sites.set(site.id, entry);
    return entry;
  }

  private emitSite(entry: { site: SosSite; locationId: string; scheduleId: string; orgId: string }): void {
    const { site } = entry;
    this.push(
      {
        resourceType: 'Schedule',
        id: entry.scheduleId,
        meta: { profile: [PROFILES.scheduleSos] },
        actor: [{ reference: `Location/${entry.locationId}` }],
      },
      this.sosMode ? 'match' : 'include',
    );
    const location = locationOf(entry.locationId, site.place, PROFILES.locationSos);
    location.identifier = [
      { type: { coding: [{ system: FR_LOCATION_IDENTIFIER_TYPE_SYSTEM, code: 'INTRN' }] }, system: `${this.base}/sos-site`, value: site.id },
    ];
    location.name = site.name;
    if (site.phone !== undefined) location.telecom = [{ system: 'phone', value: site.phone }];
    location.managingOrganization = { reference: `Organization/${entry.orgId}` };
    this.push(location, 'include');
    const organization: fhir.Organization = {
      resourceType: 'Organization',
      id: entry.orgId,
      meta: { profile: [PROFILES.organizationSos] },
      name: site.associationName,
    };
    if (site.place.organizationId !== undefined)
      organization.identifier = [
        {
          type: { coding: [{ system: FR_LOCATION_IDENTIFIER_TYPE_SYSTEM, code: 'IDNST' }] },
          system: IDNST_SYSTEM,
          value: site.place.organizationId,
        },
      ];
    this.push(organization, 'include');
  }
}

function idnpsIdentifier(value: string): fhir.Identifier {
  return { type: { coding: [{ system: FR_V2_0203_SYSTEM, code: 'IDNPS' }] }, system: IDNPS_SYSTEM, value };
}

function codingOf(c: { system: string; code: string; display?: string }): fhir.Coding {
  const coding: fhir.Coding = { system: c.system, code: c.code };
  if (c.display !== undefined) coding.display = c.display;
  return coding;
}

function hasAddress(place: Place): boolean {
  return place.line !== undefined || place.city !== undefined || place.postalCode !== undefined || place.point !== undefined;
}

function addressOf(place: Place): fhir.Address {
  const address: fhir.Address = {};
  if (place.line !== undefined) address.line = [place.line];
  if (place.city !== undefined) address.city = place.city;
  if (place.postalCode !== undefined) address.postalCode = place.postalCode;
  return address;
}

function locationOf(id: string, place: Place, profile: string): fhir.Location {
  const location: fhir.Location = { resourceType: 'Location', id, meta: { profile: [profile] }, address: addressOf(place) };
  if (place.point !== undefined) location.position = { latitude: place.point.lat, longitude: place.point.lon };
  return location;
}
