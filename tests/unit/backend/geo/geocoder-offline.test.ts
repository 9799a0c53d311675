// The geocoder without an address service (offline): commune centroids, departments, clear errors.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createGeocoder, loadGeoData, locateSearch, ofCommune, type GeoData, type Geocoder } from '@backend/geo/index';

let geo: GeoData;
let geocoder: Geocoder;

beforeAll(async () => {
  geo = await loadGeoData();
  geocoder = createGeocoder({ communes: geo.communes, radii: geo.radii });
});

describe('offline geocoding', () => {
  it('places an INSEE code at its commune centroid and says the position is approximate', async () => {
    const result = await geocoder.geocode({ inseeCode: '47001' });
    expect(result).toEqual({
      ok: true,
      location: {
        point: { lat: 44.20284, lon: 0.62575 },
        precision: 'commune',
        label: 'Agen (47), position approximative',
        inseeCode: '47001',
        department: '47',
      },
    });
  });

  it('gives an arrondissement its city, and the INSEE code precedence over the city', async () => {
    const paris = await geocoder.geocode({ inseeCode: '75115', city: 'Lyon' });
    expect(paris.ok && paris.location.inseeCode).toBe('75056');
  });

  it('reads "47000 Agen", "Agen (47)" and bare postcodes', async () => {
    for (const city of ['47000 agen', 'Agen (47)', 'AGEN', '47000']) {
      const result = await geocoder.geocode({ city });
      expect(result.ok && result.location.inseeCode, city).toBe('47001');
    }
  });

  it('picks the most populated homonym and says so; a department disambiguates', async () => {
    const any = await geocoder.geocode({ city: 'Saint-Denis' });
    expect(any.ok && any.location.notice).toMatch(/Plusieurs communes/);
    const inSeineSaintDenis = await geocoder.geocode({ city: 'Saint-Denis (93)' });
    expect(inSeineSaintDenis.ok && inSeineSaintDenis.location).toMatchObject({ inseeCode: '93066' });
    expect(inSeineSaintDenis.ok && inSeineSaintDenis.location.notice).toBeUndefined();
  });

  it('falls back to the city name when the INSEE code is unknown, saying so', async () => {
    const result = await geocoder.geocode({ inseeCode: '47999', city: 'Agen' });
    expect(result.ok && result.location.inseeCode).toBe('47001');
    expect(result.ok && result.location.notice).toContain('47999');
  });

  it('takes a whole department from its code or name', async () => {
    const byName = await geocoder.geocode({ city: 'lot et garonne' });
    expect(byName).toMatchObject({ ok: true, location: { precision: 'department', department: '47' } });
    const byCode = await geocoder.geocode({ city: '2A' });
    expect(byCode).toMatchObject({ ok: true, location: { precision: 'department', department: '2A' } });
  });

  it('keeps the commune and explains why when a street is given but no geocoder is configured', async () => {
    const result = await geocoder.geocode({ inseeCode: '47001', streetName: 'rue Paul Vidal', streetNumber: '12' });
    expect(result.ok && result.location.precision).toBe('commune');
    expect(result.ok && result.location.notice).toBe(
      "Géocodage à l'adresse non configuré : position approximative, centre d'Agen.",
    );
  });

  it('answers clear French errors', async () => {
    expect(await geocoder.geocode({})).toMatchObject({ ok: false, code: 'location-missing' });
    expect(await geocoder.geocode({ city: 'Xyzville' })).toEqual({
      ok: false,
      code: 'commune-not-found',
      message: 'Commune introuvable : « Xyzville ».',
    });
    expect(await geocoder.geocode({ inseeCode: '99999' })).toMatchObject({ ok: false, code: 'commune-not-found' });
  });

  it('never throws, whatever the location fields hold', async () => {
    const field = fc.option(fc.string({ maxLength: 40 }), { nil: undefined });
    await fc.assert(
      fc.asyncProperty(
        fc.record({ inseeCode: field, city: field, streetName: field, streetNumber: field }),
        async (location) => {
          const result = await geocoder.geocode(location);
          if (result.ok) expect(['commune', 'department']).toContain(result.location.precision);
          else expect(result.message.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('uses French elision in notices', () => {
    expect(ofCommune('Agen')).toBe("d'Agen");
    expect(ofCommune('Le Mans')).toBe('du Mans');
    expect(ofCommune('Les Abymes')).toBe('des Abymes');
    expect(ofCommune('Bordeaux')).toBe('de Bordeaux');
  });
});

describe('locateSearch', () => {
  it('adds the department radius, enlarged while fewer than 5 practitioners are found', async () => {
    const result = await locateSearch(
      { inseeCode: '47001' },
      { geocoder, radii: geo.radii, countPractitionersWithin: (_point, radius) => (radius >= 45 ? 5 : 1) },
    );
    expect(result).toMatchObject({ ok: true, location: { radiusKm: 45, enlargements: 1, precision: 'commune' } });
  });

  it('uses the county radius, never enlarged, for a whole department', async () => {
    const result = await locateSearch(
      { city: 'Lot-et-Garonne' },
      { geocoder, radii: geo.radii, countPractitionersWithin: () => 0 },
    );
    expect(result).toMatchObject({ ok: true, location: { radiusKm: 104, enlargements: 0 } });
  });

  it('passes geocoding errors through', async () => {
    const result = await locateSearch({}, { geocoder, radii: geo.radii, countPractitionersWithin: () => 0 });
    expect(result).toMatchObject({ ok: false, code: 'location-missing' });
  });
});
