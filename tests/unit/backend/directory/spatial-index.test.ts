import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createGridIndex } from '@backend/directory/spatial-index';
import { distanceKm } from '@backend/geo/distance';

const francePoint = fc.record({
  lat: fc.double({ min: 42, max: 51, noNaN: true }),
  lon: fc.double({ min: -5, max: 8, noNaN: true }),
});

describe('great-circle distance', () => {
  it('matches known distances', () => {
    // Paris – Lyon (city centres): about 392 km.
    expect(distanceKm({ lat: 48.8566, lon: 2.3522 }, { lat: 45.764, lon: 4.8357 })).toBeCloseTo(392, -1);
    expect(distanceKm({ lat: 44.2, lon: 0.6 }, { lat: 44.2, lon: 0.6 })).toBe(0);
  });

  it('is symmetric and obeys the triangle inequality', () => {
    fc.assert(
      fc.property(francePoint, francePoint, francePoint, (a, b, c) => {
        expect(distanceKm(a, b)).toBeCloseTo(distanceKm(b, a), 9);
        expect(distanceKm(a, c)).toBeLessThanOrEqual(distanceKm(a, b) + distanceKm(b, c) + 1e-9);
      }),
    );
  });
});

describe('grid index', () => {
  it('finds exactly what a linear scan finds, nearest first', () => {
    fc.assert(
      fc.property(
        fc.array(francePoint, { maxLength: 300 }),
        francePoint,
        fc.double({ min: 0, max: 400, noNaN: true }),
        fc.constantFrom(0.01, 0.05, 0.5),
        (points, center, radiusKm, cell) => {
          const index = createGridIndex(
            points.map((point, id) => ({ point, value: id })),
            cell,
          );
          const expected = points
            .map((point, id) => ({ id, distance: distanceKm(center, point) }))
            .filter((entry) => entry.distance <= radiusKm)
            .map((entry) => entry.id)
            .sort((a, b) => a - b);
          const hits = index.within(center, radiusKm);
          expect(hits.map((hit) => hit.value).sort((a, b) => a - b)).toEqual(expected);
          for (let i = 1; i < hits.length; i += 1)
            expect(hits[i - 1]!.distanceKm).toBeLessThanOrEqual(hits[i]!.distanceKm);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('includes points at exactly the radius and ignores invalid input', () => {
    const center = { lat: 44.2, lon: 0.6 };
    const point = { lat: 44.3, lon: 0.6 };
    const index = createGridIndex([
      { point, value: 'on-the-edge' },
      { point: { lat: Number.NaN, lon: 0 }, value: 'invalid' },
    ]);
    expect(index.size).toBe(1);
    expect(index.within(center, distanceKm(center, point)).map((hit) => hit.value)).toEqual(['on-the-edge']);
    expect(index.within(center, -1)).toEqual([]);
  });
});

describe('grid index edge cases', () => {
  it('finds a point a rounding error across a cell edge (found by the property above)', () => {
    const index = createGridIndex([{ point: { lat: 42.0000000000001, lon: -5e-324 }, value: 0 }], 0.01);
    expect(index.within({ lat: 42.0000000000001, lon: 0 }, 0).map((hit) => hit.value)).toEqual([0]);
  });
});
