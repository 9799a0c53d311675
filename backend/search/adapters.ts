// Adapts the directory, the geocoder, the publisher registry and the SAS agenda to what a search needs.
import type { Coding } from '../../shared/domain/care-offer';
import type { SpecialtyReference } from '../../shared/domain/launch';
import type { Slot } from '../../shared/domain/slot';
import { buildSlotSearchUrl, buildSosScheduleSearchUrl, type SearchWindow } from '../../shared/fhir/build-search';
import { mapSlotBundle } from '../../shared/fhir/map-slot-bundle';
import type { Directory } from '../directory/directory';
import type { Publisher } from '../directory/publishers';
import { locateSearch, type LocateOptions } from '../geo/locate';
import type { Geocoder } from '../geo/geocoder';
import type { RadiusTable } from '../geo/radius-table';
import { agendaSlotToSlot, type AgendaSlotRepository } from '../storage/agenda-slots';
import type { AgendaStructures, MappedAnswer, PublisherSource } from './aggregator';
import { GENERAL_MEDICINE } from '../../shared/domain/specialties';
import type { LocationResolver, OfferDirectory, PublisherEntry, PublisherRegistry } from './ports';
import { resolveSpecialty } from './specialty';

const NO_MATCH: Coding = { system: 'urn:sas-console:specialite-inconnue', code: '-' };

/** A specialty given as text that matches no label finds nobody, rather than everybody. */
const codingFor = (specialty: SpecialtyReference): Coding[] => resolveSpecialty(specialty) ?? [NO_MATCH];

export function directoryOffer(directory: Directory): OfferDirectory {
  // CPTS and SOS sites come from the same radius query: run it once for both.
  let last:
    { lat: number; lon: number; radiusKm: number; result: ReturnType<Directory['findWithinRadius']> } | undefined;
  const structuresWithin = (point: { lat: number; lon: number }, radiusKm: number) => {
    if (!last || last.lat !== point.lat || last.lon !== point.lon || last.radiusKm !== radiusKm) {
      last = { lat: point.lat, lon: point.lon, radiusKm, result: directory.findWithinRadius({ point, radiusKm }) };
    }
    return last.result;
  };
  return {
    practitionersWithin: (point, radiusKm, specialty) =>
      directory
        .findWithinRadius({ point, radiusKm, specialty: codingFor(specialty) })
        .practitioners.map((hit) => ({ item: hit.practitioner, distanceKm: hit.distanceKm })),
    cptsWithin: (point, radiusKm) =>
      structuresWithin(point, radiusKm).cpts.map((hit) => ({ item: hit.cpts, distanceKm: hit.distanceKm })),
    sosSitesWithin: (point, radiusKm) =>
      structuresWithin(point, radiusKm).sosSites.map((hit) => ({ item: hit.site, distanceKm: hit.distanceKm })),
    structuresWithin: (point, radiusKm) =>
      structuresWithin(point, radiusKm).structures.map((hit) => ({ item: hit.structure, distanceKm: hit.distanceKm })),
    practitionerById: (id) => directory.getPractitioner(id),
    cptsByFiness: (finess) => directory.getCpts(finess),
  };
}

export function geoLocations(
  geocoder: Geocoder,
  radii: RadiusTable,
  directory: Directory,
  coverage?: LocateOptions['coverage'],
): LocationResolver {
  return {
    async locate(location, specialty, signal) {
      const coding = codingFor(specialty);
      return locateSearch(location, {
        geocoder,
        radii,
        signal,
        ...(coverage ? { coverage } : {}),
        countPractitionersWithin: (point, radiusKm) => directory.countPractitionersWithin(point, radiusKm, coding),
      });
    },
  };
}

function toPublisherEntry(publisher: Publisher): PublisherEntry {
  return {
    id: publisher.id,
    name: publisher.name,
    flavour: publisher.kind === 'sos' ? 'sos' : 'ps',
    fhirBaseUrl: publisher.fhirBaseUrl,
    cpts: publisher.kind === 'cpts',
    regulatorAccounts: publisher.acceptsV1Accounts,
  };
}

export function publisherRegistry(publishers: readonly Publisher[]): PublisherRegistry {
  const entries = new Map(publishers.map((p) => [p.id, toPublisherEntry(p)]));
  return { get: (id) => entries.get(id), all: () => [...entries.values()] };
}

export function publisherRequestUrl(source: PublisherSource, ids: readonly string[], window: SearchWindow): string {
  return source.flavour === 'sos'
    ? buildSosScheduleSearchUrl(source.baseUrl, { organizationIds: ids, start: window.start, end: window.end })
    : buildSlotSearchUrl(source.baseUrl, { nationalIds: ids, start: window.start, end: window.end, cpts: source.cpts });
}

export function mapPublisherAnswer(body: unknown, source: PublisherSource): MappedAnswer {
  const mapped = mapSlotBundle(body, { sourceId: source.info.id });
  const slots = source.regulatorAccounts
    ? mapped.slots
    : mapped.slots.map((slot) => ({ ...slot, regulatorAccountsRefused: true }));
  return { slots, issueCount: mapped.issues.length };
}

export function agendaSlotsFrom(repository: AgendaSlotRepository, directory: Directory) {
  return async (ids: readonly string[], window: SearchWindow, structures?: AgendaStructures): Promise<Slot[]> => {
    const records = await repository.listForOwners(
      {
        practitionerIds: ids,
        ...(structures ? { cptsFinesses: structures.cptsFinesses, sosSiteIds: structures.sosSiteIds } : {}),
      },
      { from: window.start, to: window.end },
    );
    return records.map((record) => {
      const practitioner =
        record.practitionerId === undefined ? undefined : directory.getPractitioner(record.practitionerId);
      // SOS Médecins are general practitioners: a site's own slot is general medicine.
      const specialties = practitioner?.specialties ?? (record.sosSiteId !== undefined ? [GENERAL_MEDICINE] : []);
      return agendaSlotToSlot(record, specialties);
    });
  };
}
