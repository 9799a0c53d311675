// « Temps n°1 »: a SOS Médecins site not yet interfaced fills the SAS agenda through its structure manager. The
// directory accepts `sas-agenda` as a site's agenda source, a general-medicine search asks the SAS agenda for that
// site, and its free slots show as the site's; a booked one does not.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDirectory } from '@backend/directory';
import { parseCareOfferFile } from '@backend/directory/schema';
import { geocoderFor, loadGeoData, type GeoData } from '@backend/geo';
import { agendaSlotsFrom, directoryOffer, geoLocations, publisherRegistry } from '@backend/search/adapters';
import { CircuitBreaker } from '@backend/search/circuit-breaker';
import { runSearch } from '@backend/search/search-service';
import { claimAgendaSlot } from '@backend/storage/agenda-bookings';
import { openStorage, type Storage } from '@backend/storage/index';
import type { SearchEvent } from '@shared/domain/search';
import { computeSearchWindow } from '@shared/fhir/build-search';

const SITE = '1339900128';
const NOW = new Date('2030-03-14T07:00:00Z');

let geo: GeoData;
let storage: Storage;
let careOffer: unknown;

beforeAll(async () => {
  geo = await loadGeoData();
  storage = await openStorage({ driver: 'pglite' });
  const file = JSON.parse(await readFile('resources/training/care-offer.json', 'utf8')) as {
    sosSites: { id: string; agendaSource?: string }[];
  };
  for (const site of file.sosSites) if (site.id === SITE) site.agendaSource = 'sas-agenda';
  careOffer = file;
}, 60_000);

afterAll(async () => {
  await storage?.close();
});

async function search(): Promise<SearchEvent[]> {
  const parsed = parseCareOfferFile(careOffer);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const directory = createDirectory(parsed.data);
  const events: SearchEvent[] = [];
  await runSearch(
    {
      locations: geoLocations(geocoderFor(geo), geo.radii, directory),
      directory: directoryOffer(directory),
      publishers: publisherRegistry(directory.publishers),
      aggregator: {
        // No publisher on loopback here: every publisher source fails at once, the SAS agenda is the storage.
        get: async () => ({ ok: false as const, kind: 'connection' as const, reason: 'hors test', durationMs: 0 }),
        buildUrl: () => 'http://127.0.0.1:9/',
        map: () => ({ slots: [], issueCount: 0 }),
        agendaSlots: agendaSlotsFrom(storage.agendaSlots, directory),
        breaker: new CircuitBreaker({ failureThreshold: 100, coolDownMs: 60_000 }),
        concurrency: 4,
        budgetMs: 2_000,
        now: () => performance.now(),
      },
      window: (at) => computeSearchWindow(at),
      clock: () => NOW,
    },
    { location: { inseeCode: '33063' } } as never,
    {},
    (event) => events.push(event),
    new AbortController().signal,
  );
  return events;
}

const siteSlots = (events: SearchEvent[]) =>
  events
    .flatMap((e) => (e.type === 'slots' && e.sourceId === 'sas-agenda' ? e.slots : []))
    .filter((s) => s.sosSiteId === SITE);

describe('a SOS Médecins site on the SAS agenda', () => {
  it('is a valid directory entry and its free slots show in a general-medicine search, booked ones do not', async () => {
    const put = (id: string, start: string, end: string) =>
      storage.agendaSlots.put({ id, sosSiteId: SITE, start, end, types: ['SNP'], modes: ['cabinet'] });
    await put('sos-libre', '2030-03-14T09:00:00Z', '2030-03-14T09:20:00Z');
    await put('sos-pris', '2030-03-14T10:00:00Z', '2030-03-14T10:20:00Z');
    await storage.db.transaction((tx) => claimAgendaSlot(tx, 'sos-pris', 'reservation-1'));

    const events = await search();
    const offer = events.find((e) => e.type === 'offer');
    expect(offer?.type === 'offer' && offer.offer.sources.map((s) => s.id)).toContain('sas-agenda');
    const slots = siteSlots(events);
    expect(slots.map((s) => s.id)).toEqual(['sas-agenda/sos-libre']);
    expect(slots[0]).toMatchObject({ sourceId: 'sas-agenda', withAppointment: true, specialties: [{ code: 'SM54' }] });
    expect(slots[0]?.practitionerId).toBeUndefined();
  }, 60_000);

  it('is not asked for when the site keeps its SOS publisher', async () => {
    (careOffer as { sosSites: { id: string; agendaSource?: string }[] }).sosSites.find(
      (s) => s.id === SITE,
    )!.agendaSource = 'sos-planning';
    expect(siteSlots(await search())).toEqual([]);
  }, 60_000);
});
