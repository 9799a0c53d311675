import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundsOf, circleRing, isGeoPoint } from '@renderer/map/geometry';
import { cardFeatures } from '@renderer/map/markers';
import { chooseStyle, mapStyleUrlFromSettings, offlineStyle } from '@renderer/map/map-style';
import type { PractitionerCard } from '@shared/ranking/results';
import { practitioner } from '@tests/unit/renderer/fixtures';

function haversineKm(a: [number, number], b: [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLon = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}

describe('map geometry', () => {
  it('draws the search radius at the radius from the patient, closed', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 41, max: 51, noNaN: true }),
        fc.double({ min: -5, max: 9, noNaN: true }),
        fc.double({ min: 0.5, max: 60, noNaN: true }),
        (lat, lon, km) => {
          const ring = circleRing({ lat, lon }, km, 32);
          expect(ring).toHaveLength(33);
          expect(ring[0]).toEqual(ring[32]);
          for (const point of ring) expect(haversineKm([lon, lat], point)).toBeCloseTo(km, 3);
        },
      ),
    );
  });

  it('frames points, ignoring unusable ones', () => {
    expect(
      boundsOf([
        [0.6, 44.2],
        [0.7, 44.1],
        [Number.NaN, 1],
      ]),
    ).toEqual([
      [0.6, 44.1],
      [0.7, 44.2],
    ]);
    expect(boundsOf([])).toBeUndefined();
    expect(isGeoPoint({ lat: 91, lon: 0 })).toBe(false);
    expect(isGeoPoint(undefined)).toBe(false);
  });

  it('makes one marker per placed card, keyed like the card, and counts the others', () => {
    const placed = practitioner(1);
    const unplaced = practitioner(2, { places: [{ city: 'Agen' }] });
    const card = (p: typeof placed, isGp: boolean): PractitionerCard => ({
      kind: 'practitioner',
      key: `ps:${p.nationalId}`,
      practitioner: p,
      isGp,
      slots: [],
      totalSlots: 0,
      acceptsBeyondSlots: false,
    });
    const { collection, unplaced: missing } = cardFeatures([card(placed, true), card(unplaced, false)]);
    expect(missing).toBe(1);
    expect(collection.features).toHaveLength(1);
    expect(collection.features[0]?.properties).toEqual({
      key: `ps:${placed.nationalId}`,
      kind: 'practitioner',
      gp: true,
      slots: 0,
    });
    expect(collection.features[0]?.geometry.coordinates).toEqual([0.62, 44.201]);
  });

  it('uses the offline GeoJSON style unless an HTTPS style URL is configured', () => {
    const style = offlineStyle('http://127.0.0.1:1/departements.geojson');
    expect(style.glyphs).toBeUndefined();
    expect(JSON.stringify(style.sources)).not.toMatch(/tiles/);
    expect(chooseStyle({}, 'http://127.0.0.1:1/')).toMatchObject({ version: 8 });
    expect(chooseStyle({ styleUrl: 'https://data.geopf.fr/style.json' }, 'http://x/')).toBe(
      'https://data.geopf.fr/style.json',
    );
    expect(mapStyleUrlFromSettings({ ui: { mapStyleUrl: 'https://data.geopf.fr/style.json' } })).toBe(
      'https://data.geopf.fr/style.json',
    );
    expect(mapStyleUrlFromSettings({ ui: { mapStyleUrl: 'http://insecure/style.json' } })).toBeUndefined();
    expect(mapStyleUrlFromSettings({ ui: {} })).toBeUndefined();
    expect(mapStyleUrlFromSettings(undefined)).toBeUndefined();
  });
});
