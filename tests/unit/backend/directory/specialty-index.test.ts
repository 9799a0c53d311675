// The per-specialty indexes answer exactly what a scan of every practitioner would: same practitioners, nearest
// first, each once at its nearest place; MSP and centres de santé come from their own index.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Coding, Practitioner } from '@shared/domain/care-offer';
import { createDirectory } from '@backend/directory/directory';
import { distanceKm } from '@backend/geo/distance';
import { specialtyCoding, specialtyMatches, TRE_R38_OID } from '@shared/domain/specialties';

const CODES: Coding[] = [
  specialtyCoding('TRE_R38', 'SM54'),
  { system: TRE_R38_OID, code: 'SM53' },
  specialtyCoding('TRE_R38', 'SM26'),
  specialtyCoding('TRE_R38', 'SM40'),
  specialtyCoding('TRE_R38', 'SM04'),
  specialtyCoding('TRE_G15', '40'),
];
const CENTER = { lat: 44.2, lon: 0.6 };
const point = fc.record({
  lat: fc.double({ min: 44.0, max: 44.4, noNaN: true }),
  lon: fc.double({ min: 0.4, max: 0.8, noNaN: true }),
});
const practitioners = fc.uniqueArray(
  fc.record({
    id: fc.integer({ min: 1, max: 99_999 }),
    specialties: fc.uniqueArray(fc.constantFrom(...CODES), { minLength: 1, maxLength: 2 }),
    points: fc.array(point, { minLength: 1, maxLength: 3 }),
  }),
  { selector: (p) => p.id, maxLength: 60 },
);

function scan(all: Practitioner[], radiusKm: number, wanted: Coding[]) {
  return all
    .filter((p) => wanted.some((w) => p.specialties.some((c) => specialtyMatches(c, w))))
    .map((p) => ({
      id: p.nationalId,
      km: Math.min(...p.places.map((place) => distanceKm(CENTER, place.point ?? CENTER))),
    }))
    .filter((hit) => hit.km <= radiusKm);
}

describe('per-specialty indexes', () => {
  it('find the same practitioners as a scan, nearest first, once each', () => {
    fc.assert(
      fc.property(
        practitioners,
        fc.double({ min: 0.5, max: 40, noNaN: true }),
        fc.uniqueArray(fc.constantFrom(...CODES), { minLength: 1, maxLength: 2 }),
        (drawn, radiusKm, wanted) => {
          const all: Practitioner[] = drawn.map((p) => ({
            nationalId: `8${String(p.id).padStart(11, '0')}`,
            familyName: 'Nom',
            specialties: p.specialties,
            places: p.points.map((pt) => ({ point: pt })),
          }));
          const directory = createDirectory({ publishers: [], practitioners: all, cpts: [], sosSites: [] });
          const found = directory
            .findWithinRadius({ point: CENTER, radiusKm, specialty: wanted })
            .practitioners.map((hit) => ({ id: hit.practitioner.nationalId, km: hit.distanceKm }));
          const expected = scan(all, radiusKm, wanted);
          expect(found.map((hit) => hit.id).sort()).toEqual(expected.map((hit) => hit.id).sort());
          for (let i = 1; i < found.length; i += 1) expect(found[i]!.km).toBeGreaterThanOrEqual(found[i - 1]!.km);
          for (const hit of found) expect(hit.km).toBeCloseTo(expected.find((e) => e.id === hit.id)!.km, 9);
          expect(directory.countPractitionersWithin(CENTER, radiusKm, wanted)).toBe(expected.length);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('lists MSP and centres de santé within the radius, nearest first, and finds them by FINESS', () => {
    const directory = createDirectory({
      publishers: [],
      practitioners: [],
      cpts: [],
      sosSites: [],
      structures: [
        { finess: '470000001', kind: 'msp', name: 'MSP loin', place: { point: { lat: 44.3, lon: 0.6 } } },
        { finess: '470000002', kind: 'cds', name: 'CDS près', place: { point: { lat: 44.21, lon: 0.6 } } },
        { finess: '470000003', kind: 'msp', name: 'MSP hors rayon', place: { point: { lat: 45.5, lon: 0.6 } } },
      ],
    });
    const within = directory.findWithinRadius({ point: CENTER, radiusKm: 20 }).structures;
    expect(within.map((hit) => hit.structure.name)).toEqual(['CDS près', 'MSP loin']);
    expect(directory.getStructure('470000003')?.name).toBe('MSP hors rayon');
  });
});
