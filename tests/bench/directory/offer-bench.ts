// The directory part of a search and the time to its `offer` event, in process (no HTTP, no publisher): the
// backend's own search service over a directory built from a care offer (the 640-practitioner training offer, or
// a generated national one), with the offline commune geocoder and the radius table. The directory part is the
// time spent inside the directory's calls (radius enlargement counts, the offer's radius query, structures, GP).
import type { SearchEvent, SearchQuery } from '@shared/domain/search';
import { computeSearchWindow } from '@shared/fhir/build-search';
import { createDirectory, type Directory } from '@backend/directory/directory';
import type { CareOfferData } from '@backend/directory/schema';
import { countyArea, geocoderFor, loadGeoData, type GeoData } from '@backend/geo';
import { CircuitBreaker } from '@backend/search/circuit-breaker';
import { directoryOffer, geoLocations, publisherRegistry } from '@backend/search/adapters';
import type { LocationResolver, OfferDirectory } from '@backend/search/ports';
import { runSearch, type SearchServiceDeps } from '@backend/search/search-service';

type Spent = { ms: number; cpuMs: number };

/** Wraps a function so its wall time and this process's CPU time (less distorted by a loaded machine) add up. */
function timer(spent: Spent) {
  return <A extends unknown[], R>(fn: (...args: A) => R) =>
    (...args: A): R => {
      const started = performance.now();
      const cpu = process.cpuUsage();
      try {
        return fn(...args);
      } finally {
        spent.ms += performance.now() - started;
        const used = process.cpuUsage(cpu);
        spent.cpuMs += (used.user + used.system) / 1000;
      }
    };
}

/** Every call of the search into the directory: the locator's counts and the offer's queries. */
function timedOffer(directory: Directory, spent: Spent): { counting: Directory; offer: OfferDirectory } {
  const time = timer(spent);
  const offer = directoryOffer(directory);
  const structuresWithin = offer.structuresWithin;
  return {
    counting: { ...directory, countPractitionersWithin: time(directory.countPractitionersWithin) },
    offer: {
      practitionersWithin: time(offer.practitionersWithin),
      cptsWithin: time(offer.cptsWithin),
      sosSitesWithin: time(offer.sosSitesWithin),
      ...(structuresWithin ? { structuresWithin: time(structuresWithin) } : {}),
      practitionerById: time(offer.practitionerById),
      cptsByFiness: time(offer.cptsByFiness),
    },
  };
}

/** A whole-department search: the department's barycentre and county radius, as the locator gives them. */
function departmentLocation(geo: GeoData, department: string): LocationResolver {
  const area = countyArea(geo.radii.radiusFor(department));
  if (!area) throw new Error(`no barycentre for department ${department}`);
  return {
    locate: async () => ({
      ok: true,
      location: {
        point: area.point,
        precision: 'department',
        label: department,
        department,
        radiusKm: area.radiusKm,
        enlargements: 0,
      },
    }),
  };
}

export interface OfferMeasure {
  directoryMs: number;
  directoryCpuMs: number;
  offerMs: number;
  /** Bytes of the `offer` event's NDJSON line. */
  offerLineBytes: number;
  practitionersShown: number;
  practitionersTotal: number;
}

export interface OfferBench {
  buildMs: number;
  practitioners: number;
  measure(query: SearchQuery, options?: { department?: string }): Promise<OfferMeasure>;
}

export async function prepareOfferBench(data: CareOfferData): Promise<OfferBench> {
  const geo = await loadGeoData();
  const started = performance.now();
  const directory = createDirectory(data);
  const buildMs = performance.now() - started;
  return {
    buildMs,
    practitioners: data.practitioners.length,
    async measure(query, options = {}) {
      const spent = { ms: 0, cpuMs: 0 };
      const view = timedOffer(directory, spent);
      const deps: SearchServiceDeps = {
        locations: options.department
          ? departmentLocation(geo, options.department)
          : geoLocations(geocoderFor(geo), geo.radii, view.counting),
        directory: view.offer,
        publishers: publisherRegistry(directory.publishers),
        aggregator: {
          // The search is stopped at its offer event: publishers are planned, never called.
          get: async () => ({
            ok: false as const,
            kind: 'connection' as const,
            reason: 'pas d’éditeur ici',
            durationMs: 0,
          }),
          buildUrl: () => 'http://127.0.0.1:9/',
          map: () => ({ slots: [], issueCount: 0 }),
          agendaSlots: async () => [],
          breaker: new CircuitBreaker({ failureThreshold: 3, coolDownMs: 60_000 }),
          concurrency: 1,
          budgetMs: 1_000,
          now: () => performance.now(),
        },
        window: (at) => computeSearchWindow(at),
        clock: () => new Date(),
      };
      const abort = new AbortController();
      let result: OfferMeasure | undefined;
      const begin = performance.now();
      const emit = (event: SearchEvent) => {
        if (event.type !== 'offer' || result) return;
        // What the route writes: one JSON line.
        const line = `${JSON.stringify(event)}\n`;
        result = {
          directoryMs: spent.ms,
          directoryCpuMs: spent.cpuMs,
          offerMs: performance.now() - begin,
          offerLineBytes: Buffer.byteLength(line),
          practitionersShown: event.offer.practitioners.length,
          practitionersTotal: event.offer.practitionerTotal ?? event.offer.practitioners.length,
        };
        abort.abort();
      };
      await runSearch(deps, query, {}, emit, abort.signal);
      if (!result) throw new Error('no offer event');
      return result;
    },
  };
}
