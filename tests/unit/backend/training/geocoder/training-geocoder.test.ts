// The training geocoder: typo-tolerant scoring over the data set's streets, the national protocol's answers, and
// HTTP 429 with Retry-After beyond its rate.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadGeoData, type GeoData } from '@backend/geo/index';
import {
  createAddressIndex,
  createRateLimiter,
  searchAddresses,
  startTrainingGeocoder,
  streetScore,
  parseQuery,
  positionOn,
  streetsFromPlaces,
  type AddressIndex,
} from '@backend/training/geocoder/index';

let geo: GeoData;
let index: AddressIndex;
const places = [
  { line: '10 rue du Lavoir', city: 'Agen', postalCode: '47000', inseeCode: '47001', point: { lat: 44.2, lon: 0.6 } },
  { line: '30 rue du Lavoir', city: 'Agen', postalCode: '47000', inseeCode: '47001', point: { lat: 44.21, lon: 0.62 } },
  { line: '5 cours du Stade', city: 'Agen', postalCode: '47000', inseeCode: '47001', point: { lat: 44.19, lon: 0.61 } },
];

beforeAll(async () => {
  geo = await loadGeoData();
  index = createAddressIndex(geo.communes, streetsFromPlaces(places));
});

describe('scoring', () => {
  const street = ['rue', 'du', 'lavoir'];
  const city = ['agen'];
  it('exact > typo > other street, and abbreviations count as written out', () => {
    const exact = streetScore(parseQuery('12 rue du Lavoir Agen'), street, city);
    const typo = streetScore(parseQuery('12 rue du Lavoire Agen'), street, city);
    const other = streetScore(parseQuery('12 avenue des Tilleuls Agen'), street, city);
    expect(exact).toBe(1);
    expect(typo).toBeLessThan(exact);
    expect(typo).toBeGreaterThan(0.8);
    expect(other).toBeLessThan(0.3);
    expect(streetScore(parseQuery('12 r du Lavoir'), street, city)).toBe(1);
  });

  it('property: searching never throws on any q, and answers a valid, bounded collection', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 200 }),
        fc.option(fc.constantFrom('47001', '33063', '75056', '99999')),
        fc.integer({ min: 1, max: 50 }),
        (q, citycode, limit) => {
          const answer = searchAddresses(index, { q, limit, ...(citycode ? { citycode } : {}) });
          expect(answer.type).toBe('FeatureCollection');
          expect(answer.features.length).toBeLessThanOrEqual(limit);
          for (const f of answer.features) {
            expect(f.properties.score).toBeGreaterThanOrEqual(0);
            expect(f.properties.score).toBeLessThanOrEqual(1);
            if (citycode) expect(f.properties.citycode).toBe(citycode);
          }
          const scores = answer.features.map((f) => f.properties.score);
          expect(scores).toEqual([...scores].sort((a, b) => b - a));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('answers', () => {
  it('a house number between two known ones is interpolated along the street', () => {
    const [feature] = searchAddresses(index, { q: '20 rue du Lavoir Agen', citycode: '47001', limit: 1 }).features;
    expect(feature?.properties).toMatchObject({
      type: 'housenumber',
      housenumber: '20',
      street: 'Rue du Lavoir',
      citycode: '47001',
      label: '20 Rue du Lavoir 47000 Agen',
      score: 1,
    });
    expect(feature?.geometry.coordinates[0]).toBeCloseTo(0.61, 6);
    expect(feature?.geometry.coordinates[1]).toBeCloseTo(44.205, 6);
    // Lambert-93 of Agen: about x 516 km, y 6 340 km.
    expect(feature!.properties.x).toBeGreaterThan(500_000);
    expect(feature!.properties.y).toBeGreaterThan(6_300_000);
  });

  it('a street known by one place: numbers spaced along it; no number: the street itself', () => {
    const street = streetsFromPlaces(places).find((s) => s.name === 'cours du Stade')!;
    expect(positionOn(street, 5)).toEqual({ lat: 44.19, lon: 0.61 });
    expect(positionOn(street, 6)).not.toEqual({ lat: 44.19, lon: 0.61 });
    const [feature] = searchAddresses(index, { q: 'cours du Stade', citycode: '47001', limit: 1 }).features;
    expect(feature?.properties.type).toBe('street');
  });

  it('an unknown street: the commune, with a low score; the commune code alone: the commune', () => {
    const [unknown] = searchAddresses(index, { q: '3 impasse Zorglub Agen', citycode: '47001', limit: 5 }).features;
    expect(unknown?.properties.type).toBe('municipality');
    expect(unknown!.properties.score).toBeLessThan(0.5);
    const [city] = searchAddresses(index, { q: 'Agen', limit: 5 }).features;
    expect(city?.properties).toMatchObject({ type: 'municipality', citycode: '47001', score: 1 });
  });
});

describe('rate limit', () => {
  it('the bucket refills at its rate', () => {
    let now = 0;
    const limiter = createRateLimiter(2, () => now);
    expect([limiter.take(), limiter.take(), limiter.take()]).toEqual([true, true, false]);
    now = 500;
    expect([limiter.take(), limiter.take()]).toEqual([true, false]);
  });

  it('answers 429 with Retry-After beyond its rate, 400 on a bad query, GeoCodeJSON otherwise', async () => {
    const geocoder = await startTrainingGeocoder({ index, ratePerSecond: 3, retryAfterSeconds: 2, now: () => 0 });
    try {
      const ask = (q: string) =>
        fetch(`${geocoder.url}?${new URLSearchParams({ q, citycode: '47001', limit: '1', index: 'address' })}`);
      const ok = await ask('20 rue du Lavoir');
      expect(ok.status).toBe(200);
      expect(((await ok.json()) as { features: unknown[] }).features).toHaveLength(1);
      expect((await ask('x')).status).toBe(400);
      await ask('rue du Lavoir');
      const limited = await ask('rue du Lavoir');
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('2');
      expect(geocoder.counts).toEqual({ ok: 2, badRequest: 1, rateLimited: 1 });
    } finally {
      await geocoder.close();
    }
  });
});
