// The training offer goes through the importer as the national directory does: written as RPPS / FINESS /
// participation files, imported, loaded, it gives the same searches as the training offer loaded directly.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchEvent, SearchQuery } from '@shared/domain/search';
import { computeSearchWindow } from '@shared/fhir/build-search';
import { createDirectory, loadDirectory, type Directory } from '@backend/directory';
import { importDirectory } from '@backend/directory/import/importer';
import { createJsonFileSink } from '@backend/directory/import/sink';
import { geocoderFor, loadGeoData, type GeoData } from '@backend/geo';
import { CircuitBreaker } from '@backend/search/circuit-breaker';
import { directoryOffer, geoLocations, publisherRegistry } from '@backend/search/adapters';
import { runSearch } from '@backend/search/search-service';
import { loadTrainingDataset } from '@backend/training/dataset';
import { NATIONAL_FILES, renderNationalFiles } from '@backend/training/dataset/national-files';

let geo: GeoData;
let direct: Directory;
let imported: Directory;
let dir: string;
let summary: Awaited<ReturnType<typeof importDirectory>>;

beforeAll(async () => {
  geo = await loadGeoData();
  const offer = (await loadTrainingDataset()).careOffer;
  direct = createDirectory(offer);
  dir = await mkdtemp(join(tmpdir(), 'training-national-'));
  const files = renderNationalFiles(offer);
  const path = (name: keyof typeof NATIONAL_FILES) => join(dir, NATIONAL_FILES[name]);
  await Promise.all([
    writeFile(path('rpps'), files.rpps, 'utf8'),
    writeFile(path('finess'), files.finess),
    writeFile(path('participation'), files.participation, 'utf8'),
    writeFile(path('sosSites'), files.sosSites, 'utf8'),
    writeFile(path('publishers'), files.publishers, 'utf8'),
  ]);
  const out = join(dir, 'care-offer.json');
  summary = await importDirectory(
    {
      rpps: path('rpps'),
      finess: path('finess'),
      participation: path('participation'),
      sosSites: path('sosSites'),
      publishers: path('publishers'),
    },
    createJsonFileSink(out),
    { communes: geo.communes },
  );
  imported = (await loadDirectory(out)).directory;
}, 60_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** What a search shows up to its offer event, in a comparable form. */
async function offerOf(directory: Directory, query: SearchQuery) {
  let offer: Extract<SearchEvent, { type: 'offer' }>['offer'] | undefined;
  let radiusKm: number | undefined;
  const abort = new AbortController();
  await runSearch(
    {
      locations: geoLocations(geocoderFor(geo), geo.radii, directory),
      directory: directoryOffer(directory),
      publishers: publisherRegistry(directory.publishers),
      aggregator: {
        get: async () => ({ ok: false as const, kind: 'connection' as const, reason: 'hors test', durationMs: 0 }),
        buildUrl: () => 'http://127.0.0.1:9/',
        map: () => ({ slots: [], issueCount: 0 }),
        agendaSlots: async () => [],
        breaker: new CircuitBreaker({ failureThreshold: 3, coolDownMs: 60_000 }),
        concurrency: 1,
        budgetMs: 1_000,
        now: () => performance.now(),
      },
      window: (at) => computeSearchWindow(at),
      clock: () => new Date('2026-10-08T08:00:00Z'),
    },
    query,
    {},
    (event) => {
      if (event.type === 'location') radiusKm = event.location.radiusKm;
      if (event.type !== 'offer') return;
      offer = event.offer;
      abort.abort();
    },
    abort.signal,
  );
  if (!offer) throw new Error('no offer event');
  return {
    radiusKm,
    practitioners: offer.practitioners.map((p) => [
      p.practitioner.nationalId,
      p.practitioner.participation?.mode ?? '-',
      p.practitioner.agendaSource ?? '-',
    ]),
    // Positions go through Lambert-93 at 0.1 m and back: distances agree to the metre, not the millimetre.
    distancesKm: offer.practitioners.map((p) => p.distanceKm ?? -1),
    cpts: offer.cpts.map((c) => c.cpts.finess),
    sosSites: offer.sosSites.map((s) => s.site.id),
    sources: offer.sources.map((s) => s.id).sort(),
  };
}

describe('training offer through the importer', () => {
  it('imports every practitioner, CPTS, SOS site and publisher, each placed at its FINESS site', () => {
    expect(summary.rpps.kept).toBe(direct.practitioners.length);
    expect(summary.positions).toMatchObject({ finess: direct.practitioners.length, commune: 0, none: 0 });
    expect(imported.cpts.map((c) => c.finess).sort()).toEqual(direct.cpts.map((c) => c.finess).sort());
    expect(imported.sosSites.map((s) => s.id)).toEqual(direct.sosSites.map((s) => s.id));
    expect(imported.publishers.map((p) => p.id)).toEqual(direct.publishers.map((p) => p.id));
    expect(summary.participation).toMatchObject({ unknownPractitioners: 0, unknownStructures: 0 });
  });

  const communes = ['33063', '33099', '33522', '33119', '47001', '47323', '33243'];
  const specialties: (SearchQuery['specialty'] | undefined)[] = [
    undefined,
    { kind: 'text', text: 'gynécologue' },
    { kind: 'text', text: 'pédiatre' },
    { kind: 'text', text: 'dentiste' },
  ];
  for (const insee of communes) {
    it(`gives the same offer as the loaded training file around ${insee}`, async () => {
      const commune = geo.communes.byInsee(insee);
      expect(commune).toBeDefined();
      for (const specialty of specialties) {
        const query: SearchQuery = {
          location: { inseeCode: insee, city: commune?.name ?? '' },
          ...(specialty ? { specialty } : {}),
        };
        const [expected, actual] = [await offerOf(direct, query), await offerOf(imported, query)];
        const { distancesKm: expectedKm, ...expectedRest } = expected;
        const { distancesKm: actualKm, ...actualRest } = actual;
        expect(actualRest).toEqual(expectedRest);
        actualKm.forEach((km, i) => expect(Math.abs(km - (expectedKm[i] ?? Infinity))).toBeLessThan(0.002));
      }
    });
  }
});
