import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCommuneTable, parseCommunesTsv } from '@backend/geo/communes';
import { distanceKm } from '@backend/geo/distance';
import { countyArea, cityRadius, expandRadius, MAX_ENLARGEMENTS } from '@backend/geo/radius';
import { DEFAULT_CITY_RADIUS_KM, parseRadiusTable, withCommuneFallbacks } from '@backend/geo/radius-table';

const resource = (name: string) => readFileSync(new URL(`../../../../resources/geo/${name}`, import.meta.url), 'utf8');
const shipped = parseRadiusTable(resource('sas-search-radius-2025.tsv'));
const communes = createCommuneTable(parseCommunesTsv(resource('communes-centroids.tsv')).communes);
const completed = withCommuneFallbacks(shipped.table, communes);
const HEADER =
  'code\tlabel\tterritory name\tregion\tarea\tcountyRadius\tbarycentreCityLat\tbarycentreCityLon\tcityDefaultRadius\tenlargementValue';

describe('the shipped radius table', () => {
  it('reads all 101 departments, decimal commas included', () => {
    expect(shipped.issues).toEqual([]);
    expect(shipped.table.departments.size).toBe(101);
    expect(shipped.table.radiusFor('47')).toMatchObject({
      label: 'Lot-et-Garonne',
      cityDefaultRadiusKm: 30,
      enlargementValueKm: 15,
      countyRadiusKm: 104,
      barycentre: { lat: 44.3675, lon: 0.460277778 },
      fallbacks: [],
    });
    expect(shipped.table.radiusFor('33').barycentre?.lon).toBeCloseTo(-0.575277778, 9);
    expect(shipped.table.radiusFor('20A').department).toBe('2A');
    expect(shipped.table.radiusFor('4')).toBe(shipped.table.radiusFor('04'));
  });

  it('replaces the overseas zeros with the documented defaults', () => {
    const mayotte = shipped.table.radiusFor('976');
    expect(mayotte.cityDefaultRadiusKm).toBe(DEFAULT_CITY_RADIUS_KM);
    expect(mayotte.enlargementValueKm).toBe(DEFAULT_CITY_RADIUS_KM / 2);
    expect(mayotte.barycentre).toBeUndefined();
    expect(mayotte.fallbacks).toEqual(['cityDefaultRadius', 'enlargementValue', 'barycentre', 'countyRadius']);
    // Guadeloupe has city values but no barycentre nor county radius.
    expect(shipped.table.radiusFor('971')).toMatchObject({ cityDefaultRadiusKm: 10, enlargementValueKm: 5 });
    expect(shipped.table.radiusFor('971').fallbacks).toEqual(['barycentre', 'countyRadius']);
  });

  it('completes missing barycentres and county radii from the communes', () => {
    for (const code of ['971', '972', '973', '974', '976']) {
      const row = completed.radiusFor(code);
      const members = communes.inDepartment(code);
      expect(row.barycentre).toBeDefined();
      // The county radius reaches every commune centroid of the department.
      for (const commune of members) {
        expect(distanceKm(row.barycentre!, commune.point)).toBeLessThanOrEqual(row.countyRadiusKm);
      }
    }
    expect(completed.radiusFor('974').barycentre!.lat).toBeLessThan(-20);
    // Rows the file fills are left as they are.
    expect(completed.radiusFor('47')).toBe(completed.departments.get('47'));
    expect(completed.radiusFor('47').countyRadiusKm).toBe(104);
  });

  it('gives defaults for a department the file does not list', () => {
    const unknown = shipped.table.radiusFor('977');
    expect(unknown.cityDefaultRadiusKm).toBe(DEFAULT_CITY_RADIUS_KM);
    expect(unknown.fallbacks).toContain('cityDefaultRadius');
  });
});

describe('parseRadiusTable', () => {
  it('reports bad codes and duplicates by line', () => {
    const text = [
      HEADER,
      '47\tLot-et-Garonne\tSAS-47\tNA\t5385\t104\t44,3675\t0,46\t30\t15',
      'XX\tNulle part\t\t\t0\t0\t0\t0\t0\t0',
      '47\tDoublon\t\t\t0\t0\t0\t0\t10\t5',
    ].join('\n');
    const { table, issues } = parseRadiusTable(text);
    expect(issues.map((issue) => issue.line)).toEqual([3, 4]);
    expect(table.radiusFor('47').label).toBe('Lot-et-Garonne');
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const { table } = parseRadiusTable(`${HEADER}\n${text}`);
        expect(table.radiusFor('47').cityDefaultRadiusKm).toBeGreaterThan(0);
      }),
    );
  });

  it('reads back generated rows written with decimal commas', () => {
    fc.assert(
      fc.property(
        fc.record({
          county: fc.integer({ min: 1, max: 300 }),
          lat: fc.double({ min: 41, max: 51, noNaN: true }),
          lon: fc.double({ min: -5, max: 9, noNaN: true }).filter((value) => value !== 0),
          city: fc.integer({ min: 1, max: 60 }),
          step: fc.integer({ min: 1, max: 30 }),
        }),
        (r) => {
          const comma = (value: number) => String(value).replace('.', ',');
          const text = `${HEADER}\n33\tGironde\tSAS-33\tNA\t10155\t${r.county}\t${comma(r.lat)}\t${comma(r.lon)}\t${r.city}\t${r.step}`;
          const row = parseRadiusTable(text).table.radiusFor('33');
          expect(row).toMatchObject({
            countyRadiusKm: r.county,
            cityDefaultRadiusKm: r.city,
            enlargementValueKm: r.step,
          });
          expect(row.barycentre?.lat).toBeCloseTo(r.lat, 9);
          expect(row.barycentre?.lon).toBeCloseTo(r.lon, 9);
          expect(row.fallbacks).toEqual([]);
        },
      ),
    );
  });
});

describe('radius enlargement', () => {
  it('widens by the enlargement value until 5 practitioners are found', async () => {
    const asked: number[] = [];
    const choice = await cityRadius(shipped.table.radiusFor('47'), (radius) => {
      asked.push(radius);
      return radius >= 60 ? 7 : 2;
    });
    expect(asked).toEqual([30, 45, 60]);
    expect(choice).toEqual({ radiusKm: 60, enlargements: 2, practitionerCount: 7 });
  });

  it('stops after a bounded number of enlargements', async () => {
    const choice = await cityRadius(shipped.table.radiusFor('75'), async () => 0);
    expect(choice).toEqual({
      radiusKm: 5 + 3 * MAX_ENLARGEMENTS,
      enlargements: MAX_ENLARGEMENTS,
      practitionerCount: 0,
    });
  });

  it('always ends at initial + k × step, with k bounded, and k < max only when enough were found', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 0, max: 25 }),
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 1, max: 400 }),
        async (initialKm, stepKm, maxEnlargements, density) => {
          // A monotonic count: more radius, more practitioners.
          const countWithin = (radius: number) => Math.floor((radius * radius) / density);
          const choice = await expandRadius({ initialKm, stepKm, maxEnlargements, countWithin });
          expect(choice.radiusKm).toBe(initialKm + choice.enlargements * stepKm);
          expect(choice.enlargements).toBeLessThanOrEqual(stepKm > 0 ? maxEnlargements : 0);
          expect(choice.practitionerCount).toBe(countWithin(choice.radiusKm));
          if (choice.practitionerCount < 5 && stepKm > 0) expect(choice.enlargements).toBe(maxEnlargements);
          if (choice.enlargements > 0) expect(countWithin(choice.radiusKm - stepKm)).toBeLessThan(5);
        },
      ),
    );
  });

  it('searches a whole department from its barycentre with the county radius', () => {
    expect(countyArea(shipped.table.radiusFor('47'))).toEqual({
      point: { lat: 44.3675, lon: 0.460277778 },
      radiusKm: 104,
    });
    expect(countyArea(shipped.table.radiusFor('976'))).toBeUndefined();
    expect(countyArea(completed.radiusFor('976'))?.radiusKm).toBeGreaterThan(0);
  });
});
